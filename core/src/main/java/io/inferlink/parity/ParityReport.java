package io.inferlink.parity;

import java.util.List;

/**
 * The outcome of a {@link Parity} run: what each server answered and how every output of every
 * server compares with the baseline (the first server). Immutable and thread-safe.
 */
public final class ParityReport {
  private final String model;
  private final List<ParityCall> calls;
  private final List<OutputComparison> comparisons;
  private final Tolerance tolerance;
  private final boolean requireSameDtype;

  ParityReport(String model, List<ParityCall> calls, List<OutputComparison> comparisons, Tolerance tolerance,
      boolean requireSameDtype) {
    this.model = model;
    this.calls = List.copyOf(calls);
    this.comparisons = List.copyOf(comparisons);
    this.tolerance = tolerance;
    this.requireSameDtype = requireSameDtype;
  }

  /**
   * The model the request was for, as {@code name[:version|@label]}.
   *
   * @return the model reference as text
   */
  public String model() {
    return model;
  }

  /**
   * One entry per server, in the order they were given; the first is the baseline.
   *
   * @return the calls; unmodifiable
   */
  public List<ParityCall> calls() {
    return calls;
  }

  /**
   * Every output of every successful non-baseline server compared with the baseline.
   *
   * @return the comparisons; unmodifiable
   */
  public List<OutputComparison> comparisons() {
    return comparisons;
  }

  /**
   * The tolerance the numbers were compared with.
   *
   * @return the tolerance used
   */
  public Tolerance tolerance() {
    return tolerance;
  }

  /**
   * Whether a different element type alone counted as a mismatch.
   *
   * @return whether element types had to agree
   */
  public boolean requireSameDtype() {
    return requireSameDtype;
  }

  /**
   * True when every server answered.
   *
   * @return whether no call failed
   */
  public boolean allSucceeded() {
    return calls.stream().allMatch(ParityCall::ok);
  }

  /**
   * True when every server answered and every output matched the baseline's.
   *
   * @return whether the servers agree
   */
  public boolean matches() {
    return allSucceeded() && comparisons.stream().allMatch(c -> c.matches(requireSameDtype));
  }

  /**
   * The comparisons that did not match.
   *
   * @return the mismatching comparisons; empty when all matched
   */
  public List<OutputComparison> mismatches() {
    return comparisons.stream().filter(c -> !c.matches(requireSameDtype)).toList();
  }

  /**
   * Throws when the servers did not all answer alike.
   *
   * @throws AssertionError whose message is {@link #format()}: every server and every comparison
   */
  public void assertMatches() {
    if (!matches()) {
      throw new AssertionError(format());
    }
  }

  /**
   * A readable report: one line per server, one per compared output, and the verdict.
   *
   * @return the report text, several lines
   */
  public String format() {
    StringBuilder sb = new StringBuilder("parity of model ").append(model).append(" across ").append(calls.size())
        .append(" servers (tolerance ").append(tolerance).append(requireSameDtype ? "" : ", element types may differ")
        .append(")\n");
    for (int i = 0; i < calls.size(); i++) {
      ParityCall c = calls.get(i);
      sb.append(i == 0 ? "  baseline " : "  server   ").append(c.label()).append(": ")
          .append(c.ok() ? "answered " + c.response().outputs().keySet() : "FAILED " + c.errorLine())
          .append(String.format(" (%.1f ms)%n", c.latency().toNanos() / 1e6));
    }
    for (OutputComparison c : comparisons) {
      sb.append("  ").append(c.describe(requireSameDtype)).append('\n');
    }
    long failed = calls.stream().filter(c -> !c.ok()).count();
    int mismatched = mismatches().size();
    if (matches()) {
      sb.append("result: all ").append(calls.size()).append(" servers gave the same outputs");
    } else {
      sb.append("result: ");
      if (failed > 0) {
        sb.append(failed).append(" of ").append(calls.size()).append(" calls failed");
      }
      if (mismatched > 0) {
        sb.append(failed > 0 ? ", " : "").append(mismatched).append(" of ").append(comparisons.size())
            .append(" output comparisons did not match");
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return format();
  }
}
