package io.inferlink.benchmarks.steady;

import io.inferlink.benchmarks.Payloads;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparisons of issue 14, in run order, with their checks and how long each fork iterates. The loopback
 * group needs the echo servers (their ports file in the JVM arguments); the peer group needs PyTriton and the
 * Python interpreter that has {@code tritonclient}. Stateless.
 */
final class SteadyPlan {
  /** Loopback round trips: long enough for the JIT and the connection pools to settle. */
  static final JmhSide.Iterations ROUND_TRIP = new JmhSide.Iterations(3, 1000, 3, 1000);
  /**
   * The small sync request: its call path is deeper than the raw client's, so C2 needs longer before its latency
   * stops falling from one iteration to the next (seen in quick runs: 244, 202, 140, 111 µs after a 3 s warm-up).
   */
  static final JmhSide.Iterations LATENCY = new JmhSide.Iterations(6, 1000, 3, 1000);
  /** In-memory JSON codec: hot in under a second; three 700 ms iterations still hold several batch encodes. */
  static final JmhSide.Iterations CODEC = new JmhSide.Iterations(2, 700, 3, 700);
  /** Real peer: the Python side gets the same warm-up and iterations. */
  static final JmhSide.Iterations PEER = new JmhSide.Iterations(3, 1000, 3, 1000);

  private static final List<String> SHAPES = List.of(Payloads.IMAGE, Payloads.BATCH);
  private static final List<String> JSON_CASES = List.of("fp32:" + Payloads.IMAGE, "fp32:" + Payloads.BATCH,
      "fp32_nan:" + Payloads.IMAGE, "fp64:" + Payloads.IMAGE, "int64:" + Payloads.IMAGE, "int32:" + Payloads.IMAGE,
      "bool:" + Payloads.IMAGE, "bytes:" + Payloads.IMAGE);

  private SteadyPlan() {}

