package io.inferlink;

/**
 * Thrown when the server failed while handling a valid request. Immutable and thread-safe.
 */
public class ServerException extends InferenceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception from a failure description. */
  public ServerException(Details details) {
    super(details);
  }

  /** Creates the exception with code {@link ErrorCode#INTERNAL} and a message of our own. */
  public ServerException(String message) {
    super(new Details(ErrorCode.INTERNAL).message(message));
  }

  /** Creates the exception with code {@link ErrorCode#INTERNAL}, a message of our own and a cause. */
  public ServerException(String message, Throwable cause) {
    super(new Details(ErrorCode.INTERNAL).message(message).cause(cause));
  }
}
