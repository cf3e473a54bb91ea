package io.inferlink.transport.http.internal;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/** Reads a sequence of buffers as one stream, through its own views. Not thread-safe. */
final class ChunksInputStream extends InputStream {
  private final ByteBuffer[] chunks;
  private int index;
  private ByteBuffer current;

  ChunksInputStream(ByteBuffer[] chunks) {
    this.chunks = chunks;
  }

  /** The chunk with bytes left, or null at the end. */
  private ByteBuffer current() {
    while (current == null || !current.hasRemaining()) {
      if (index == chunks.length) {
        return null;
      }
      current = chunks[index++].duplicate();
    }
    return current;
  }

  @Override
  public int read() {
    ByteBuffer c = current();
    return c == null ? -1 : c.get() & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    int n = 0;
    ByteBuffer c;
    while (n < len && (c = current()) != null) {
      int k = Math.min(len - n, c.remaining());
      c.get(b, off + n, k);
      n += k;
    }
    return n == 0 ? -1 : n;
  }

  @Override
  public long skip(long n) {
    long skipped = 0;
    ByteBuffer c;
    while (skipped < n && (c = current()) != null) {
      int k = (int) Math.min(n - skipped, c.remaining());
      c.position(c.position() + k);
      skipped += k;
    }
    return skipped;
  }

  @Override
  public int available() {
    ByteBuffer c = current();
    return c == null ? 0 : c.remaining();
  }
}
