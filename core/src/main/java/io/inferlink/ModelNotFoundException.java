package io.inferlink;

/**
 * Thrown when the model, version or label is not known to the server. Immutable and thread-safe.
 */
public class ModelNotFoundException extends InferenceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception from a failure description. */
  public ModelNotFoundException(Details details) {
    super(details);
  }

  /** Creates the exception with code {@link ErrorCode#NOT_FOUND} and a message of our own. */
  public ModelNotFoundException(String message) {
    super(new Details(ErrorCode.NOT_FOUND).message(message));
  }

  /** Creates the exception with code {@link ErrorCode#NOT_FOUND}, a message of our own and a cause. */
  public ModelNotFoundException(String message, Throwable cause) {
    super(new Details(ErrorCode.NOT_FOUND).message(message).cause(cause));
  }
}
