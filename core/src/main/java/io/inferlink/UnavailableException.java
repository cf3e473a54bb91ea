package io.inferlink;

/**
 * Thrown when the server could not be reached or is not ready; retryable. Immutable and thread-safe.
 */
public class UnavailableException extends InferenceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception from a failure description. */
  public UnavailableException(Details details) {
    super(details);
  }

  /** Creates the exception with code {@link ErrorCode#UNAVAILABLE} and a message of our own. */
  public UnavailableException(String message) {
    super(new Details(ErrorCode.UNAVAILABLE).message(message));
  }

  /** Creates the exception with code {@link ErrorCode#UNAVAILABLE}, a message of our own and a cause. */
  public UnavailableException(String message, Throwable cause) {
    super(new Details(ErrorCode.UNAVAILABLE).message(message).cause(cause));
  }
}
