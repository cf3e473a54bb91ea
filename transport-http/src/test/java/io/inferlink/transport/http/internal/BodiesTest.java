package io.inferlink.transport.http.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RequestBody, ChunkedOutput and ByteChunks: views, never copies, where the contract says so. */
class BodiesTest {
  private static byte[] counting(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  private static byte[] concat(ByteBuffer[] buffers) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (ByteBuffer b : buffers) {
      byte[] a = new byte[b.remaining()];
      b.duplicate().get(a);
      out.writeBytes(a);
    }
    return out.toByteArray();
  }

  @Test
  void requestBodyTakesPositionToLimitAndLeavesBuffersAlone() {
    ByteBuffer a = ByteBuffer.wrap(counting(10));
    a.position(2).limit(7);
    ByteBuffer b = ByteBuffer.wrap("xyz".getBytes(StandardCharsets.US_ASCII));
    RequestBody body = RequestBody.ofBuffers(List.of(a, ByteBuffer.allocate(0), b));
    assertEquals(8, body.length());
    assertEquals(2, a.position());
    assertEquals(7, a.limit());
    assertArrayEquals(new byte[] {2, 3, 4, 5, 6, 'x', 'y', 'z'}, concat(body.freshBuffers()));
    // Sending consumes the fresh views only: a second sending sees all bytes again.
    ByteBuffer[] first = body.freshBuffers();
    first[0].position(first[0].limit());
    assertArrayEquals(new byte[] {2, 3, 4, 5, 6, 'x', 'y', 'z'}, concat(body.freshBuffers()));
  }

  @Test
  void requestBodyOfBytesIsAViewNotACopy() {
    byte[] data = counting(6);
    RequestBody body = RequestBody.ofBytes(data, 1, 4);
    assertEquals(4, body.length());
    data[1] = 99; // proves no copy was taken
    assertArrayEquals(new byte[] {99, 2, 3, 4}, concat(body.freshBuffers()));
    assertEquals(0, RequestBody.empty().length());
    assertSame(RequestBody.empty(), RequestBody.ofBytes(new byte[0]));
    assertThrows(IndexOutOfBoundsException.class, () -> RequestBody.ofBytes(data, 4, 3));
  }

  @Test
  void chunkedOutputGrowsByNewChunksAndSharesThem() throws IOException {
    ChunkedOutput out = new ChunkedOutput(4);
    byte[] data = counting(100);
    out.write(data, 0, 3);
    out.write(data[3]);
    out.write(data, 4, 96);
    assertEquals(100, out.size());
    List<ByteBuffer> chunks = out.chunks();
    // 4 + 8 + 16 + 32 + 64: sizes double, and the last one is only partly used
    assertEquals(List.of(4, 8, 16, 32, 40), chunks.stream().map(ByteBuffer::remaining).toList());
    assertArrayEquals(data, concat(chunks.toArray(new ByteBuffer[0])));
    assertTrue(chunks.get(0).isReadOnly());
    RequestBody body = out.toRequestBody();
    assertEquals(100, body.length());
    out.close();
    assertThrows(IOException.class, () -> out.write(1));
    assertArrayEquals(data, concat(body.freshBuffers()));
    assertThrows(IllegalArgumentException.class, () -> new ChunkedOutput(0));
  }

  @Test
  void chunkedOutputCapsChunkSize() throws IOException {
    ChunkedOutput out = new ChunkedOutput(ChunkedOutput.MAX_CHUNK);
    out.write(new byte[ChunkedOutput.MAX_CHUNK + 1]);
    assertEquals(List.of(ChunkedOutput.MAX_CHUNK, 1), out.chunks().stream().map(ByteBuffer::remaining).toList());
  }

  @Test
  void byteChunksStreamsAreIndependentAndRereadable() throws IOException {
    ByteChunks c = ByteChunks.of(List.of(ByteBuffer.wrap(counting(5)), ByteBuffer.allocate(0), ByteBuffer.wrap(counting(3))));
    assertEquals(8, c.size());
    byte[] expected = {0, 1, 2, 3, 4, 0, 1, 2};
    try (InputStream a = c.newInputStream(); InputStream b = c.newInputStream()) {
      assertEquals(0, a.read());
      assertEquals(2, a.skip(2));
      assertArrayEquals(expected, b.readAllBytes());
      assertArrayEquals(new byte[] {3, 4, 0, 1, 2}, a.readAllBytes());
      assertEquals(-1, a.read());
    }
    assertArrayEquals(expected, c.toByteArray());
    assertArrayEquals(expected, c.newInputStream().readAllBytes());
  }

  @Test
  void sliceIsZeroCopyInsideAChunkAndLittleEndian() {
    byte[] first = counting(8);
    ByteChunks c = ByteChunks.of(List.of(ByteBuffer.wrap(first), ByteBuffer.wrap(counting(8))));
    ByteBuffer s = c.slice(2, 4);
    assertEquals(ByteOrder.LITTLE_ENDIAN, s.order());
    assertTrue(s.isReadOnly());
    assertEquals(0x05040302, s.getInt(0));
    first[2] = 9; // a view sees the change, a copy would not
    assertEquals(9, s.get(0));
    ByteBuffer across = c.slice(6, 4);
    assertEquals(ByteOrder.LITTLE_ENDIAN, across.order());
    assertEquals(0x01000706, across.getInt(0));
    assertEquals(0, c.slice(16, 0).remaining());
    assertThrows(IndexOutOfBoundsException.class, () -> c.slice(14, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> c.slice(-1, 1));
  }

  @Test
  void chunksAreKeptAsReceived() {
    ByteBuffer a = ByteBuffer.wrap(counting(4));
    ByteChunks c = ByteChunks.of(List.of(a));
    assertEquals(1, c.chunks().size());
    assertNotSame(c.chunks().get(0), c.chunks().get(0));
    assertTrue(c.chunks().get(0).isReadOnly());
  }

  @Test
  void toUtf8StopsAtMaxCharsAndHandlesSplitCharacters() {
    byte[] text = "héllo wörld".getBytes(StandardCharsets.UTF_8);
    // Split inside the two-byte 'é'.
    ByteChunks c = ByteChunks.of(List.of(ByteBuffer.wrap(text, 0, 2), ByteBuffer.wrap(text, 2, text.length - 2)));
    assertEquals("héllo wörld", c.toUtf8(100));
    assertEquals("hél", c.toUtf8(3));
    assertEquals("", ByteChunks.ofBytes(new byte[0]).toUtf8(10));
  }
}
