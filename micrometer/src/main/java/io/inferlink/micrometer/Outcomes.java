package io.inferlink.micrometer;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.spi.support.Futures;
import java.util.concurrent.CancellationException;

/**
 * The {@code outcome} tag of a finished call or attempt: an {@link ErrorCode} name and nothing else, so
 * exception text (which may carry a model's input or a server's message) never becomes a tag value.
 */
final class Outcomes {
  /** The outcome of a call that succeeded. */
  static final String SUCCESS = ErrorCode.OK.name();

  private Outcomes() {}

  /** {@link #SUCCESS} for no error, else the error's code; a failure that is not typed is {@code UNKNOWN}. */
  static String of(Throwable error) {
    if (error == null) {
      return SUCCESS;
    }
    Throwable t = Futures.cause(error); // futures wrap it once or twice, depending on the stage
    if (t instanceof InferenceException) {
      return ((InferenceException) t).code().name();
    }
    if (t instanceof CancellationException) {
      return ErrorCode.CANCELLED.name();
    }
    return ErrorCode.UNKNOWN.name();
  }
}
