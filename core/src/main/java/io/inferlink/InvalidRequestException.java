package io.inferlink;

/**
 * Thrown when the server or the client rejected the request as malformed or inconsistent with the model (wrong shape, dtype, missing input). Immutable and thread-safe.
 */
public class InvalidRequestException extends InferenceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from a failure description.
   *
   * @param details the failure's description; its code is kept as given, not replaced by this class's usual code
   */
  public InvalidRequestException(Details details) {
    super(details);
  }

  /**
   * Creates the exception with code {@link ErrorCode#INVALID_ARGUMENT} and a message of our own.
   *
   * @param message what failed and, where known, what to do about it; free of credentials
   */
  public InvalidRequestException(String message) {
    super(new Details(ErrorCode.INVALID_ARGUMENT).message(message));
  }

  /**
   * Creates the exception with code {@link ErrorCode#INVALID_ARGUMENT}, a message of our own and a cause.
   *
   * @param message what failed and, where known, what to do about it; free of credentials
   * @param cause the underlying failure, or {@code null}; kept as {@link #getCause()}
   */
  public InvalidRequestException(String message, Throwable cause) {
    super(new Details(ErrorCode.INVALID_ARGUMENT).message(message).cause(cause));
  }
}
