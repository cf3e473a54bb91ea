package io.inferlink.transport.http.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A request body made of buffers that the transport writes to the socket one after the other without
 * copying them: JSON text chunks, or a JSON header followed by raw tensor buffers (binary tensor
 * extension). Immutable and thread-safe; the caller must not change the bytes until the call ends.
 */
public final class RequestBody {
  private static final RequestBody EMPTY = new RequestBody(List.of(), 0);

  private final List<ByteBuffer> buffers;
  private final long length;
  /** This body gzip-compressed, made by the first attempt that needs it and reused by retries. */
  private volatile RequestBody gzipped;

  private RequestBody(List<ByteBuffer> buffers, long length) {
    this.buffers = buffers;
    this.length = length;
  }

  /** No bytes; sent with {@code Content-Length: 0}. */
  public static RequestBody empty() {
    return EMPTY;
  }

  /** The whole array, not copied. */
  public static RequestBody ofBytes(byte[] bytes) {
    return ofBytes(bytes, 0, bytes.length);
  }

  /** {@code length} bytes of the array from {@code offset}, not copied. */
  public static RequestBody ofBytes(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    return ofBuffers(List.of(ByteBuffer.wrap(bytes, offset, length)));
  }

  /**
   * The bytes between each buffer's position and limit, in order. The buffers are not modified (the
   * body keeps read-only views) nor copied.
   */
  public static RequestBody ofBuffers(List<ByteBuffer> buffers) {
    List<ByteBuffer> views = new ArrayList<>(buffers.size());
    long total = 0;
    for (ByteBuffer b : buffers) {
      Objects.requireNonNull(b, "buffer");
      if (b.hasRemaining()) {
        views.add(b.asReadOnlyBuffer().slice());
        total += b.remaining();
      }
    }
    return views.isEmpty() ? EMPTY : new RequestBody(Collections.unmodifiableList(views), total);
  }

  /** The number of bytes, sent as {@code Content-Length}. */
  public long length() {
    return length;
  }

  /** This body gzip-compressed ({@link GzipCoding#compress}), compressed once however often it is sent. */
  RequestBody gzipped() {
    RequestBody g = gzipped;
    if (g == null) {
      g = GzipCoding.compress(this);
      gzipped = g; // two racing attempts may both compress; either result is right
    }
    return g;
  }

  /** Fresh views of the buffers, positioned at their start, for one sending. */
  ByteBuffer[] freshBuffers() {
    ByteBuffer[] out = new ByteBuffer[buffers.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = buffers.get(i).duplicate();
    }
    return out;
  }
}
