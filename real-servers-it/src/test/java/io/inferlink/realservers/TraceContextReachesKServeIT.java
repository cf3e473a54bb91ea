package io.inferlink.realservers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.opentelemetry.InferenceTracing;
import io.inferlink.testcontainers.KServeContainer;
import io.inferlink.testcontainers.ModelServerContainer;
import io.inferlink.testcontainers.RequiresDocker;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testcontainers.utility.MountableFile;

/**
 * End to end with a real server: a call traced by {@code inferlink-opentelemetry} reaches KServe 0.21.0 (in a
 * container, host networking) with the {@code traceparent} of its own span, child of the application's,
 * over V2 REST and V2 gRPC. The server's model ({@code tracing/kserve_trace_context.py})
 * answers the trace headers it was called with, so the check reads what the server received, not what the
 * client meant to send. Skipped with one line without Docker or the image; failed instead with
 * {@code REQUIRE_DOCKER=true}.
 */
@RequiresDocker(images = "inferlink/kserve:0.21.0")
class TraceContextReachesKServeIT {
  private static final ModelRef TRACE_CONTEXT = ModelRef.of("trace_context");
  private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
  private static OpenTelemetrySdk openTelemetry;
  private static KServeContainer kserve;

  @BeforeAll
  static void start() {
    openTelemetry = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(SPANS)).build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
    Path realservers = RealPeers.realserversFolder();
    kserve = new KServeContainer(RealPeerContainers.KSERVE).withHostNetwork()
        .withPythonScript(MountableFile.forClasspathResource("tracing/kserve_trace_context.py"), "--max-seconds", "600")
        .withCopyFileToContainer(MountableFile.forHostPath(realservers.resolve("kserve_models.py")),
            ModelServerContainer.SCRIPT_DIR + "/kserve_models.py")
        .withStartupTimeout(Duration.ofSeconds(120));
    kserve.start();
  }

  @AfterAll
  static void stop() {
    if (kserve != null) {
      kserve.stop();
    }
    if (openTelemetry != null) {
      openTelemetry.close();
    }
  }

  static Stream<String> endpoints() {
    return Stream.of(kserve.kserveV2HttpEndpoint(), kserve.kserveV2GrpcEndpoint());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void theServerReceivesTheTraceparentOfTheCallsSpan(String endpoint) {
    SPANS.reset();
    ClientOptions options = ClientOptions.builder().interceptor(InferenceTracing.create(openTelemetry).interceptor()).build();
    Span application = openTelemetry.getTracer("test").spanBuilder("application").startSpan();
    InferenceResponse answer;
    try (InferenceClient client = InferenceClient.create(endpoint, options);
        Scope scope = application.makeCurrent()) {
      answer = client.infer(InferenceRequest.builder(TRACE_CONTEXT)
          .input(Tensor.ofFloats("x", new float[] {1f}, 1)).build());
    } finally {
      application.end();
    }
    List<SpanData> clientSpans = SPANS.getFinishedSpanItems().stream()
        .filter(s -> s.getName().equals("infer trace_context")).toList();
    assertEquals(1, clientSpans.size(), "one client span: " + SPANS.getFinishedSpanItems());
    SpanData span = clientSpans.get(0);
    assertEquals(application.getSpanContext().getTraceId(), span.getTraceId(), "the client span is the application's child");
    String received = new String(answer.output("traceparent").toBytesList().get(0), StandardCharsets.UTF_8);
    // flags as the span has them: sampled, and the SDK's random-trace-id flag of W3C Trace Context level 2 (03)
    String flags = span.getSpanContext().getTraceFlags().asHex();
    assertEquals("00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + flags, received, "traceparent at the server");
  }
}
