package io.inferlink.benchmarks.steady;

/** How a check turns one fork pair (A = Inferlink, B = baseline) into a number. */
enum Metric {
  /** A's score over B's (throughput, higher is better). */
  RATIO("×"),
  /** A's p50 minus B's p50, in µs. */
  ADDED_P50("µs"),
  /** A's p99 minus B's p99, in µs. */
  ADDED_P99("µs"),
  /** A's allocation per call over the payload's bytes (B is not used). */
  ALLOC_PER_PAYLOAD("× payload");

  final String unit;

  Metric(String unit) {
    this.unit = unit;
  }

  /** The value of one fork pair; NaN when a figure it needs is missing. */
  double of(Measured a, Measured b, long payloadBytes) {
    return switch (this) {
      case RATIO -> a.score() / b.score();
      case ADDED_P50 -> a.p50() - b.p50();
      case ADDED_P99 -> a.p99() - b.p99();
      case ALLOC_PER_PAYLOAD -> a.allocBytesPerOp() / payloadBytes;
    };
  }
}
