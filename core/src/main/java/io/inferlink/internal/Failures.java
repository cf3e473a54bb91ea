package io.inferlink.internal;

import io.inferlink.AuthenticationException;
import io.inferlink.DeadlineExceededException;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.InvalidRequestException;
import io.inferlink.ModelNotFoundException;
import io.inferlink.ResourceExhaustedException;
import io.inferlink.ServerException;
import io.inferlink.UnavailableException;
import io.inferlink.UnsupportedFeatureException;

/**
 * The one place that chooses the exception class for an {@link ErrorCode}, and that looks through
 * the wrappers futures put around a failure. The implementation behind
 * {@code io.inferlink.spi.support.Errors}, for the API's own blocking methods. Stateless and thread-safe.
 */
public final class Failures {
  private Failures() {}

  /** Creates the {@link InferenceException} subclass that stands for the description's code. */
  public static InferenceException create(InferenceException.Details d) {
    switch (d.code()) {
      case INVALID_ARGUMENT:
      case FAILED_PRECONDITION:
      case OUT_OF_RANGE:
      case ALREADY_EXISTS:
        return new InvalidRequestException(d);
      case NOT_FOUND:
        return new ModelNotFoundException(d);
      case UNAUTHENTICATED:
      case PERMISSION_DENIED:
        return new AuthenticationException(d);
      case UNAVAILABLE:
        return new UnavailableException(d);
      case RESOURCE_EXHAUSTED:
        return new ResourceExhaustedException(d);
      case DEADLINE_EXCEEDED:
        return new DeadlineExceededException(d);
      case UNIMPLEMENTED:
        return new UnsupportedFeatureException(d);
      case INTERNAL:
      case UNKNOWN:
      case DATA_LOSS:
      case ABORTED:
        return new ServerException(d);
      case CANCELLED:
      case OK:
      default:
        return new InferenceException(d);
    }
  }

  /**
   * Returns {@code t} itself when it is already an {@link InferenceException}; otherwise wraps it as
   * {@link ErrorCode#UNKNOWN}, looking through {@link java.util.concurrent.CompletionException} and
   * {@link java.util.concurrent.ExecutionException} wrappers first.
   */
  public static InferenceException wrap(Throwable t, String provider) {
    Throwable cause = unwrapFutureException(t);
    if (cause instanceof InferenceException) {
      return (InferenceException) cause;
    }
    return create(new InferenceException.Details(ErrorCode.UNKNOWN).message("unexpected failure: " + cause)
        .provider(provider).cause(cause));
  }

  /** Strips the wrappers that {@code CompletableFuture} puts around a failure. */
  public static Throwable unwrapFutureException(Throwable t) {
    Throwable cur = t;
    while ((cur instanceof java.util.concurrent.CompletionException
            || cur instanceof java.util.concurrent.ExecutionException)
        && cur.getCause() != null) {
      cur = cur.getCause();
    }
    return cur;
  }
}
