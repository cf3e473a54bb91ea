package io.inferlink.codec.json;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The bytes of a document held in buffers, as a stream Jackson reads from and as random access for
 * {@link NumberLists}, which reads lists of numbers itself and then moves the stream past them. Not thread-safe.
 */
final class ChunkStream extends InputStream {
  private final ByteBuffer[] chunks;
  /** Offset in the document of each chunk's first byte. */
  private final long[] starts;
  private final long size;
  private long position;
  private int chunk; // the chunk holding position, or chunks.length at the end

  ChunkStream(List<ByteBuffer> buffers) {
    chunks = new ByteBuffer[buffers.size()];
    starts = new long[buffers.size()];
    long offset = 0;
    for (int i = 0; i < chunks.length; i++) {
      chunks[i] = buffers.get(i).slice();
      starts[i] = offset;
      offset += chunks[i].remaining();
    }
    size = offset;
  }

  long size() {
    return size;
  }

  long position() {
    return position;
  }

  void seek(long to) {
    position = to;
    chunk = chunkOf(to, 0);
  }

  boolean startsWith(byte[] prefix) {
    if (size < prefix.length) {
      return false;
    }
    byte[] head = new byte[prefix.length];
    copy(0, head, 0, head.length);
    return java.util.Arrays.equals(head, prefix);
  }

  /** Copies up to {@code length} bytes from document offset {@code from}; returns how many (0 at the end). */
  int copy(long from, byte[] to, int offset, int length) {
    int done = 0;
    for (int c = chunkOf(from, 0); c < chunks.length && done < length; c++) {
      long inChunk = Math.max(0, from + done - starts[c]);
      int n = (int) Math.min(length - done, chunks[c].limit() - inChunk);
      chunks[c].get((int) inChunk, to, offset + done, n);
      done += n;
    }
    return done;
  }

  @Override
  public int read(byte[] to, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    while (chunk < chunks.length && position - starts[chunk] >= chunks[chunk].limit()) {
      chunk++;
    }
    if (chunk == chunks.length) {
      return -1;
    }
    int inChunk = (int) (position - starts[chunk]);
    int n = Math.min(length, chunks[chunk].limit() - inChunk);
    chunks[chunk].get(inChunk, to, offset, n);
    position += n;
    return n;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  /** The chunk holding document offset {@code at} (chunks.length past the end), searching from {@code from}. */
  private int chunkOf(long at, int from) {
    int c = from;
    while (c < chunks.length && at - starts[c] >= chunks[c].limit()) {
      c++;
    }
    return c;
  }
}
