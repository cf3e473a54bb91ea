package io.inferlink.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code BenchReport --mode M --jmh jmh.json [--async async.jsonl] [--peer peer.json] --command C
 * [--notes NOTES.md] [--info KEY=VALUE ...] --out-json results.json --out-md quick.md}: merges one
 * run's figures into the machine-readable result (scenario, variant, params, score, error, unit,
 * allocated bytes per op, ...) and the Markdown page with the targets of issue 8.
 */
public final class BenchReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private BenchReport() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> a = new LinkedHashMap<>();
    Map<String, String> info = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (args[i].equals("--info")) {
        String[] kv = args[i + 1].split("=", 2);
        info.put(kv[0], kv.length > 1 ? kv[1] : "");
      } else {
        a.put(args[i].substring(2), args[i + 1]);
      }
    }
    List<Row> rows = new ArrayList<>();
    for (String file : a.get("jmh").split(",")) {
      if (Files.exists(Path.of(file))) {
        rows.addAll(jmhRows(Path.of(file)));
      }
    }
    if (a.containsKey("async") && Files.exists(Path.of(a.get("async")))) {
      rows = withAsyncStats(rows, Path.of(a.get("async")));
    }
    if (a.containsKey("peer") && Files.exists(Path.of(a.get("peer")))) {
      rows.addAll(peerRows(Path.of(a.get("peer")), info));
    }
    List<Target> targets = Targets.of(rows);
    ObjectNode out = JSON.createObjectNode();
    out.put("mode", a.get("mode"));
    out.put("command", a.get("command"));
    ObjectNode infoNode = out.putObject("run");
    info.forEach(infoNode::put);
    ArrayNode results = out.putArray("results");
    for (Row r : rows) {
      results.add(JSON.valueToTree(rowMap(r)));
    }
    ArrayNode t = out.putArray("targets");
    for (Target x : targets) {
      ObjectNode n = t.addObject();
      n.put("target", x.name());
      n.put("params", x.params());
      if (Double.isNaN(x.value())) {
        n.putNull("value");
      } else {
        n.put("value", x.value());
      }
      n.put("bound", (x.atLeast() ? ">= " : "<= ") + x.bound());
      n.put("unit", x.unit());
      n.put("verdict", x.verdict());
      n.put("detail", x.detail());
    }
    Path jsonOut = Path.of(a.get("out-json"));
    Files.createDirectories(jsonOut.toAbsolutePath().getParent());
    JSON.writeValue(jsonOut.toFile(), out);
    String notes = a.containsKey("notes") && Files.exists(Path.of(a.get("notes")))
        ? Files.readString(Path.of(a.get("notes")), StandardCharsets.UTF_8) : "";
    String md = Markdown.page(a.get("mode"), a.get("command"), info, rows, targets, a.get("out-json"), notes);
    Files.writeString(Path.of(a.get("out-md")), md, StandardCharsets.UTF_8);
    long met = targets.stream().filter(Target::met).count();
    System.out.println("targets met: " + met + " of " + targets.size());
    targets.stream().filter(x -> !x.met()).forEach(x -> System.out.println("  " + x.verdict() + ": " + x.name()
        + " [" + x.params() + "] " + (Double.isNaN(x.value()) ? "" : String.format(java.util.Locale.ROOT, "%.2f", x.value()))));
  }

  private static Map<String, Object> rowMap(Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scenario", r.scenario());
    m.put("benchmark", r.benchmark());
    m.put("variant", r.variant());
    m.put("params", r.params());
    m.put("score", r.score());
    m.put("error", Double.isNaN(r.error()) ? null : r.error());
    m.put("unit", r.unit());
    m.put("alloc_bytes_per_op", r.allocBytesPerOp());
    m.put("payload_bytes", r.payloadBytes());
    m.put("alloc_per_payload", r.allocPerPayload());
    if (r.p50() != null) {
      m.put("p50", r.p50());
      m.put("p99", r.p99());
    }
    m.putAll(r.extra());
    return m;
  }

  static List<Row> jmhRows(Path file) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (JsonNode b : JSON.readTree(file.toFile())) {
      String full = b.get("benchmark").asText();
      String[] parts = full.split("\\.");
      String cls = parts[parts.length - 2];
      String method = parts[parts.length - 1];
      Map<String, String> params = new LinkedHashMap<>();
      b.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
      JsonNode pm = b.get("primaryMetric");
      JsonNode alloc = b.path("secondaryMetrics").path("gc.alloc.rate.norm");
      Double p50 = null;
      Double p99 = null;
      if (b.get("mode").asText().equals("sample")) {
        p50 = pm.path("scorePercentiles").path("50.0").asDouble();
        p99 = pm.path("scorePercentiles").path("99.0").asDouble();
      }
      String variant = method + (params.containsKey("transport") && cls.equals("PeerBench") ? "_" + params.get("transport") : "");
      rows.add(new Row(Scenarios.of(cls), cls + "." + method, variant, params, pm.get("score").asDouble(),
          pm.get("scoreError").asDouble(Double.NaN), pm.get("scoreUnit").asText(),
          alloc.isMissingNode() ? null : alloc.get("score").asDouble(), payloadBytes(cls, params), p50, p99,
          new LinkedHashMap<>()));
    }
    return rows;
  }

  /** The tensor bytes one call moves each way (identity), for allocation ratios. */
  static Long payloadBytes(String cls, Map<String, String> params) {
    String shape = params.get("shape");
    int elementSize = 4;
    if (params.containsKey("payload")) {
      String[] p = params.get("payload").split(":");
      shape = p[1];
      // bytes: "w" and up to five digits, after a 4-byte length: about 10 bytes an element.
      elementSize = p[0].equals("int64") || p[0].equals("fp64") ? 8 : p[0].equals("bool") ? 1 : p[0].equals("bytes") ? 10 : 4;
    }
    if (shape == null && (cls.equals("AsyncThroughputBench") || cls.equals("PeerBench"))) {
      shape = Targets.IMAGE;
    }
    if (shape == null && cls.equals("SmallRequestBench")) {
      shape = "1x4";
    }
    if (shape == null) {
      return null;
    }
    long n = elementSize;
    for (String d : shape.split("x")) {
      n *= Long.parseLong(d);
    }
    return n;
  }

  private static List<Row> withAsyncStats(List<Row> rows, Path file) throws IOException {
    Map<String, JsonNode> stats = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        JsonNode n = JSON.readTree(line);
        stats.put(n.get("transport").asText() + "/" + n.get("inFlight").asText(), n); // last trial wins
      }
    }
    List<Row> out = new ArrayList<>();
    for (Row r : rows) {
      JsonNode s = stats.get(r.param("transport") + "/" + r.param("inFlight"));
      if (r.benchmark().equals("AsyncThroughputBench.infer") && s != null) {
        Map<String, Object> extra = new LinkedHashMap<>(r.extra());
        extra.put("threads_alive", s.get("threadsAlive").asInt());
        extra.put("client_threads", s.get("clientThreads").asInt());
        extra.put("peak_threads", s.get("peakThreads").asInt());
        extra.put("heap_after_bytes", s.get("heapAfterBytes").asLong());
        out.add(new Row(r.scenario(), r.benchmark(), r.variant(), r.params(), r.score(), r.error(), r.unit(),
            r.allocBytesPerOp(), r.payloadBytes(), r.p50(), r.p99(), extra));
      } else {
        out.add(r);
      }
    }
    return out;
  }

  private static List<Row> peerRows(Path file, Map<String, String> info) throws IOException {
    JsonNode n = JSON.readTree(file.toFile());
    info.put("tritonclient", n.path("tritonclient_version").asText() + " (numpy " + n.path("numpy_version").asText() + ")");
    List<Row> rows = new ArrayList<>();
    for (String transport : List.of("http", "grpc")) {
      JsonNode t = n.get(transport);
      if (t == null) {
        continue;
      }
      rows.add(new Row(Scenarios.of("PeerBench"), "tritonclient." + transport, "tritonclient_" + transport,
          Map.of("transport", transport), t.get("score").asDouble(), t.path("error").asDouble(Double.NaN),
          t.get("unit").asText(), null, payloadBytes("PeerBench", Map.of()), null, null, new LinkedHashMap<>()));
    }
    return rows;
  }
}
