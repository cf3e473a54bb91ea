package io.inferlink;

/**
 * Thrown when the server refused the credentials, or there were none where some are required. Immutable and thread-safe.
 */
public class AuthenticationException extends InferenceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from a failure description.
   *
   * @param details the failure's description; its code is kept as given, not replaced by this class's usual code
   */
  public AuthenticationException(Details details) {
    super(details);
  }

  /**
   * Creates the exception with code {@link ErrorCode#UNAUTHENTICATED} and a message of our own.
   *
   * @param message what failed and, where known, what to do about it; free of credentials
   */
  public AuthenticationException(String message) {
    super(new Details(ErrorCode.UNAUTHENTICATED).message(message));
  }

  /**
   * Creates the exception with code {@link ErrorCode#UNAUTHENTICATED}, a message of our own and a cause.
   *
   * @param message what failed and, where known, what to do about it; free of credentials
   * @param cause the underlying failure, or {@code null}; kept as {@link #getCause()}
   */
  public AuthenticationException(String message, Throwable cause) {
    super(new Details(ErrorCode.UNAUTHENTICATED).message(message).cause(cause));
  }
}
