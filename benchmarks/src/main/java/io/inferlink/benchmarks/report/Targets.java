package io.inferlink.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Computes the targets of issues 8 and 13 from one run's rows. Stateless. */
final class Targets {
  static final String IMAGE = "1x3x224x224";
  static final String BATCH = "16x3x224x224";

  private Targets() {}

  static List<Target> of(List<Row> rows) {
    List<Target> out = new ArrayList<>();
    for (String shape : List.of(IMAGE, BATCH)) {
      ratio(out, rows, "V2 gRPC: Inferlink ≥ 0.9× raw stub (raw_input_contents)", "shape=" + shape,
          "V2GrpcBench.inferlink", "V2GrpcBench.raw_stub", "shape", shape, 0.9);
      ratio(out, rows, "V2 gRPC: Inferlink ≥ 1.5× typed stub (fp32_contents)", "shape=" + shape,
          "V2GrpcBench.inferlink", "V2GrpcBench.typed_stub", "shape", shape, 1.5);
    }
    for (String shape : List.of(IMAGE, BATCH)) {
      alloc(out, rows, "Allocation ≤ 1.2× payload: V2 gRPC (raw contents)", "V2GrpcBench.inferlink", shape);
      alloc(out, rows, "Allocation ≤ 1.2× payload: V2 REST binary", "V2RestBench.inferlink_binary", shape);
      alloc(out, rows, "Allocation ≤ 1.2× payload: TF gRPC (tensor_content)", "TfGrpcBench.inferlink", shape);
    }
    for (String payload : List.of("fp32:" + IMAGE, "fp32:" + BATCH, "fp32_nan:" + IMAGE, "int64:" + IMAGE)) {
      ratio(out, rows, "TF REST JSON encode ≥ 3× Jackson databind", "payload=" + payload,
          "TfRestCodecBench.inferlink_encode", "TfRestCodecBench.databind_encode", "payload", payload, 3.0);
      ratio(out, rows, "TF REST JSON decode ≥ 2× Jackson databind", "payload=" + payload,
          "TfRestCodecBench.inferlink_decode", "TfRestCodecBench.databind_decode", "payload", payload, 2.0);
    }
    for (String type : List.of("fp32", "fp64", "int64", "int32", "bool", "bytes")) {
      String payload = type + ":" + IMAGE;
      ratio(out, rows, "TF REST JSON encode ≥ 1× Jackson databind, every element type", "payload=" + payload,
          "TfRestCodecBench.inferlink_encode", "TfRestCodecBench.databind_encode", "payload", payload, 1.0);
      ratio(out, rows, "TF REST JSON decode ≥ 1× Jackson databind, every element type", "payload=" + payload,
          "TfRestCodecBench.inferlink_decode", "TfRestCodecBench.databind_decode", "payload", payload, 1.0);
    }
    for (String shape : List.of(IMAGE, BATCH)) {
      ratio(out, rows, "V2 REST binary ≥ 0.8× raw HttpClient POST", "shape=" + shape,
          "V2RestBench.inferlink_binary", "V2RestBench.raw_http", "shape", shape, 0.8);
    }
    added(out, rows, "Small request: added p50 ≤ 20 µs, V2 gRPC", "SmallRequestBench.grpc_inferlink",
        "SmallRequestBench.grpc_raw_stub");
    added(out, rows, "Small request: added p50 ≤ 20 µs, V2 REST", "SmallRequestBench.rest_inferlink",
        "SmallRequestBench.rest_raw_http");
    ratio(out, rows, "Real peer: Inferlink ≥ tritonclient, HTTP binary", "transport=http",
        "PeerBench.inferlink", "tritonclient.http", "transport", "http", 1.0);
    ratio(out, rows, "Real peer: Inferlink ≥ tritonclient, gRPC", "transport=grpc",
        "PeerBench.inferlink", "tritonclient.grpc", "transport", "grpc", 1.0);
    return out;
  }

  static Optional<Row> find(List<Row> rows, String benchmark, String param, String value) {
    return rows.stream().filter(r -> r.benchmark().equals(benchmark)
        && (param == null || value.equals(r.param(param)))).findFirst();
  }

  private static void ratio(List<Target> out, List<Row> rows, String name, String params, String ours,
      String theirs, String param, String value, double bound) {
    Optional<Row> a = find(rows, ours, param, value);
    Optional<Row> b = find(rows, theirs, param, value);
    double r = a.isPresent() && b.isPresent() ? a.get().score() / b.get().score() : Double.NaN;
    String detail = a.isPresent() && b.isPresent()
        ? String.format(java.util.Locale.ROOT, "%.1f vs %.1f %s", a.get().score(), b.get().score(), a.get().unit())
        : "";
    out.add(new Target(name, params, r, true, bound, "×", detail));
  }

  private static void alloc(List<Target> out, List<Row> rows, String name, String benchmark, String shape) {
    Optional<Row> a = find(rows, benchmark, "shape", shape);
    Double v = a.map(Row::allocPerPayload).orElse(null);
    String detail = a.isPresent() && a.get().allocBytesPerOp() != null
        ? String.format(java.util.Locale.ROOT, "%,.0f B/op for a %,d B payload", a.get().allocBytesPerOp(), a.get().payloadBytes())
        : "";
    out.add(new Target(name, "shape=" + shape, v == null ? Double.NaN : v, false, 1.2, "× payload", detail));
  }

  private static void added(List<Target> out, List<Row> rows, String name, String ours, String theirs) {
    Optional<Row> a = find(rows, ours, null, null);
    Optional<Row> b = find(rows, theirs, null, null);
    double d = a.isPresent() && b.isPresent() && a.get().p50() != null && b.get().p50() != null
        ? a.get().p50() - b.get().p50() : Double.NaN;
    String detail = Double.isNaN(d) ? "" : String.format(java.util.Locale.ROOT,
        "p50 %.1f vs %.1f µs; p99 %.1f vs %.1f µs (added p99 %.1f µs)", a.get().p50(), b.get().p50(),
        a.get().p99(), b.get().p99(), a.get().p99() - b.get().p99());
    out.add(new Target(name, "shape=1x4", d, false, 20, "µs", detail));
  }
}
