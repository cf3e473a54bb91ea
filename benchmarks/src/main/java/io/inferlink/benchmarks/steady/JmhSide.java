package io.inferlink.benchmarks.steady;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * One JMH benchmark method with fixed parameters, run as a single fork per {@link #measure} through
 * JMH's own API (so each fork is a fresh JVM, as with {@code -f 1}), with {@code -prof gc} when asked.
 * JMH's human-readable output goes to one log file per fork in {@code logs}.
 */
final class JmhSide implements Side {
  private static final String PACKAGE = "io.inferlink.benchmarks.";

  private final String benchmark;
  private final Map<String, String> params;
  private final Iterations iterations;
  private final boolean profileAllocation;
  private final List<String> jvmArgs;
  private final Path logs;

  /**
   * @param benchmark {@code Class.method} in package {@code io.inferlink.benchmarks}
   * @param params JMH parameters, each fixed to one value
   */
  JmhSide(String benchmark, Map<String, String> params, Iterations iterations, boolean profileAllocation,
      List<String> jvmArgs, Path logs) {
    this.benchmark = benchmark;
    this.params = Map.copyOf(params);
    this.iterations = iterations;
    this.profileAllocation = profileAllocation;
    this.jvmArgs = List.copyOf(jvmArgs);
    this.logs = logs;
  }

  @Override
  public String label() {
    return benchmark;
  }

  @Override
  public Measured measure(int fork) throws RunnerException {
    StringBuilder name = new StringBuilder(benchmark);
    params.forEach((k, v) -> name.append('-').append(k).append('=').append(v.replace(':', '_')));
    ChainedOptionsBuilder o = new OptionsBuilder()
        .include("^\\Q" + PACKAGE + benchmark + "\\E$")
        .forks(1)
        .warmupIterations(iterations.warmups())
        .warmupTime(TimeValue.milliseconds(iterations.warmupMillis()))
        .measurementIterations(iterations.measurements())
        .measurementTime(TimeValue.milliseconds(iterations.measurementMillis()))
        .jvmArgsAppend(jvmArgs.toArray(String[]::new))
        .shouldFailOnError(true)
        .output(logs.resolve(name + "-fork" + fork + ".log").toString());
    params.forEach((k, v) -> o.param(k, v));
    if (profileAllocation) {
      o.addProfiler(GCProfiler.class);
    }
    Collection<RunResult> results = new Runner(o.build()).run();
    if (results.size() != 1) {
      throw new IllegalStateException(benchmark + " " + params + ": expected one result, JMH gave " + results.size());
    }
    RunResult run = results.iterator().next();
    Result<?> primary = run.getPrimaryResult();
    boolean sample = primary.getStatistics().getN() > 0 && run.getParams().getMode().shortLabel().equals("sample");
    Result<?> alloc = run.getSecondaryResults().get("gc.alloc.rate.norm");
    return new Measured(primary.getScore(),
        sample ? primary.getStatistics().getPercentile(50) : Double.NaN,
        sample ? primary.getStatistics().getPercentile(99) : Double.NaN,
        alloc != null ? alloc.getScore() : Double.NaN);
  }

  /** Warm-up and measurement iterations of every fork. */
  record Iterations(int warmups, long warmupMillis, int measurements, long measurementMillis) {
    /** Seconds one fork spends iterating (JVM start and set-up come on top). */
    double seconds() {
      return (warmups * warmupMillis + measurements * measurementMillis) / 1000.0;
    }
  }
}
