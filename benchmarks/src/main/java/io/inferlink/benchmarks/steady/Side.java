package io.inferlink.benchmarks.steady;

/** One side of a comparison: something that can be measured once per fork, in its own process. */
interface Side {
  /** A short label for logs and the report, e.g. {@code V2GrpcBench.raw_stub}. */
  String label();

  /** Runs one fork (a fresh process) and returns what it measured; {@code fork} counts from 1. */
  Measured measure(int fork) throws Exception;
}