  /** The loopback comparisons; {@code jvmArgs} point the forks at the echo servers. */
  static List<Comparison> loopback(List<String> jvmArgs, Path logs) {
    List<Comparison> out = new ArrayList<>();
    Sides s = new Sides(jvmArgs, logs);
    for (String shape : SHAPES) {
      Map<String, String> p = Map.of("shape", shape);
      out.add(new Comparison("loopback", "V2 gRPC infer vs raw stub (raw_input_contents)", p,
          s.roundTrip("V2GrpcBench.inferlink", p, true), s.roundTrip("V2GrpcBench.raw_stub", p, false), bytes(shape),
          List.of(Check.atLeast("V2 gRPC: Inferlink ≥ 0.95× raw stub (raw_input_contents)", Metric.RATIO, 0.95),
              Check.atMost("Allocation ≤ 1.2× payload: V2 gRPC", Metric.ALLOC_PER_PAYLOAD, 1.2))));
      out.add(new Comparison("loopback", "TF gRPC predict vs raw stub (tensor_content)", p,
          s.roundTrip("TfGrpcBench.inferlink", p, true), s.roundTrip("TfGrpcBench.raw_stub", p, false), bytes(shape),
          List.of(Check.atLeast("TF gRPC: Inferlink ≥ 0.95× raw stub (tensor_content)", Metric.RATIO, 0.95),
              Check.atMost("Allocation ≤ 1.2× payload: TF gRPC", Metric.ALLOC_PER_PAYLOAD, 1.2))));
      out.add(new Comparison("loopback", "V2 REST binary infer vs raw HttpClient POST", p,
          s.roundTrip("V2RestBench.inferlink_binary", p, true), s.roundTrip("V2RestBench.raw_http", p, false),
          bytes(shape),
          List.of(Check.atLeast("V2 REST binary: Inferlink ≥ 0.9× raw HttpClient POST", Metric.RATIO, 0.9),
              Check.atMost("Allocation ≤ 1.2× payload: V2 REST binary", Metric.ALLOC_PER_PAYLOAD, 1.2))));
    }
    Map<String, String> small = Map.of();
    out.add(new Comparison("loopback", "Small request [1,4] FP32, V2 REST JSON, sync", small,
        s.latency("SmallRequestBench.rest_inferlink"), s.latency("SmallRequestBench.rest_raw_http"), 16,
        List.of(Check.atMost("Small request, V2 REST: added p50 ≤ 20 µs", Metric.ADDED_P50, 20),
            Check.atMost("Small request, V2 REST: added p99 ≤ 40 µs", Metric.ADDED_P99, 40))));
    out.add(new Comparison("loopback", "Small request [1,4] FP32, V2 gRPC, sync", small,
        s.latency("SmallRequestBench.grpc_inferlink"), s.latency("SmallRequestBench.grpc_raw_stub"), 16,
        List.of(Check.atMost("Small request, V2 gRPC: added p50 ≤ 20 µs", Metric.ADDED_P50, 20))));
    // issue 16: what the pipeline and the observability modules add to every call, measured without a network
    // (PipelineCostBench: an attempt answered at once); ObservabilityBench shows the same over loopback gRPC
    out.add(new Comparison("loopback", "Call pipeline, blocking infer answered at once: a pass-through interceptor vs none", small,
        s.latency("PipelineCostBench.pass_through_interceptor"), s.latency("PipelineCostBench.no_interceptor"), 16,
        List.of(Check.atMost("Pipeline: an interceptor adds p50 ≤ 2 µs", Metric.ADDED_P50, 2))));
    out.add(new Comparison("loopback", "Call pipeline, blocking infer answered at once: Micrometer + OpenTelemetry vs none", small,
        s.latency("PipelineCostBench.micrometer_and_opentelemetry"), s.latency("PipelineCostBench.no_interceptor"), 16,
        List.of(Check.atMost("Metrics + tracing add p50 ≤ 10 µs", Metric.ADDED_P50, 10))));
    for (String payload : JSON_CASES) {
      Map<String, String> p = Map.of("payload", payload);
      boolean fp32 = payload.startsWith("fp32");
      out.add(new Comparison("loopback", "TF Serving REST JSON encode vs Jackson databind", p,
          s.codec("TfRestCodecBench.inferlink_encode", p), s.codec("TfRestCodecBench.databind_encode", p), 0,
          List.of(fp32
              ? Check.atLeast("JSON encode: FP32 ≥ 3× Jackson databind", Metric.RATIO, 3.0)
              : Check.atLeast("JSON encode: every type ≥ 1× Jackson databind", Metric.RATIO, 1.0))));
      out.add(new Comparison("loopback", "TF Serving REST JSON decode vs Jackson databind", p,
          s.codec("TfRestCodecBench.inferlink_decode", p), s.codec("TfRestCodecBench.databind_decode", p), 0,
          List.of(fp32
              ? Check.atLeast("JSON decode: FP32 ≥ 2.5× Jackson databind", Metric.RATIO, 2.5)
              : Check.atLeast("JSON decode: every type ≥ 1× Jackson databind", Metric.RATIO, 1.0))));
    }
    return out;
  }

  /** The real-peer comparisons: Inferlink's PeerBench against Python tritonclient, same case, alternating. */
  static List<Comparison> peer(List<String> jvmArgs, Path logs, String python, Path script, String http,
      String grpc) {
    List<Comparison> out = new ArrayList<>();
    for (String transport : List.of("http", "grpc")) {
      for (int inFlight : new int[] {1, 16}) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("transport", transport);
        p.put("inFlight", Integer.toString(inFlight));
        out.add(new Comparison("peer", "Real peer: Triton through PyTriton, FP32 [1,3,224,224]", p,
            new JmhSide("PeerBench.inferlink", p, PEER, false, jvmArgs, logs),
            new PythonPeerSide(python, script, http, grpc, transport, inFlight, PEER, logs),
            bytes(Payloads.IMAGE),
            List.of(Check.atLeast("Real peer: Inferlink ≥ 1.2× tritonclient, "
                + (transport.equals("http") ? "HTTP binary" : "gRPC"), Metric.RATIO, 1.2))));
      }
    }
    return out;
  }

  private static long bytes(String shape) {
    return 4L * Payloads.elements(Payloads.shape(shape));
  }

  /** Builds the JMH sides of one group. */
  private record Sides(List<String> jvmArgs, Path logs) {
    JmhSide roundTrip(String benchmark, Map<String, String> params, boolean gc) {
      return new JmhSide(benchmark, params, ROUND_TRIP, gc, jvmArgs, logs);
    }

    JmhSide latency(String benchmark) {
      return new JmhSide(benchmark, Map.of(), LATENCY, false, jvmArgs, logs);
    }

    JmhSide codec(String benchmark, Map<String, String> params) {
      return new JmhSide(benchmark, params, CODEC, false, jvmArgs, logs);
    }
  }
}
