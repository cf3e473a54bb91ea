/**
 * The steady harness of {@code benchmarks/run steady}: each Inferlink variant runs in alternating forks with
 * its baseline (A B A B …), every check is computed per fork pair, and a check is settled only when every
 * pair lands on the same side of its bound. {@link io.inferlink.benchmarks.steady.SteadyRun} measures,
 * {@link io.inferlink.benchmarks.steady.SteadyReport} writes {@code docs/BENCHMARKS.md}.
 */
package io.inferlink.benchmarks.steady;
