package io.inferlink.emulator.tfserving;

import io.inferlink.ErrorCode;

/**
 * A TF Serving error: the status code behind it and its message, answered as {@code {"error": msg}}
 * with the HTTP status of TF Serving's {@code ToHTTPStatusCode} table. Immutable.
 */
final class TfsError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  TfsError(ErrorCode code, String message) {
    // No stack trace: these are answers, thrown for every bad request.
    super(message, null, false, false);
    this.code = code;
  }

  static TfsError invalid(String message) {
    return new TfsError(ErrorCode.INVALID_ARGUMENT, message);
  }

  static TfsError notFound(String message) {
    return new TfsError(ErrorCode.NOT_FOUND, message);
  }

  ErrorCode code() {
    return code;
  }

  int httpStatus() {
    return httpStatus(code);
  }

  /** What absl's {@code Status::ToString()} gives, as TF Serving nests one error in another's text. */
  String statusText() {
    return code.name() + ": " + getMessage();
  }

  /**
   * TF Serving's code → HTTP table (PROTOCOLS.md §1.9). It differs from the client-side
   * {@code HttpStatusTable} on purpose: FAILED_PRECONDITION is 400 here and ALREADY_EXISTS 409.
   */
  static int httpStatus(ErrorCode code) {
    switch (code) {
      case OK: return 200;
      case CANCELLED: return 499;
      case INVALID_ARGUMENT:
      case FAILED_PRECONDITION:
      case OUT_OF_RANGE:
        return 400;
      case DEADLINE_EXCEEDED: return 504;
      case NOT_FOUND: return 404;
      case ALREADY_EXISTS:
      case ABORTED:
        return 409;
      case PERMISSION_DENIED: return 403;
      case RESOURCE_EXHAUSTED: return 429;
      case UNIMPLEMENTED: return 501;
      case UNAVAILABLE: return 503;
      case UNAUTHENTICATED: return 401;
      case UNKNOWN:
      case INTERNAL:
      case DATA_LOSS:
      default:
        return 500;
    }
  }
}
