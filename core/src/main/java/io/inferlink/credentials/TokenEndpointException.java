package io.inferlink.credentials;

import io.inferlink.AuthenticationException;
import io.inferlink.InferenceException;

/**
 * The token endpoint of {@link OAuth2ClientCredentials} gave no token: it refused the client (4xx, with the
 * OAuth {@code error} and {@code error_description} when it sent them), failed (5xx), did not answer in time,
 * or answered something that is not a token. Code {@link io.inferlink.ErrorCode#UNAUTHENTICATED} when it
 * refused, {@link io.inferlink.ErrorCode#UNAVAILABLE} (retryable) when it failed or was unreachable. The
 * message carries the server's words, never the client secret. Immutable and thread-safe.
 */
public class TokenEndpointException extends AuthenticationException {
  private static final long serialVersionUID = 1L;

  /** The OAuth {@code error} code the endpoint sent, or null. */
  private final String error;
  /** The endpoint's {@code error_description}, or null. */
  private final String errorDescription;

  /**
   * Creates the exception; {@code error} and {@code errorDescription} as the endpoint sent them, or null.
   *
   * @param details the code, message and retry facts of the failure; not null
   * @param error the OAuth {@code error} code the endpoint sent, or null
   * @param errorDescription the endpoint's {@code error_description}, or null
   */
  public TokenEndpointException(InferenceException.Details details, String error, String errorDescription) {
    super(details);
    this.error = error;
    this.errorDescription = errorDescription;
  }

  /**
   * The OAuth error code the endpoint sent ({@code invalid_client}, {@code invalid_scope}, ...), or null.
   *
   * @return the OAuth {@code error} code, or null when the endpoint sent none
   */
  public String error() {
    return error;
  }

  /**
   * The endpoint's {@code error_description}, or null.
   *
   * @return the endpoint's description of the error, or null when it sent none
   */
  public String errorDescription() {
    return errorDescription;
  }
}
