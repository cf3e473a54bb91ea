package io.inferlink.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The buffered reading side of one HTTP connection: lines for the request head, exact byte counts
 * for bodies, and a wait for "anything at all" that tells a new request from a hang-up. Used by one
 * connection thread only; not thread-safe.
 */
final class HttpInput {
  private final InputStream in;
  private final byte[] buffer = new byte[16 * 1024];
  private int position;
  private int limit;

  HttpInput(InputStream in) {
    this.in = in;
  }

  /**
   * Waits until at least one byte is buffered; false when the peer closed the connection (or it
   * failed, which for a server means the same: nobody is left to answer), or when the socket's read
   * timeout passed while {@code stillBusy} says nothing is running on the connection any more.
   */
  boolean awaitData(BooleanSupplier stillBusy) {
    while (true) {
      try {
        return fill();
      } catch (SocketTimeoutException e) {
        if (!stillBusy.getAsBoolean()) {
          return false; // idle for the whole timeout: let the connection go
        }
      } catch (IOException e) {
        return false;
      }
    }
  }

  /**
   * One line without its CRLF (a bare LF is tolerated, as most servers do), decoded as ISO-8859-1;
   * {@code null} at end of stream before any byte of the line.
   *
   * @throws HttpProtocolException 431 when the line is longer than {@code maxLength}
   */
  String readLine(int maxLength) throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      if (position == limit && !fill()) {
        if (line.length() == 0) {
          return null;
        }
        throw new IOException("connection closed in the middle of a line");
      }
      byte b = buffer[position++];
      if (b == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      if (line.length() >= maxLength) {
        throw new HttpProtocolException(431, "request line or header longer than " + maxLength + " bytes");
      }
      line.append((char) (b & 0xff));
    }
  }

  /** Reads exactly {@code count} bytes into {@code target} at {@code offset}. */
  void readFully(byte[] target, int offset, int count) throws IOException {
    int done = 0;
    while (done < count) {
      if (position == limit && !fill()) {
        throw new IOException("connection closed after " + done + " of " + count + " body bytes");
      }
      int n = Math.min(count - done, limit - position);
      System.arraycopy(buffer, position, target, offset + done, n);
      position += n;
      done += n;
    }
  }

  /** Reads and drops up to {@code count} bytes; returns how many it dropped before end of stream. */
  long skip(long count) throws IOException {
    long done = 0;
    while (done < count) {
      if (position == limit && !fill()) {
        break;
      }
      int n = (int) Math.min(count - done, limit - position);
      position += n;
      done += n;
    }
    return done;
  }

  private boolean fill() throws IOException {
    if (position < limit) {
      return true;
    }
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }
}
