/** Turns one {@code benchmarks/run} (JMH JSON, async side statistics, the Python peer's figures) into the result JSON and page of a quick or full run (benchmarks/results/<mode>.md; the steady run has its own, package steady). */
package io.inferlink.benchmarks.report;
