/** Turns one {@code benchmarks/run} (JMH JSON, async side statistics, the Python peer's figures) into the result JSON and docs/BENCHMARKS.md. */
package io.inferlink.benchmarks.report;
