package io.inferlink.transport.http.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An output stream that collects bytes in chunks that are never copied to grow: each new chunk is
 * twice the size of the last, up to 4 MiB. Used to write JSON with Jackson straight into a
 * {@link RequestBody}. Not thread-safe.
 */
public final class ChunkedOutput extends OutputStream {
  /** The size of the first chunk unless one is given. */
  public static final int DEFAULT_FIRST_CHUNK = 16 * 1024;
  /** The largest chunk. */
  public static final int MAX_CHUNK = 4 * 1024 * 1024;

  private final List<ByteBuffer> full = new ArrayList<>();
  private byte[] current;
  private int used;
  private long size;
  private boolean closed;

  /** Starts with a 16 KiB chunk. */
  public ChunkedOutput() {
    this(DEFAULT_FIRST_CHUNK);
  }

  /** Starts with a chunk of this size (1 byte .. 4 MiB), e.g. the expected body size. */
  public ChunkedOutput(int firstChunkSize) {
    if (firstChunkSize < 1 || firstChunkSize > MAX_CHUNK) {
      throw new IllegalArgumentException("firstChunkSize must be 1.." + MAX_CHUNK + ", got " + firstChunkSize);
    }
    current = new byte[firstChunkSize];
  }

  @Override
  public void write(int b) throws IOException {
    ensureOpen();
    if (used == current.length) {
      nextChunk();
    }
    current[used++] = (byte) b;
    size++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    ensureOpen();
    while (len > 0) {
      if (used == current.length) {
        nextChunk();
      }
      int n = Math.min(len, current.length - used);
      System.arraycopy(b, off, current, used, n);
      used += n;
      off += n;
      len -= n;
      size += n;
    }
  }

  private void nextChunk() {
    full.add(ByteBuffer.wrap(current).asReadOnlyBuffer());
    current = new byte[(int) Math.min(MAX_CHUNK, 2L * current.length)];
    used = 0;
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("ChunkedOutput is closed");
    }
  }

  /** Bytes written so far. */
  public long size() {
    return size;
  }

  /** Fresh read-only views of the bytes written so far, in order; not copies. */
  public List<ByteBuffer> chunks() {
    List<ByteBuffer> out = new ArrayList<>(full.size() + 1);
    for (ByteBuffer b : full) {
      out.add(b.duplicate());
    }
    if (used > 0) {
      out.add(ByteBuffer.wrap(current, 0, used).slice().asReadOnlyBuffer());
    }
    return Collections.unmodifiableList(out);
  }

  /** The bytes written so far as a request body, without copying them. */
  public RequestBody toRequestBody() {
    return RequestBody.ofBuffers(chunks());
  }

  /** Later writes fail; what was written stays readable. */
  @Override
  public void close() {
    closed = true;
  }
}
