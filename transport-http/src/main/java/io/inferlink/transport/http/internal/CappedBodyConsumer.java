package io.inferlink.transport.http.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Collects a response into {@link ByteChunks}, refusing more than a limit: a declared
 * {@code Content-Length} over it fails at once, a body that grows past it fails as soon as it does,
 * and the failure makes the client close the connection.
 *
 * <p>A declared length is reserved at once, in one buffer of up to {@value #MAX_DECLARED_CHUNK} bytes
 * (the default message limit), so a body that fits arrives in one piece and a tensor in it can be viewed
 * instead of copied out of two chunks; a server that declares a length and then stalls holds that much
 * until the deadline, never more than the limit. An undeclared length grows by doubling chunks of at
 * most {@value #MAX_CHUNK} bytes, so memory follows the bytes that actually arrive.
 *
 * <p>The result is handed over in {@link #releaseResources()}, which HttpClient calls after it has
 * returned the connection to the pool: a caller that sends its next request as soon as this one
 * completes then reuses the connection instead of opening another. A gzip-coded answer is inflated
 * there too ({@link GzipCoding#decodeAnswer}), under the same limit: the limit bounds the bytes the
 * readers get, not only those on the wire. Called by one I/O thread at a time.
 */
final class CappedBodyConsumer implements AsyncResponseConsumer<HttpResult> {
  private static final int FIRST_CHUNK = 16 * 1024;
  private static final int MAX_CHUNK = 4 * 1024 * 1024;
  private static final int MAX_DECLARED_CHUNK = 64 * 1024 * 1024;

  private final long limit;
  private final List<ByteBuffer> chunks = new ArrayList<>();
  private ByteBuffer current;
  private long received;
  private long allocated;
  private long declared = -1;
  private int status;
  private Map<String, List<String>> headers;
  private FutureCallback<HttpResult> callback;
  private HttpResult finished;

  CappedBodyConsumer(long limit) {
    this.limit = limit;
  }

  @Override
  public void consumeResponse(HttpResponse response, EntityDetails entity, HttpContext context,
      FutureCallback<HttpResult> resultCallback) throws IOException {
    StaleConnectionRetry.markAnswered(context);
    status = response.getCode();
    headers = new LinkedHashMap<>();
    for (Header h : response.getHeaders()) {
      headers.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue());
    }
    callback = resultCallback;
    if (entity == null) {
      finished = result();
      return;
    }
    declared = entity.getContentLength();
    if (declared > limit) {
      throw new BodyTooLargeException(declared, limit);
    }
  }

  @Override
  public void informationResponse(HttpResponse response, HttpContext context) {
    // 1xx answers carry nothing we use.
  }

  @Override
  public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
    capacityChannel.update(Integer.MAX_VALUE); // the limit, not flow control, bounds memory
  }

  @Override
  public void consume(ByteBuffer src) throws IOException {
    if (received + src.remaining() > limit) {
      throw new BodyTooLargeException(received + src.remaining(), limit);
    }
    received += src.remaining();
    while (src.hasRemaining()) {
      if (current == null || !current.hasRemaining()) {
        flushCurrent();
        current = ByteBuffer.allocate(nextChunkSize());
        allocated += current.capacity();
      }
      int n = Math.min(current.remaining(), src.remaining());
      ByteBuffer part = src.duplicate();
      part.limit(part.position() + n);
      current.put(part);
      src.position(src.position() + n);
    }
  }

  /** The rest of a declared length (up to 64 MiB at a time), else doubling up to 4 MiB; never past the limit. */
  private int nextChunkSize() {
    long wanted = declared >= 0 ? Math.min(declared - allocated, MAX_DECLARED_CHUNK)
        : Math.max(FIRST_CHUNK, Math.min(allocated, MAX_CHUNK));
    return (int) Math.max(1, Math.min(wanted, limit - allocated));
  }

  private void flushCurrent() {
    if (current != null && current.position() > 0) {
      chunks.add(current.flip());
    }
    current = null;
  }

  @Override
  public synchronized void streamEnd(List<? extends Header> trailers) {
    flushCurrent();
    finished = result();
  }

  /** Bytes of chunk memory taken so far (for tests). */
  synchronized long allocatedBytes() {
    return allocated;
  }

  private HttpResult result() {
    return HttpResult.of(status, headers, ByteChunks.of(chunks));
  }

  @Override
  public synchronized void failed(Exception cause) {
    // The client fails the call's future itself; only drop what was collected.
    finished = null;
    chunks.clear();
    current = null;
  }

  @Override
  public void releaseResources() {
    HttpResult done;
    synchronized (this) {
      done = finished;
      finished = null;
      chunks.clear();
      current = null;
    }
    if (done == null) {
      return;
    }
    HttpResult decoded;
    try {
      decoded = GzipCoding.decodeAnswer(done, limit);
    } catch (IOException e) {
      callback.failed(e);
      return;
    }
    callback.completed(decoded);
  }
}
