package io.inferlink.testkit.load;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one {@link LoadRun} saw. Latency percentiles are over every call, failed ones included (a call
 * that failed after its retries still made its caller wait). Immutable and thread-safe.
 *
 * @param calls the calls made
 * @param attempts the attempts the {@link AttemptCounter} saw during the run (retries, failovers and
 *     hedges included); {@code -1} when the run had no counter
 * @param failures the calls that failed
 * @param failuresByCode the failed calls by error code name (or exception class for other failures)
 * @param firstFailures the message of the first failure of each code, to say why in a test's message
 * @param p50 the median call latency
 * @param p99 the 99th percentile call latency
 * @param max the slowest call
 * @param elapsed the wall time of the whole run
 */
public record LoadReport(int calls, long attempts, int failures, Map<String, Integer> failuresByCode,
    Map<String, String> firstFailures, Duration p50, Duration p99, Duration max, Duration elapsed) {

  /**
   * Copies the maps.
   *
   * @param calls the calls made
   * @param attempts the attempts counted during the run, or {@code -1} without a counter
   * @param failures the calls that failed
   * @param failuresByCode the failed calls by error code name; copied
   * @param firstFailures the first failure message of each code; copied
   * @param p50 the median call latency
   * @param p99 the 99th percentile call latency
   * @param max the slowest call's latency
   * @param elapsed the wall time of the whole run
   */
  public LoadReport {
    failuresByCode = Map.copyOf(failuresByCode);
    firstFailures = Map.copyOf(firstFailures);
  }

  /**
   * Attempts per call (1.0 when nothing was retried); NaN without a counter or calls.
   *
   * @return the mean number of attempts per call, or NaN
   */
  public double attemptsPerCall() {
    return attempts < 0 || calls == 0 ? Double.NaN : (double) attempts / calls;
  }

  /**
   * Calls per second over the run.
   *
   * @return the throughput in calls per second of wall time; NaN when the run took no measurable time
   */
  public double callsPerSecond() {
    return elapsed.isZero() ? Double.NaN : calls * 1e9 / elapsed.toNanos();
  }

  /**
   * The header of {@link #row}'s table.
   *
   * @return one line of column names, without a line break
   */
  public static String header() {
    return String.format(Locale.ROOT, "%-34s %6s %8s %8s %9s %9s %9s %9s %8s",
        "run", "calls", "attempts", "failures", "att/call", "p50 ms", "p99 ms", "max ms", "calls/s");
  }

  /**
   * One line of a table under {@link #header()}.
   *
   * @param name the run's name, in the first column
   * @return the line, aligned with the header, without a line break
   */
  public String row(String name) {
    return String.format(Locale.ROOT, "%-34s %6d %8d %8d %9.3f %9.2f %9.2f %9.2f %8.0f",
        name, calls, attempts, failures, attemptsPerCall(), millis(p50), millis(p99), millis(max), callsPerSecond());
  }

  /**
   * A table of several named runs, header first, one line each, then the failures of each run by code.
   *
   * @param runs the reports by run name, listed in the map's iteration order
   * @return the table's lines, each ending with a line break
   */
  public static String table(Map<String, LoadReport> runs) {
    StringBuilder out = new StringBuilder(header()).append('\n');
    runs.forEach((name, report) -> out.append(report.row(name)).append('\n'));
    runs.forEach((name, report) -> {
      if (report.failures() > 0) {
        out.append(name).append(" failures: ").append(report.failuresByCode()).append('\n');
        report.firstFailures().forEach((code, message) ->
            out.append("  first ").append(code).append(": ").append(message).append('\n'));
      }
    });
    return out.toString();
  }

  static Duration percentile(List<Long> sortedNanos, double fraction) {
    if (sortedNanos.isEmpty()) {
      return Duration.ZERO;
    }
    // Nearest rank: the smallest latency at least `fraction` of the calls did not exceed.
    int rank = (int) Math.ceil(fraction * sortedNanos.size());
    return Duration.ofNanos(sortedNanos.get(Math.max(0, rank - 1)));
  }

  private static double millis(Duration d) {
    return d.toNanos() / 1e6;
  }
}
