package io.inferlink.parity;

import io.inferlink.InferenceResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * What one server answered in a {@link Parity} run: its response, or the failure the call ended
 * with. Immutable and thread-safe.
 *
 * @param label how the report names this server (an endpoint without credentials, say)
 * @param response the answer, or {@code null} when the call failed
 * @param error the failure, or {@code null} when the call succeeded
 * @param latency from sending to the answer or failure
 */
public record ParityCall(String label, InferenceResponse response, Throwable error, Duration latency) {
  /**
   * Checks that exactly one of response and error is given.
   *
   * @param label how the report names this server; not null
   * @param response the answer, or {@code null} when the call failed
   * @param error the failure, or {@code null} when the call succeeded
   * @param latency from sending to the answer or failure; not null
   * @throws IllegalArgumentException unless exactly one of {@code response} and {@code error} is given
   */
  public ParityCall {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(latency, "latency");
    if ((response == null) == (error == null)) {
      throw new IllegalArgumentException("give either a response or an error for '" + label + "'");
    }
  }

  /**
   * True when the call succeeded.
   *
   * @return whether there is a response
   */
  public boolean ok() {
    return response != null;
  }

  /**
   * The failure as one line: its type and message.
   *
   * @return the failure's simple class name and message, or an empty string when the call succeeded
   */
  public String errorLine() {
    return error == null ? "" : error.getClass().getSimpleName() + ": " + error.getMessage();
  }
}
