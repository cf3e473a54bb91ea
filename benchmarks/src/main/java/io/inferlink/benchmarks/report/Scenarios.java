package io.inferlink.benchmarks.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** Which scenario of issue 8 each benchmark class measures, in report order. Stateless. */
final class Scenarios {
  static final Map<String, String> BY_CLASS = new LinkedHashMap<>();

  static {
    BY_CLASS.put("V2GrpcBench", "V2 gRPC infer (identity, loopback)");
    BY_CLASS.put("V2RestBench", "V2 REST infer (identity, loopback)");
    BY_CLASS.put("TfRestCodecBench", "TF Serving REST JSON codec (in memory)");
    BY_CLASS.put("TfGrpcBench", "TF Serving gRPC predict (identity, loopback)");
    BY_CLASS.put("SmallRequestBench", "Small request [1,4] FP32, sync latency");
    BY_CLASS.put("AsyncThroughputBench", "Async throughput, one client, FP32 [1,3,224,224]");
    BY_CLASS.put("FloorBench", "Floor: copy and loopback socket");
    BY_CLASS.put("PeerBench", "Real peer: Triton via PyTriton, FP32 [1,3,224,224]");
  }

  private Scenarios() {}

  /** The scenario title of a benchmark's class simple name. */
  static String of(String simpleClass) {
    return BY_CLASS.getOrDefault(simpleClass, simpleClass);
  }
}
