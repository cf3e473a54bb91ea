package io.inferlink.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Every meter of a registry as one line, {@code name{tag=value,...} reading}, sorted: a test compares
 * the whole list, so a meter too many, a tag too many or a wrong count all fail it.
 */
final class MeterDump {
  private MeterDump() {}

  static List<String> of(MeterRegistry registry) {
    List<String> lines = new ArrayList<>();
    for (Meter m : registry.getMeters()) {
      lines.add(line(m));
    }
    lines.sort(null);
    return lines;
  }

  static String line(Meter m) {
    StringJoiner tags = new StringJoiner(",", "{", "}");
    for (Tag t : m.getId().getTags()) {
      tags.add(t.getKey() + "=" + t.getValue());
    }
    return m.getId().getName() + tags + " " + reading(m);
  }

  private static String reading(Meter m) {
    if (m instanceof Timer) {
      return "count=" + ((Timer) m).count();
    }
    if (m instanceof DistributionSummary) {
      DistributionSummary s = (DistributionSummary) m;
      return "count=" + s.count() + " bytes=" + (long) s.totalAmount();
    }
    if (m instanceof Counter) {
      return "count=" + (long) ((Counter) m).count();
    }
    if (m instanceof Gauge) {
      return "value=" + (long) ((Gauge) m).value();
    }
    return m.getClass().getSimpleName();
  }
}
