package io.inferlink.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark method once (no fork, no warm-up, one measurement of about one call) against
 * in-process echo servers, so none can rot between benchmark runs. Not a measurement: the real peer
 * (PyTriton) is left out, and the async window is 16 only. Takes about 10 seconds.
 */
class BenchmarksSmokeTest {
  @Test
  void everyBenchmarkRunsOnce() throws Exception {
    Path log = Files.createTempFile("inferlink-jmh-smoke", ".txt");
    Options options = new OptionsBuilder()
        .output(log.toString()) // JMH's own report, kept out of the build log
        .include("io\\.inferlink\\.benchmarks\\..*Bench\\.")
        .exclude(PeerBench.class.getName())
        .param("inFlight", "16")
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(1))
        .shouldFailOnError(true)
        .shouldDoGC(false)
        .build();
    Collection<RunResult> results;
    try {
      results = new Runner(options).run();
    } catch (RuntimeException | org.openjdk.jmh.runner.RunnerException e) {
      throw new AssertionError("a benchmark failed; JMH's report: " + log + "\n" + Files.readString(log), e);
    }
    Set<String> ran = new TreeSet<>();
    for (RunResult r : results) {
      assertTrue(r.getPrimaryResult().getSampleCount() > 0, r.getParams().getBenchmark() + " measured nothing");
      ran.add(r.getParams().getBenchmark().replaceFirst("^.*\\.(\\w+\\.\\w+)$", "$1"));
    }
    assertEquals(new TreeSet<>(Set.of(
        "AsyncThroughputBench.infer",
        "CompressionBench.v2_grpc", "CompressionBench.v2_rest_binary",
        "FloorBench.arraycopy", "FloorBench.bytebuffer_put", "FloorBench.socket_roundtrip",
        "ObservabilityBench.micrometer", "ObservabilityBench.micrometer_and_opentelemetry",
        "ObservabilityBench.no_interceptor", "ObservabilityBench.opentelemetry",
        "ObservabilityBench.pass_through_interceptor",
        "PipelineCostBench.micrometer", "PipelineCostBench.micrometer_and_opentelemetry",
        "PipelineCostBench.no_interceptor", "PipelineCostBench.opentelemetry",
        "PipelineCostBench.pass_through_interceptor",
        "SmallRequestBench.grpc_inferlink", "SmallRequestBench.grpc_raw_stub",
        "SmallRequestBench.rest_inferlink", "SmallRequestBench.rest_raw_http",
        "TfGrpcBench.inferlink", "TfGrpcBench.raw_stub", "TfGrpcBench.raw_stub_float_val",
        "TfRestCodecBench.databind_decode", "TfRestCodecBench.databind_encode",
        "TfRestCodecBench.inferlink_decode", "TfRestCodecBench.inferlink_encode",
        "V2GrpcBench.inferlink", "V2GrpcBench.raw_stub", "V2GrpcBench.typed_stub",
        "V2RestBench.inferlink_binary", "V2RestBench.inferlink_json", "V2RestBench.raw_http")), ran);
  }
}
