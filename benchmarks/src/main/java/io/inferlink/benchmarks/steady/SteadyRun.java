package io.inferlink.benchmarks.steady;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.inferlink.benchmarks.Payloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs one group of the steady plan and writes its per-fork figures and check values as JSON (read by
 * {@link SteadyReport}). Each comparison runs A B A B … ({@code --forks} pairs), so load that drifts over
 * the run touches both sides of a pair alike; a side that fails leaves its checks "not measured" and the
 * run goes on.
 *
 * <pre>
 * SteadyRun --group loopback|peer --forks N --logs DIR --out FILE [--jvm-arg ARG]...
 *           [--python PY --script peer_tritonclient.py --http HOST:PORT --grpc HOST:PORT]   (peer group)
 *           [--only REGEX]   (comparisons whose A side or title matches; for partial runs)
 * </pre>
 */
public final class SteadyRun {
  private SteadyRun() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = new LinkedHashMap<>();
    List<String> jvmArgs = new ArrayList<>();
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + args[i]);
      }
      if (args[i].equals("--jvm-arg")) {
        jvmArgs.add(args[i + 1]);
      } else {
        opt.put(args[i], args[i + 1]);
      }
    }
    Path logs = Path.of(required(opt, "--logs"));
    Files.createDirectories(logs);
    int forks = Integer.parseInt(opt.getOrDefault("--forks", "3"));
    String group = required(opt, "--group");
    List<Comparison> plan = switch (group) {
      case "loopback" -> SteadyPlan.loopback(jvmArgs, logs);
      case "peer" -> SteadyPlan.peer(jvmArgs, logs, required(opt, "--python"), Path.of(required(opt, "--script")),
          required(opt, "--http"), required(opt, "--grpc"));
      default -> throw new IllegalArgumentException("unknown group " + group);
    };
    String only = opt.get("--only");
    if (only != null) {
      java.util.regex.Pattern p = java.util.regex.Pattern.compile(only);
      plan = plan.stream().filter(c -> p.matcher(c.a().label() + " " + c.paramText()).find()
          || p.matcher(c.title()).find()).toList();
    }
    if (group.equals("loopback") && !plan.isEmpty()) {
      warmServers(jvmArgs, logs);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    int n = 0;
    for (Comparison c : plan) {
      n++;
      out.add(run(c, forks, n + "/" + plan.size()));
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("group", group);
    doc.put("forks", forks);
    doc.put("comparisons", out);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(Path.of(required(opt, "--out")).toFile(), doc);
  }

  /**
   * One untimed fork over every echo endpoint before the first comparison: the echo servers' JVM starts cold, and
   * whichever fork ran first used to meet a server still being compiled (a first pair of 0.58× where the next two
   * were 1.03× and 1.20×). The baselines are used because they touch the servers and nothing of Inferlink's.
   */
  private static void warmServers(List<String> jvmArgs, Path logs) throws Exception {
    JmhSide.Iterations brief = new JmhSide.Iterations(1, 1000, 3, 1000);
    Path dir = Files.createDirectories(logs.resolve("warm-up"));
    for (String benchmark : List.of("V2GrpcBench.raw_stub", "TfGrpcBench.raw_stub", "V2RestBench.raw_http",
        "SmallRequestBench.rest_raw_http")) {
      Map<String, String> params = benchmark.startsWith("Small") ? Map.of() : Map.of("shape", Payloads.IMAGE);
      new JmhSide(benchmark, params, brief, false, jvmArgs, dir).measure(1);
    }
    System.out.println("echo servers warmed up (one untimed fork of each baseline)");
  }

  private static Map<String, Object> run(Comparison c, int forks, String position) {
    List<Measured> as = new ArrayList<>();
    List<Measured> bs = new ArrayList<>();
    String error = null;
    for (int fork = 1; fork <= forks && error == null; fork++) {
      try {
        Measured a = c.a().measure(fork);
        Measured b = c.b().measure(fork);
        as.add(a);
        bs.add(b);
        System.out.printf(Locale.ROOT, "[%s] %s vs %s %s, fork %d: %s vs %s%n", position, c.a().label(),
            c.b().label(), c.paramText(), fork, figure(a), figure(b));
      } catch (Exception e) {
        error = e.toString();
        System.out.printf(Locale.ROOT, "[%s] %s %s, fork %d FAILED: %s%n", position, c.a().label(), c.paramText(),
            fork, error);
      }
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("group", c.group());
    r.put("title", c.title());
    r.put("params", c.params());
    r.put("a", c.a().label());
    r.put("b", c.b().label());
    r.put("payloadBytes", c.payloadBytes());
    List<Map<String, Object>> pairs = new ArrayList<>();
    for (int i = 0; i < as.size(); i++) {
      pairs.add(Map.of("a", figures(as.get(i)), "b", figures(bs.get(i))));
    }
    r.put("forks", pairs);
    List<Map<String, Object>> checks = new ArrayList<>();
    for (Check check : c.checks()) {
      List<Double> values = new ArrayList<>();
      for (int i = 0; i < as.size(); i++) {
        values.add(check.metric().of(as.get(i), bs.get(i), c.payloadBytes()));
      }
      if (error != null || values.isEmpty()) {
        values.add(Double.NaN); // an incomplete comparison is not measured, whatever its first forks said
      }
      Spread s = Spread.of(check, values);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", check.name());
      m.put("metric", check.metric().name());
      m.put("unit", check.metric().unit);
      m.put("atLeast", check.atLeast());
      m.put("bound", check.bound());
      m.put("values", values.stream().map(SteadyRun::json).toList());
      m.put("median", json(s.median()));
      m.put("min", json(s.min()));
      m.put("max", json(s.max()));
      m.put("verdict", s.verdict());
      checks.add(m);
      System.out.printf(Locale.ROOT, "[%s] %s %s: median %.3f (%.3f – %.3f) %s%n", position, check.name(),
          c.paramText(), s.median(), s.min(), s.max(), s.verdict());
    }
    r.put("checks", checks);
    if (error != null) {
      r.put("error", error);
    }
    return r;
  }

  private static Map<String, Object> figures(Measured m) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("score", json(m.score()));
    f.put("p50", json(m.p50()));
    f.put("p99", json(m.p99()));
    f.put("allocBytesPerOp", json(m.allocBytesPerOp()));
    return f;
  }

  /** JSON has no NaN: missing figures are null. */
  private static Double json(double v) {
    return Double.isNaN(v) ? null : v;
  }

  private static String figure(Measured m) {
    return Double.isNaN(m.p50())
        ? String.format(Locale.ROOT, "%.1f ops/s", m.score())
        : String.format(Locale.ROOT, "p50 %.1f µs, p99 %.1f µs", m.p50(), m.p99());
  }

  private static String required(Map<String, String> opt, String name) {
    String v = opt.get(name);
    if (v == null) {
      throw new IllegalArgumentException("SteadyRun needs " + name);
    }
    return v;
  }
}
