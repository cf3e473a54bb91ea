package io.inferlink.spi.support;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.internal.Failures;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * The one place that chooses the exception class for an {@link ErrorCode}. Stateless and thread-safe.
 *
 * <p>Every backend builds its failures here, so the same condition gives the same exception type on
 * every protocol.
 */
public final class Errors {
  private Errors() {}

  /**
   * Creates the {@link InferenceException} subclass that stands for the description's code.
   *
   * @param d the failure's description; not null
   * @return the exception; returned, not thrown
   */
  public static InferenceException create(InferenceException.Details d) {
    return Failures.create(d);
  }

  /**
   * Shorthand for a failure of our own making, with no server status.
   *
   * @param code the failure's code; not null
   * @param message what went wrong; must not hold a secret
   * @param provider the provider name for the message
   * @param cause the underlying failure, or null
   * @return the exception, of the subclass {@code code} maps to; returned, not thrown
   */
  public static InferenceException create(ErrorCode code, String message, String provider, Throwable cause) {
    return create(new InferenceException.Details(code).message(message).provider(provider).cause(cause));
  }

  /**
   * The failure for an answer the protocol's reader could not accept: a
   * {@link io.inferlink.ServerException} (code {@link ErrorCode#UNKNOWN}) saying "the server's answer
   * is not {@code protocol}: {@code e}'s message", with the HTTP status when there is one ({@code 0}
   * otherwise) and {@code e} as its cause.
   *
   * @param protocol what the answer should have been, e.g. "an Open Inference Protocol response"
   * @param provider the provider name for the message
   * @param httpStatus the answer's HTTP status, or 0 when there is none (gRPC)
   * @param e the reader's refusal, kept as the cause; not null
   * @return the exception; returned, not thrown
   */
  public static InferenceException malformedAnswer(String protocol, String provider, int httpStatus,
      MalformedAnswerException e) {
    InferenceException.Details d = new InferenceException.Details(ErrorCode.UNKNOWN)
        .message("the server's answer is not " + protocol + ": " + e.getMessage()).provider(provider).cause(e);
    return create(httpStatus > 0 ? d.httpStatus(httpStatus) : d);
  }

  /**
   * Returns {@code t} itself when it is already an {@link InferenceException}; otherwise wraps it as
   * {@link ErrorCode#UNKNOWN}, looking through {@link java.util.concurrent.CompletionException} and
   * {@link java.util.concurrent.ExecutionException} wrappers first.
   *
   * @param t the failure; not null
   * @param provider the provider name for the message of a wrapped failure
   * @return {@code t}'s own {@link InferenceException}, or a new one wrapping it
   */
  public static InferenceException wrap(Throwable t, String provider) {
    return Failures.wrap(t, provider);
  }

  /**
   * Strips the wrappers that {@code CompletableFuture} puts around a failure.
   *
   * @param t the exception a future gave, or null
   * @return the innermost cause under those wrappers, or {@code t} when it is not one
   */
  public static Throwable unwrapFutureException(Throwable t) {
    return Failures.unwrapFutureException(t);
  }

  /**
   * The failure for an exchange that got no answer, as a transport's future reports it: an
   * {@link InferenceException} found among the causes (one the backend raised while reading, such as
   * a size cap) as it is; a cancellation as {@link ErrorCode#CANCELLED}; a connection that could not
   * be made (refused, no route, unknown host, connect timeout), broke or failed its TLS handshake as
   * {@link ErrorCode#UNAVAILABLE}; an answer that did not come in time (a socket, JDK HTTP client or
   * future timeout) as {@link ErrorCode#DEADLINE_EXCEEDED}; anything else as {@link ErrorCode#UNKNOWN}.
   * The message names {@code where} and the cause; both go through {@code secrets}, since transports
   * quote requests in their texts.
   *
   * @param where the server, e.g. {@code http://host:8080}, without path or credentials
   * @param error the failure the transport's future completed with; not null
   * @param secrets masks the request's secrets in the message; not null
   * @param provider the provider name for the message
   * @return the exception; returned, not thrown
   */
  public static InferenceException connectionFailure(Throwable error, String where, SecretScrubber secrets,
      String provider) {
    Throwable cause = unwrapFutureException(error);
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof InferenceException) {
        return (InferenceException) t;
      }
    }
    if (cause instanceof CancellationException) {
      return create(ErrorCode.CANCELLED, "the call was cancelled (or its client closed)", provider, cause);
    }
    ErrorCode code = ErrorCode.UNAVAILABLE;
    String message;
    if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
        || cause instanceof UnknownHostException || cause instanceof HttpConnectTimeoutException) {
      message = "cannot connect to " + where + ": " + cause.getMessage();
    } else if (cause instanceof HttpTimeoutException || cause instanceof InterruptedIOException
        || cause instanceof TimeoutException) {
      code = ErrorCode.DEADLINE_EXCEEDED;
      message = "no answer from " + where + " within the call's timeout";
    } else if (cause instanceof SSLException) {
      message = "TLS with " + where + " failed: " + cause.getMessage();
    } else if (cause instanceof IOException) {
      message = "the connection to " + where + " failed: " + cause;
    } else {
      code = ErrorCode.UNKNOWN;
      message = "unexpected failure talking to " + where + ": " + cause;
    }
    return create(code, secrets.scrub(message), provider, secrets.scrub(cause));
  }
}
