package io.inferlink.transport.http.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.impl.BasicEntityDetails;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.junit.jupiter.api.Test;

/** The response consumer on its own: chunking, the size cap, and when it hands the result over. */
class CappedBodyConsumerTest {
  private final AtomicReference<HttpResult> result = new AtomicReference<>();
  private final FutureCallback<HttpResult> callback = new FutureCallback<>() {
    @Override
    public void completed(HttpResult r) {
      result.set(r);
    }

    @Override
    public void failed(Exception ex) {
      throw new AssertionError(ex);
    }

    @Override
    public void cancelled() {
      throw new AssertionError("cancelled");
    }
  };

  private CappedBodyConsumer start(long limit, long contentLength) throws Exception {
    CappedBodyConsumer c = new CappedBodyConsumer(limit);
    BasicHttpResponse response = new BasicHttpResponse(200);
    response.addHeader("Content-Type", "application/octet-stream");
    c.consumeResponse(response, new BasicEntityDetails(contentLength, ContentType.APPLICATION_OCTET_STREAM), null, callback);
    return c;
  }

  @Test
  void unknownLengthStopsAtTheCapWithoutHoldingMore() throws Exception {
    CappedBodyConsumer c = start(1 << 20, -1);
    ByteBuffer block = ByteBuffer.allocate(16 * 1024);
    long fed = 0;
    BodyTooLargeException e = null;
    while (fed < 10_000_000) {
      try {
        c.consume(block.duplicate());
      } catch (BodyTooLargeException tooLarge) {
        e = tooLarge;
        break;
      }
      fed += block.capacity();
    }
    assertTrue(e != null, "no failure after " + fed + " bytes");
    assertEquals(1 << 20, fed); // failed on the first block past the cap
    assertTrue(c.allocatedBytes() <= 1 << 20, "allocated " + c.allocatedBytes());
    c.failed(e);
    c.releaseResources();
    assertNull(result.get());
  }

  @Test
  void declaredLengthOverTheCapFailsBeforeAnyByte() {
    assertThrows(BodyTooLargeException.class, () -> start(1024, 10_000_000));
  }

  @Test
  void declaredLengthIsCollectedIntoOneChunkAndHandedOverOnRelease() throws Exception {
    byte[] data = new byte[100_000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 31);
    }
    CappedBodyConsumer c = start(1 << 20, data.length);
    for (int off = 0; off < data.length; off += 8192) {
      c.consume(ByteBuffer.wrap(data, off, Math.min(8192, data.length - off)));
    }
    c.streamEnd(List.of());
    assertNull(result.get()); // not before HttpClient has released the connection
    c.releaseResources();
    HttpResult r = result.get();
    assertEquals(200, r.status());
    assertEquals(1, r.body().chunks().size());
    assertArrayEquals(data, r.body().toByteArray());
    assertEquals("application/octet-stream", r.contentType());
  }

  @Test
  void aDeclaredLengthOverFourMibStillArrivesInOneChunk() throws Exception {
    // One buffer, so a binary tensor in it is a view (V2 REST), not a copy out of two chunks.
    int size = 10_000_000;
    CappedBodyConsumer c = start(64 << 20, size);
    ByteBuffer block = ByteBuffer.allocate(64 * 1024);
    for (int fed = 0; fed < size; fed += block.capacity()) {
      c.consume(block.duplicate().limit(Math.min(block.capacity(), size - fed)));
    }
    c.streamEnd(List.of());
    c.releaseResources();
    assertEquals(List.of(size), result.get().body().chunks().stream().map(ByteBuffer::remaining).toList());
    assertEquals(size, c.allocatedBytes());
  }

  @Test
  void unknownLengthGrowsByDoublingChunks() throws Exception {
    CappedBodyConsumer c = start(1 << 30, -1);
    byte[] data = new byte[200_000];
    c.consume(ByteBuffer.wrap(data));
    c.streamEnd(List.of());
    c.releaseResources();
    assertEquals(List.of(16384, 16384, 32768, 65536, 68928),
        result.get().body().chunks().stream().map(ByteBuffer::remaining).toList());
  }
}
