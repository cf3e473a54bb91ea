package io.inferlink.testcontainers.junit;

/**
 * A server of an {@link InferenceMatrix} failed to start (thrown by each of its runs, the server's own
 * error as the cause) or to stop (thrown after the test class). Thread-safe, as exceptions are.
 */
public final class MatrixServerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MatrixServerException(String message, Throwable cause) {
    super(message, cause);
  }

  static MatrixServerException startFailed(String name, Throwable cause) {
    return new MatrixServerException("server '" + name + "' failed to start: " + cause, cause);
  }

  static MatrixServerException stopFailed(String name, Throwable cause) {
    return new MatrixServerException("server '" + name + "' failed to stop: " + cause, cause);
  }
}
