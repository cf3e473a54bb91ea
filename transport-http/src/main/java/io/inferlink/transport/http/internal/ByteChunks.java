package io.inferlink.transport.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A response body held as the chunks it arrived in, never concatenated into one array. Immutable
 * and thread-safe: every reader gets its own views.
 */
public final class ByteChunks {
  private static final ByteChunks EMPTY = new ByteChunks(new ByteBuffer[0]);

  private final ByteBuffer[] chunks;
  private final long[] starts;
  private final long size;

  private ByteChunks(ByteBuffer[] chunks) {
    this.chunks = chunks;
    this.starts = new long[chunks.length];
    long total = 0;
    for (int i = 0; i < chunks.length; i++) {
      starts[i] = total;
      total += chunks[i].remaining();
    }
    this.size = total;
  }

  /** The bytes between each buffer's position and limit, in order; kept as read-only views, not copied. */
  public static ByteChunks of(List<ByteBuffer> chunks) {
    List<ByteBuffer> views = new ArrayList<>(chunks.size());
    for (ByteBuffer b : chunks) {
      if (Objects.requireNonNull(b, "chunk").hasRemaining()) {
        views.add(b.asReadOnlyBuffer().slice());
      }
    }
    return views.isEmpty() ? EMPTY : new ByteChunks(views.toArray(new ByteBuffer[0]));
  }

  /** The array as one chunk, not copied: do not change it afterwards. */
  public static ByteChunks ofBytes(byte[] bytes) {
    return of(List.of(ByteBuffer.wrap(bytes)));
  }

  /** The number of bytes. */
  public long size() {
    return size;
  }

  /** Fresh read-only views of the chunks, in order. */
  public List<ByteBuffer> chunks() {
    List<ByteBuffer> out = new ArrayList<>(chunks.length);
    for (ByteBuffer c : chunks) {
      out.add(c.duplicate());
    }
    return Collections.unmodifiableList(out);
  }

  /** A new stream over all the bytes; each call starts again at the beginning. */
  public InputStream newInputStream() {
    return new ChunksInputStream(chunks);
  }

  /**
   * All bytes in one new array; for small bodies.
   *
   * @throws IllegalStateException when the body is too large for an array
   */
  public byte[] toByteArray() {
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("body of " + size + " bytes does not fit in an array");
    }
    byte[] out = new byte[(int) size];
    int at = 0;
    for (ByteBuffer c : chunks) {
      int n = c.remaining();
      c.duplicate().get(out, at, n);
      at += n;
    }
    return out;
  }

  /** The first {@code maxChars} characters of the body read as UTF-8 (bad bytes replaced), for messages. */
  public String toUtf8(int maxChars) {
    if (maxChars < 0) {
      throw new IllegalArgumentException("maxChars must be >= 0, got " + maxChars);
    }
    char[] buf = new char[(int) Math.min(maxChars, size)];
    int n = 0;
    try (Reader r = new InputStreamReader(newInputStream(), StandardCharsets.UTF_8)) {
      while (n < buf.length) {
        int k = r.read(buf, n, buf.length - n);
        if (k < 0) {
          break;
        }
        n += k;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen: the bytes are in memory
    }
    return new String(buf, 0, n);
  }

  /**
   * A read-only little-endian view of {@code length} bytes from {@code offset}: zero-copy when they lie
   * in one chunk, else one copy.
   *
   * @throws IndexOutOfBoundsException when the range is not inside the body
   */
  public ByteBuffer slice(long offset, int length) {
    if (offset < 0 || length < 0 || offset > size - length) {
      throw new IndexOutOfBoundsException("range [" + offset + ", " + offset + "+" + length + ") is outside a body of " + size + " bytes");
    }
    if (length == 0) {
      return ByteBuffer.allocate(0).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }
    int i = chunkAt(offset);
    int inChunk = (int) (offset - starts[i]);
    if (inChunk + length <= chunks[i].remaining()) {
      return chunks[i].duplicate().position(inChunk).limit(inChunk + length).slice()
          .asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }
    ByteBuffer out = ByteBuffer.allocate(length);
    while (out.hasRemaining()) {
      ByteBuffer c = chunks[i++].duplicate().position(inChunk);
      c.limit(c.position() + Math.min(c.remaining(), out.remaining()));
      out.put(c);
      inChunk = 0;
    }
    return out.flip().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  private int chunkAt(long offset) {
    int i = Arrays.binarySearch(starts, offset);
    return i >= 0 ? i : -i - 2;
  }

  @Override
  public String toString() {
    return "ByteChunks{" + size + " bytes in " + chunks.length + " chunks}";
  }
}
