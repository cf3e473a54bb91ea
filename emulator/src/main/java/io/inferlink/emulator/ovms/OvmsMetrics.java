package io.inferlink.emulator.ovms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The Prometheus metrics an emulated OVMS serves on {@code /metrics} (PROTOCOLS.md §4.6): per model
 * version, API, interface and method, {@code ovms_requests_success} and {@code ovms_requests_fail}
 * counters and an {@code ovms_request_time_us} histogram; plus {@code ovms_current_requests}.
 * Rendered in the text exposition format, label values escaped. Thread-safe.
 */
final class OvmsMetrics {
  /** Bucket bounds of the request-time histogram, in microseconds. */
  private static final long[] BUCKETS_US = {100, 1_000, 10_000, 100_000, 1_000_000};

  /** The labels of one request series. */
  record Series(String api, String iface, String method, String name, String version) implements Comparable<Series> {
    String labels() {
      return "api=\"" + escape(api) + "\",interface=\"" + escape(iface) + "\",method=\"" + escape(method)
          + "\",name=\"" + escape(name) + "\",version=\"" + escape(version) + "\"";
    }

    @Override
    public int compareTo(Series o) {
      return labels().compareTo(o.labels());
    }
  }

  private static final class Counts {
    final LongAdder success = new LongAdder();
    final LongAdder fail = new LongAdder();
    final LongAdder[] buckets = new LongAdder[BUCKETS_US.length];
    final LongAdder sumUs = new LongAdder();

    Counts() {
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = new LongAdder();
      }
    }
  }

  private final Map<Series, Counts> series = new ConcurrentSkipListMap<>();
  private final Map<String, AtomicLong> current = new ConcurrentHashMap<>();

  /** Records one finished request. */
  void record(Series s, boolean success, long micros) {
    Counts c = series.computeIfAbsent(s, k -> new Counts());
    (success ? c.success : c.fail).increment();
    c.sumUs.add(micros);
    for (int i = 0; i < BUCKETS_US.length; i++) {
      if (micros <= BUCKETS_US[i]) {
        c.buckets[i].increment();
      }
    }
  }

  /** Counts a request in flight for the model until the returned action runs. */
  Runnable started(String model) {
    AtomicLong n = current.computeIfAbsent(model, k -> new AtomicLong());
    n.incrementAndGet();
    return n::decrementAndGet;
  }

  /** The exposition text. */
  String render() {
    List<String> lines = new ArrayList<>();
    lines.add("# HELP ovms_current_requests Number of inference requests currently in process.");
    lines.add("# TYPE ovms_current_requests gauge");
    new java.util.TreeMap<>(current).forEach((model, n) ->
        lines.add("ovms_current_requests{name=\"" + escape(model) + "\"} " + n.get()));
    counter(lines, "ovms_requests_success", "Number of successful requests to a model or a DAG.", true);
    counter(lines, "ovms_requests_fail", "Number of failed requests to a model or a DAG.", false);
    lines.add("# HELP ovms_request_time_us Processing time of requests to a model or a DAG.");
    lines.add("# TYPE ovms_request_time_us histogram");
    series.forEach((s, c) -> {
      for (int i = 0; i < BUCKETS_US.length; i++) {
        lines.add("ovms_request_time_us_bucket{" + s.labels() + ",le=\"" + BUCKETS_US[i] + "\"} " + c.buckets[i].sum());
      }
      long count = c.success.sum() + c.fail.sum();
      lines.add("ovms_request_time_us_bucket{" + s.labels() + ",le=\"+Inf\"} " + count);
      lines.add("ovms_request_time_us_sum{" + s.labels() + "} " + c.sumUs.sum());
      lines.add("ovms_request_time_us_count{" + s.labels() + "} " + count);
    });
    return String.join("\n", lines) + "\n";
  }

  private void counter(List<String> lines, String name, String help, boolean success) {
    lines.add("# HELP " + name + " " + help);
    lines.add("# TYPE " + name + " counter");
    series.forEach((s, c) -> lines.add(name + "{" + s.labels() + "} " + (success ? c.success : c.fail).sum()));
  }

  /** The text format's label-value escapes: backslash, double quote and line feed. */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
