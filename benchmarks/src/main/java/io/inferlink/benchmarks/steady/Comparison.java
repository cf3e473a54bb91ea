package io.inferlink.benchmarks.steady;

import java.util.List;
import java.util.Map;

/**
 * Inferlink ({@code a}) against its baseline ({@code b}) under the same parameters, with the checks computed
 * from each fork pair. {@code group} says which servers it needs ({@code loopback} or {@code peer});
 * {@code payloadBytes} is the tensor's size in one direction (for allocation checks). Immutable.
 */
record Comparison(String group, String title, Map<String, String> params, Side a, Side b, long payloadBytes,
    List<Check> checks) {

  /** {@code k=v, …} of the parameters, for the report. */
  String paramText() {
    StringBuilder s = new StringBuilder();
    params.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return s.toString();
  }
}
