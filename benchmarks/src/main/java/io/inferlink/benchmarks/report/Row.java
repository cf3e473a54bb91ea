package io.inferlink.benchmarks.report;

import java.util.Map;

/**
 * One measured figure: a benchmark method (or the Python peer) with its parameters. Scores are as JMH
 * reports them ({@code ops/s}, or {@code us/op} in sample mode with p50/p99); allocation is JMH's
 * {@code gc.alloc.rate.norm} in bytes per operation, null when not measured. Immutable.
 */
record Row(String scenario, String benchmark, String variant, Map<String, String> params, double score,
    double error, String unit, Double allocBytesPerOp, Long payloadBytes, Double p50, Double p99,
    Map<String, Object> extra) {

  /** A parameter, or "" when absent. */
  String param(String name) {
    return params.getOrDefault(name, "");
  }

  /** Allocation per operation as a multiple of the payload, or null. */
  Double allocPerPayload() {
    return allocBytesPerOp == null || payloadBytes == null || payloadBytes == 0 ? null : allocBytesPerOp / payloadBytes;
  }
}
