package io.inferlink.emulator.kit.inmemory;

/**
 * A deliberate bug of the in-memory client, chosen with the endpoint option {@code fault=...}, so the
 * testkit can prove that the compatibility kit notices it. Immutable and thread-safe.
 */
public enum Fault {
  /** A correct client. */
  NONE,
  /** Flips a bit in every FP64 output: a codec bug. */
  CORRUPT_FP64,
  /** Does not check capabilities and lets the server refuse instead: refused, but after sending. */
  SENDS_UNSUPPORTED,
  /** Throws lookup failures from {@code inferAsync} instead of failing the future. */
  THROWS_FROM_ASYNC,
  /** Cancelling the future does not cancel the call on the server. */
  IGNORES_CANCEL,
  /** Leaves a non-daemon thread running after {@code close()}. */
  LEAKS_THREAD,
  /** Fetches the headers once and sends the same ones with every call. */
  STALE_HEADERS,
  /** Reports every server failure as a {@code ServerException}. */
  ALL_SERVER_ERRORS
}
