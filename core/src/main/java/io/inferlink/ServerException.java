package io.inferlink;

/**
 * Thrown when the server failed while handling a valid request. Immutable and thread-safe.
 */
public class ServerException extends InferenceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from a failure description.
   *
   * @param details the failure's description; its code is kept as given, not replaced by this class's usual code
   */
  public ServerException(Details details) {
    super(details);
  }

  /**
   * Creates the exception with code {@link ErrorCode#INTERNAL} and a message of our own.
   *
   * @param message what failed and, where known, what to do about it; free of credentials
   */
  public ServerException(String message) {
    super(new Details(ErrorCode.INTERNAL).message(message));
  }

  /**
   * Creates the exception with code {@link ErrorCode#INTERNAL}, a message of our own and a cause.
   *
   * @param message what failed and, where known, what to do about it; free of credentials
   * @param cause the underlying failure, or {@code null}; kept as {@link #getCause()}
   */
  public ServerException(String message, Throwable cause) {
    super(new Details(ErrorCode.INTERNAL).message(message).cause(cause));
  }
}
