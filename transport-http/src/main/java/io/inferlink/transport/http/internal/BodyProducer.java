package io.inferlink.transport.http.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Set;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;

/**
 * Writes a {@link RequestBody}'s buffers to the connection one after the other, as far as the socket
 * takes them, without copying them first, and reports when the last byte went out (from then on the
 * server may act on the request). Called by one I/O thread at a time.
 */
final class BodyProducer implements AsyncEntityProducer {
  private final RequestBody body;
  private final String contentType;
  private final String contentEncoding;
  private ByteBuffer[] pending;
  private int index;
  private long remaining;
  private final Runnable onSent;

  /** {@code contentEncoding} is the coding {@code body} is already in ({@code gzip}), or {@code null}. */
  BodyProducer(RequestBody body, String contentType, String contentEncoding, Runnable onSent) {
    this.body = body;
    this.contentType = contentType;
    this.contentEncoding = contentEncoding;
    this.onSent = onSent;
    rewind();
  }

  private void rewind() {
    pending = body.freshBuffers();
    index = 0;
    remaining = body.length();
  }

  @Override
  public void produce(DataStreamChannel channel) throws IOException {
    while (index < pending.length) {
      ByteBuffer b = pending[index];
      remaining -= channel.write(b);
      if (b.hasRemaining()) {
        return; // the socket is full: we are called again when it can take more
      }
      index++;
    }
    channel.endStream();
    onSent.run();
  }

  @Override
  public int available() {
    return (int) Math.min(remaining, Integer.MAX_VALUE);
  }

  @Override
  public long getContentLength() {
    return body.length();
  }

  @Override
  public String getContentType() {
    return contentType;
  }

  @Override
  public String getContentEncoding() {
    return contentEncoding; // HttpClient writes it as the Content-Encoding header
  }

  @Override
  public boolean isChunked() {
    return false;
  }

  @Override
  public Set<String> getTrailerNames() {
    return null;
  }

  @Override
  public boolean isRepeatable() {
    return true;
  }

  @Override
  public void failed(Exception cause) {
    // The exchange reports the failure; nothing is held that needs it.
  }

  @Override
  public void releaseResources() {
    rewind();
  }
}
