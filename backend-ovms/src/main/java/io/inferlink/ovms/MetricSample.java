package io.inferlink.ovms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One sample of OVMS's Prometheus metrics, e.g.
 * {@code ovms_requests_success{api="KServe",interface="gRPC",method="ModelInfer",name="resnet",version="1"} 12}.
 * Histograms and summaries appear as their {@code _bucket}, {@code _sum} and {@code _count} samples.
 * Immutable and thread-safe.
 *
 * @param name the metric name, e.g. {@code ovms_requests_success}
 * @param labels the labels in the order the server wrote them, values unescaped
 * @param value the value; {@code NaN} and infinities as Prometheus writes them ({@code NaN}, {@code +Inf})
 */
public record MetricSample(String name, Map<String, String> labels, double value) {
  /**
   * Copies the labels, keeping the server's order.
   *
   * @param name the metric name; never null
   * @param labels the labels with unescaped values
   * @param value the sample's value, possibly NaN or infinite
   */
  public MetricSample {
    Objects.requireNonNull(name, "name");
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
  }

  /**
   * One label's value.
   *
   * @param labelName a label such as {@code name} or {@code version}
   * @return the unescaped value, or {@code null} when the sample has no such label
   */
  public String label(String labelName) {
    return labels.get(labelName);
  }
}
