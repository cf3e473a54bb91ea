package io.inferlink.credentials.internal;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.credentials.TokenEndpointException;
import java.time.Duration;

/**
 * What one token request gave: a token and its lifetime, or the description of a failure, from which a new
 * exception is made for each caller that sees it (an exception object is not shared between threads).
 * Immutable and thread-safe.
 */
public final class TokenOutcome {
  private final String authorization;
  private final Duration lifetime;
  private final ErrorCode code;
  private final int httpStatus;
  private final String message;
  private final String serverMessage;
  private final String error;
  private final String errorDescription;
  private final Throwable cause;

  private TokenOutcome(String authorization, Duration lifetime, ErrorCode code, int httpStatus, String message,
      String serverMessage, String error, String errorDescription, Throwable cause) {
    this.authorization = authorization;
    this.lifetime = lifetime;
    this.code = code;
    this.httpStatus = httpStatus;
    this.message = message;
    this.serverMessage = serverMessage;
    this.error = error;
    this.errorDescription = errorDescription;
    this.cause = cause;
  }

  /** A token: the whole Authorization value, and how long it lives ({@code null}: the endpoint did not say). */
  public static TokenOutcome token(String authorization, Duration lifetime) {
    return new TokenOutcome(authorization, lifetime, null, 0, null, null, null, null, null);
  }

  /** A failure; every text must be free of secrets already. */
  public static TokenOutcome failure(ErrorCode code, int httpStatus, String message, String serverMessage,
      String error, String errorDescription, Throwable cause) {
    return new TokenOutcome(null, null, code, httpStatus, message, serverMessage, error, errorDescription, cause);
  }

  /** True for a token. */
  public boolean ok() {
    return authorization != null;
  }

  /** The Authorization value of a token. */
  public String authorization() {
    return authorization;
  }

  /** The token's lifetime, or {@code null}. */
  public Duration lifetime() {
    return lifetime;
  }

  /** A new exception for a failure: the attempt it fails was not sent. */
  public TokenEndpointException exception() {
    InferenceException.Details d = new InferenceException.Details(code).message(message)
        .serverMessage(serverMessage).delivery(InferenceException.Delivery.NOT_SENT).cause(cause);
    if (httpStatus > 0) {
      d.httpStatus(httpStatus);
    }
    return new TokenEndpointException(d, error, errorDescription);
  }
}
