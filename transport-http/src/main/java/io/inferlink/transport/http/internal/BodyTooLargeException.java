package io.inferlink.transport.http.internal;

import java.io.IOException;

/** Aborts reading a response whose body passes the size limit; becomes a ResourceExhaustedException. */
final class BodyTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  final long limit;
  final long seen;
  /** True when the cap was passed while inflating a compressed answer (the wire carried fewer bytes). */
  final boolean decompressed;

  BodyTooLargeException(long seen, long limit) {
    this(seen, limit, false);
  }

  BodyTooLargeException(long seen, long limit, boolean decompressed) {
    super((decompressed ? "decompressed " : "") + "response body of at least " + seen
        + " bytes exceeds the limit of " + limit + " bytes");
    this.seen = seen;
    this.limit = limit;
    this.decompressed = decompressed;
  }
}
