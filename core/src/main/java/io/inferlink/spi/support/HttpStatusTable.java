package io.inferlink.spi.support;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.ProviderConfigurationException;

/**
 * The one mapping from an HTTP status to an {@link ErrorCode}, shared by every REST backend.
 * Stateless and thread-safe.
 *
 * <p>It follows what the servers mean rather than gRPC's transport-level table: a 404 from a model
 * server means "no such model", 501 means "this server does not support that" (TF Serving's answer
 * to an unsupported JSON dtype, KServe's answer to a versioned path), 503 means "not ready yet".
 */
public final class HttpStatusTable {
  private HttpStatusTable() {}

  /**
   * The error code for an HTTP status; 2xx gives {@link ErrorCode#OK}.
   *
   * @param status the HTTP status code
   * @return the matching error code; never null
   */
  public static ErrorCode toErrorCode(int status) {
    if (status >= 200 && status < 300) {
      return ErrorCode.OK;
    }
    switch (status) {
      case 400: return ErrorCode.INVALID_ARGUMENT;
      case 401: return ErrorCode.UNAUTHENTICATED;
      case 403: return ErrorCode.PERMISSION_DENIED;
      case 404: return ErrorCode.NOT_FOUND;
      case 405: return ErrorCode.UNIMPLEMENTED;
      case 406: return ErrorCode.INVALID_ARGUMENT;
      case 408: return ErrorCode.DEADLINE_EXCEEDED;
      case 409: return ErrorCode.ABORTED;
      case 412: return ErrorCode.FAILED_PRECONDITION;
      case 413: return ErrorCode.RESOURCE_EXHAUSTED;
      case 415: return ErrorCode.INVALID_ARGUMENT;
      case 422: return ErrorCode.INVALID_ARGUMENT;
      case 429: return ErrorCode.RESOURCE_EXHAUSTED;
      case 499: return ErrorCode.CANCELLED;
      case 500: return ErrorCode.INTERNAL;
      case 501: return ErrorCode.UNIMPLEMENTED;
      case 502: return ErrorCode.UNAVAILABLE;
      case 503: return ErrorCode.UNAVAILABLE;
      case 504: return ErrorCode.DEADLINE_EXCEEDED;
      default:
        if (status >= 400 && status < 500) {
          return ErrorCode.FAILED_PRECONDITION;
        }
        return ErrorCode.UNKNOWN;
    }
  }

  /**
   * The HTTP status a server would most likely answer for an error code; the inverse of
   * {@link #toErrorCode} for the codes it produces, except {@link ErrorCode#UNKNOWN} (which the table
   * gives to unusual statuses): that becomes 500, read back as {@link ErrorCode#INTERNAL}, the same
   * exception class. Used by emulators and tests.
   *
   * @param code the error code; not null
   * @return the HTTP status code, 400 to 599 (200 for {@link ErrorCode#OK})
   */
  public static int toHttpStatus(ErrorCode code) {
    switch (code) {
      case OK: return 200;
      case CANCELLED: return 499;
      case INVALID_ARGUMENT:
      case OUT_OF_RANGE:
      case ALREADY_EXISTS:
        return 400;
      case UNAUTHENTICATED: return 401;
      case PERMISSION_DENIED: return 403;
      case NOT_FOUND: return 404;
      case DEADLINE_EXCEEDED: return 504;
      case ABORTED: return 409;
      case FAILED_PRECONDITION: return 412;
      case RESOURCE_EXHAUSTED: return 429;
      case UNIMPLEMENTED: return 501;
      case UNAVAILABLE: return 503;
      case INTERNAL:
      case UNKNOWN:
      case DATA_LOSS:
      default:
        return 500;
    }
  }

  /**
   * The exception for a 404 that no server of the protocol wrote (an HTML page, plain text, an empty
   * body, where the protocol answers JSON): the URL reached no API of the protocol, so the endpoint's
   * base path (or port) is wrong. A {@link ProviderConfigurationException}, code
   * {@link ErrorCode#FAILED_PRECONDITION}, never a {@link io.inferlink.ModelNotFoundException}: code
   * that reacts to a missing model (by deploying it, say) must not react to a wrong URL.
   *
   * @param url the URL asked, without credentials; {@code null} when not known
   * @param body what the body was, e.g. {@code "an HTML page"}
   * @param serverMessage the body's text, scrubbed already
   * @param provider the provider name for the message
   * @return the exception; returned, not thrown
   */
  public static ProviderConfigurationException wrongEndpoint(String url, String body, String serverMessage,
      String provider) {
    String where = url == null ? "the server" : "the endpoint " + url;
    return new ProviderConfigurationException(new InferenceException.Details(ErrorCode.FAILED_PRECONDITION)
        .message(where + " answered HTTP 404 with " + body
            + ", not a JSON error of the protocol: is the endpoint's base path (or port) right?")
        .httpStatus(404)
        .provider(provider)
        .serverMessage(Redaction.redactText(serverMessage)));
  }

  /**
   * Builds the exception for a non-2xx HTTP answer.
   *
   * @param status the HTTP status
   * @param serverMessage what the server said (its {@code error} text or body), redacted here
   * @param provider the provider name for the message
   * @return the exception, of the subclass its code maps to; returned, not thrown
   */
  public static InferenceException toException(int status, String serverMessage, String provider) {
    return toException(status, serverMessage, provider, null);
  }

  /**
   * As {@link #toException(int, String, String)}, carrying what the answer's {@code Retry-After} said
   * ({@link RetryAfter#fromHttpHeader}; {@code null} when it had none or it could not be read), whatever the status.
   *
   * @param status the HTTP status
   * @param serverMessage what the server said, redacted here; may be null
   * @param provider the provider name for the message
   * @param retryAfter what the answer's {@code Retry-After} asked for, or null
   * @return the exception, of the subclass its code maps to; returned, not thrown
   */
  public static InferenceException toException(int status, String serverMessage, String provider,
      RetryAfter retryAfter) {
    ErrorCode code = toErrorCode(status);
    if (code == ErrorCode.OK) {
      code = ErrorCode.UNKNOWN;
    }
    InferenceException.Details d = new InferenceException.Details(code)
        .message("server answered HTTP " + status)
        .httpStatus(status)
        .provider(provider)
        .serverMessage(Redaction.redactText(serverMessage));
    return Errors.create(retryAfter == null ? d : retryAfter.applyTo(d));
  }
}
