package io.inferlink;

/**
 * Thrown when the call did not finish within its deadline. Immutable and thread-safe.
 */
public class DeadlineExceededException extends InferenceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from a failure description.
   *
   * @param details the failure's description; its code is kept as given, not replaced by this class's usual code
   */
  public DeadlineExceededException(Details details) {
    super(details);
  }

  /**
   * Creates the exception with code {@link ErrorCode#DEADLINE_EXCEEDED} and a message of our own.
   *
   * @param message what failed and, where known, what to do about it; free of credentials
   */
  public DeadlineExceededException(String message) {
    super(new Details(ErrorCode.DEADLINE_EXCEEDED).message(message));
  }

  /**
   * Creates the exception with code {@link ErrorCode#DEADLINE_EXCEEDED}, a message of our own and a cause.
   *
   * @param message what failed and, where known, what to do about it; free of credentials
   * @param cause the underlying failure, or {@code null}; kept as {@link #getCause()}
   */
  public DeadlineExceededException(String message, Throwable cause) {
    super(new Details(ErrorCode.DEADLINE_EXCEEDED).message(message).cause(cause));
  }
}
