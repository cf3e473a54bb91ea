package io.inferlink.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real OpenTelemetry SDK for tests: every span exported synchronously to memory as it ends, W3C
 * trace-context propagation, nothing registered globally. Close it after the tests.
 */
final class SdkTracing implements AutoCloseable {
  final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
      .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
      .build();

  /** The CLIENT spans ended so far. */
  List<SpanData> clientSpans() {
    return exporter.getFinishedSpanItems().stream().filter(s -> s.getKind() == SpanKind.CLIENT)
        .collect(Collectors.toList());
  }

  /** The one CLIENT span ended so far; fails when there are none or several (a span ended twice shows here). */
  SpanData onlyClientSpan() {
    List<SpanData> spans = clientSpans();
    assertEquals(1, spans.size(), "client spans: " + spans);
    return spans.get(0);
  }

  /** The span whose name is {@code name}, among all ended spans. */
  SpanData span(String name) {
    return exporter.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name + " in " + exporter.getFinishedSpanItems()));
  }

  /** The {@code traceparent} value that names {@code span} as the parent of what the server does. */
  static String traceparentOf(SpanData span) {
    return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getSpanContext().getTraceFlags().asHex();
  }

  @Override
  public void close() {
    sdk.close();
  }
}
