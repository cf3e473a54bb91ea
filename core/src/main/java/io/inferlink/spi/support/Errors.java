package io.inferlink.spi.support;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.internal.Failures;

/**
 * The one place that chooses the exception class for an {@link ErrorCode}. Stateless and thread-safe.
 *
 * <p>Every backend builds its failures here, so the same condition gives the same exception type on
 * every protocol.
 */
public final class Errors {
  private Errors() {}

  /** Creates the {@link InferenceException} subclass that stands for the description's code. */
  public static InferenceException create(InferenceException.Details d) {
    return Failures.create(d);
  }

  /** Shorthand for a failure of our own making, with no server status. */
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
   */
  public static InferenceException wrap(Throwable t, String provider) {
    return Failures.wrap(t, provider);
  }

  /** Strips the wrappers that {@code CompletableFuture} puts around a failure. */
  public static Throwable unwrapFutureException(Throwable t) {
    return Failures.unwrapFutureException(t);
  }
}
