package io.inferlink.emulator.oip;

/**
 * A REST protocol error: the HTTP status and the text of {@code {"error": msg}} (PROTOCOLS.md §3.9).
 * Immutable and thread-safe.
 */
final class OipRestError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  OipRestError(int status, String message) {
    // No stack trace: an expected answer, thrown for every bad request.
    super(message, null, false, false);
    this.status = status;
  }

  static OipRestError invalid(String message) {
    return new OipRestError(400, message);
  }

  static OipRestError notFound(String message) {
    return new OipRestError(404, message);
  }

  int status() {
    return status;
  }
}
