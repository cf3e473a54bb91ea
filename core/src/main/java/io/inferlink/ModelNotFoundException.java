package io.inferlink;

/**
 * Thrown when the model, version or label is not known to the server. Immutable and thread-safe.
 */
public class ModelNotFoundException extends InferenceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from a failure description.
   *
   * @param details the failure's description; its code is kept as given, not replaced by this class's usual code
   */
  public ModelNotFoundException(Details details) {
    super(details);
  }

  /**
   * Creates the exception with code {@link ErrorCode#NOT_FOUND} and a message of our own.
   *
   * @param message what failed and, where known, what to do about it; free of credentials
   */
  public ModelNotFoundException(String message) {
    super(new Details(ErrorCode.NOT_FOUND).message(message));
  }

  /**
   * Creates the exception with code {@link ErrorCode#NOT_FOUND}, a message of our own and a cause.
   *
   * @param message what failed and, where known, what to do about it; free of credentials
   * @param cause the underlying failure, or {@code null}; kept as {@link #getCause()}
   */
  public ModelNotFoundException(String message, Throwable cause) {
    super(new Details(ErrorCode.NOT_FOUND).message(message).cause(cause));
  }
}
