package io.inferlink.benchmarks.steady;

/**
 * What one fork of one side measured: its score (ops/s for throughput, µs/op in sample mode), the p50 and
 * p99 in µs (sample mode only, else NaN) and JMH's {@code gc.alloc.rate.norm} in bytes per operation (NaN
 * when not profiled, e.g. the Python peer). Immutable.
 */
record Measured(double score, double p50, double p99, double allocBytesPerOp) {}
