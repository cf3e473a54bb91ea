package io.inferlink;

/**
 * Thrown when the server could not be reached or is not ready; retryable. Immutable and thread-safe.
 */
public class UnavailableException extends InferenceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from a failure description.
   *
   * @param details the failure's description; its code is kept as given, not replaced by this class's usual code
   */
  public UnavailableException(Details details) {
    super(details);
  }

  /**
   * Creates the exception with code {@link ErrorCode#UNAVAILABLE} and a message of our own.
   *
   * @param message what failed and, where known, what to do about it; free of credentials
   */
  public UnavailableException(String message) {
    super(new Details(ErrorCode.UNAVAILABLE).message(message));
  }

  /**
   * Creates the exception with code {@link ErrorCode#UNAVAILABLE}, a message of our own and a cause.
   *
   * @param message what failed and, where known, what to do about it; free of credentials
   * @param cause the underlying failure, or {@code null}; kept as {@link #getCause()}
   */
  public UnavailableException(String message, Throwable cause) {
    super(new Details(ErrorCode.UNAVAILABLE).message(message).cause(cause));
  }
}
