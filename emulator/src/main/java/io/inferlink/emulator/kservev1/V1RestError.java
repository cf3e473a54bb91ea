package io.inferlink.emulator.kservev1;

/**
 * A V1 error answer: the HTTP status and its message, sent as {@code {"error": msg}} by KServe's own
 * handlers, or as {@code {"detail": msg}} by FastAPI's (unknown route, wrong method). Immutable.
 */
final class V1RestError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String field;

  private V1RestError(int status, String field, String message) {
    // No stack trace: an expected answer, thrown for every bad request.
    super(message, null, false, false);
    this.status = status;
    this.field = field;
  }

  /** KServe's {@code InvalidInput}: 400. */
  static V1RestError invalid(String message) {
    return new V1RestError(400, "error", message);
  }

  /** KServe's {@code ModelNotFound}: 404 {@code Model with name <n> does not exist.} */
  static V1RestError modelNotFound(String name) {
    return new V1RestError(404, "error", "Model with name " + name + " does not exist.");
  }

  /** KServe's {@code ModelNotReady}: 503 {@code Model with name <n> is not ready.} */
  static V1RestError modelNotReady(String name) {
    return new V1RestError(503, "error", "Model with name " + name + " is not ready.");
  }

  /** KServe's generic handler: 500 {@code <ExceptionType> : <msg>}. */
  static V1RestError internal(String type, String message) {
    return new V1RestError(500, "error", type + " : " + message);
  }

  /** FastAPI's own answers, with {@code detail}: 404 Not Found, 405 Method Not Allowed. */
  static V1RestError fastApi(int status, String message) {
    return new V1RestError(status, "detail", message);
  }

  int status() {
    return status;
  }

  /** {@code error} or {@code detail}. */
  String field() {
    return field;
  }
}
