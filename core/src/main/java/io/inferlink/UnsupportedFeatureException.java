package io.inferlink;

/**
 * Thrown when the protocol, server or provider does not support what was asked (a dtype, labels, an operation). Immutable and thread-safe.
 */
public class UnsupportedFeatureException extends InferenceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from a failure description.
   *
   * @param details the failure's description; its code is kept as given, not replaced by this class's usual code
   */
  public UnsupportedFeatureException(Details details) {
    super(details);
  }

  /**
   * Creates the exception with code {@link ErrorCode#UNIMPLEMENTED} and a message of our own.
   *
   * @param message what failed and, where known, what to do about it; free of credentials
   */
  public UnsupportedFeatureException(String message) {
    super(new Details(ErrorCode.UNIMPLEMENTED).message(message));
  }

  /**
   * Creates the exception with code {@link ErrorCode#UNIMPLEMENTED}, a message of our own and a cause.
   *
   * @param message what failed and, where known, what to do about it; free of credentials
   * @param cause the underlying failure, or {@code null}; kept as {@link #getCause()}
   */
  public UnsupportedFeatureException(String message, Throwable cause) {
    super(new Details(ErrorCode.UNIMPLEMENTED).message(message).cause(cause));
  }
}
