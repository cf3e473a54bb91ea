package io.inferlink.transport.http.internal;

import java.io.IOException;

/** Aborts reading a response whose body passes the size limit; becomes a ResourceExhaustedException. */
final class BodyTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  final long limit;
  final long seen;

  BodyTooLargeException(long seen, long limit) {
    super("response body of at least " + seen + " bytes exceeds the limit of " + limit + " bytes");
    this.seen = seen;
    this.limit = limit;
  }
}
