package io.inferlink;

/**
 * Thrown when the server is overloaded or the message is too large; retryable. Immutable and thread-safe.
 */
public class ResourceExhaustedException extends InferenceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from a failure description.
   *
   * @param details the failure's description; its code is kept as given, not replaced by this class's usual code
   */
  public ResourceExhaustedException(Details details) {
    super(details);
  }

  /**
   * Creates the exception with code {@link ErrorCode#RESOURCE_EXHAUSTED} and a message of our own.
   *
   * @param message what failed and, where known, what to do about it; free of credentials
   */
  public ResourceExhaustedException(String message) {
    super(new Details(ErrorCode.RESOURCE_EXHAUSTED).message(message));
  }

  /**
   * Creates the exception with code {@link ErrorCode#RESOURCE_EXHAUSTED}, a message of our own and a cause.
   *
   * @param message what failed and, where known, what to do about it; free of credentials
   * @param cause the underlying failure, or {@code null}; kept as {@link #getCause()}
   */
  public ResourceExhaustedException(String message, Throwable cause) {
    super(new Details(ErrorCode.RESOURCE_EXHAUSTED).message(message).cause(cause));
  }
}
