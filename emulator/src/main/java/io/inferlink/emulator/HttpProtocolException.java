package io.inferlink.emulator;

import java.io.IOException;

/**
 * A request the server cannot read as HTTP/1.1 (or will not: too large), answered with
 * {@link #status()} and then the connection is closed, since the rest of the stream cannot be
 * trusted. Immutable.
 */
final class HttpProtocolException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int status;

  HttpProtocolException(int status, String message) {
    super(message, null);
    this.status = status;
  }

  /** The HTTP status to answer before closing. */
  int status() {
    return status;
  }
}
