package io.inferlink;

/**
 * Thrown when no provider could be chosen or configured for an endpoint (unknown scheme, ambiguous providers, bad options),
 * or when the endpoint turns out to be wrong (a 404 page where the protocol's API should be). Immutable and thread-safe.
 */
public class ProviderConfigurationException extends InferenceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from a failure description.
   *
   * @param details the failure's description; its code is kept as given, not replaced by this class's usual code
   */
  public ProviderConfigurationException(Details details) {
    super(details);
  }

  /**
   * Creates the exception with code {@link ErrorCode#FAILED_PRECONDITION} and a message of our own.
   *
   * @param message what failed and, where known, what to do about it; free of credentials
   */
  public ProviderConfigurationException(String message) {
    super(new Details(ErrorCode.FAILED_PRECONDITION).message(message));
  }

  /**
   * Creates the exception with code {@link ErrorCode#FAILED_PRECONDITION}, a message of our own and a cause.
   *
   * @param message what failed and, where known, what to do about it; free of credentials
   * @param cause the underlying failure, or {@code null}; kept as {@link #getCause()}
   */
  public ProviderConfigurationException(String message, Throwable cause) {
    super(new Details(ErrorCode.FAILED_PRECONDITION).message(message).cause(cause));
  }
}
