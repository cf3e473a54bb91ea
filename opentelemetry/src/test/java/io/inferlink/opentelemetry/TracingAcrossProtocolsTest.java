package io.inferlink.opentelemetry;

import static io.inferlink.opentelemetry.SdkTracing.traceparentOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.Capability;
import io.inferlink.ClientOptions;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceException;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.kservev1.KServeV1RestFrontend;
import io.inferlink.emulator.oip.OipGrpcFrontend;
import io.inferlink.emulator.oip.OipRestFrontend;
import io.inferlink.emulator.ovms.OvmsFrontends;
import io.inferlink.emulator.ovms.OvmsRelease;
import io.inferlink.emulator.tfserving.TfServingGrpcFrontend;
import io.inferlink.emulator.tfserving.TfServingRestFrontend;
import io.inferlink.interceptor.InferenceCall;
import io.inferlink.interceptor.InferenceInterceptor;
import io.inferlink.interceptor.RetryPolicy;
import io.inferlink.spi.Endpoint;
import io.inferlink.tfserving.TensorFlowServing;
import io.inferlink.testkit.KitModels;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tracing interceptor on every protocol the emulator serves: the span's name, kind, attributes and
 * status on success, failure and cancellation, its parent (the application's span, current when the
 * call is made, blocking or async), and end to end the {@code traceparent} and {@code tracestate} the
 * server received (HTTP header or gRPC metadata, as the emulator's call recorder saw them), which name
 * the exported span.
 */
class TracingAcrossProtocolsTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  // The application's own trace state, which must travel with the call.
  private static final TraceState APP_STATE = TraceState.builder().put("inferlink-test", "t1").build();

  private static SdkTracing tracing;
  private static Tracer appTracer;
  private static Emulator servers;
  private static Emulator ovms;

  /** One protocol: its scheme, the server serving it, and what its spans must say. */
  record Wire(String scheme, String provider, String protocol, boolean grpc) {
    Emulator server() {
      return protocol.equals("ovms") ? ovms : servers;
    }

    String endpoint() {
      return server().endpoint(scheme);
    }

    @Override
    public String toString() {
      return scheme;
    }
  }

  static Stream<Wire> wires() {
    return Stream.of(
        new Wire("tfserving+http", "tfserving-rest", "tfserving", false),
        new Wire("tfserving+grpc", "tfserving-grpc", "tfserving", true),
        new Wire("kserve-v1+http", "kserve-v1-rest", "kserve-v1", false),
        new Wire("kserve-v2+http", "kserve-v2-rest", "kserve-v2", false),
        new Wire("kserve-v2+grpc", "kserve-v2-grpc", "kserve-v2", true),
        new Wire("ovms+http", "ovms-rest", "ovms", false),
        new Wire("ovms+grpc", "ovms-grpc", "ovms", true));
  }

  @BeforeAll
  static void start() {
    tracing = new SdkTracing();
    appTracer = tracing.sdk.getTracer("application");
    servers = Emulator.builder().maxLifetime(Duration.ofMinutes(5))
        .frontend(new TfServingRestFrontend()).frontend(new TfServingGrpcFrontend())
        .frontend(new KServeV1RestFrontend()).frontend(new OipRestFrontend()).frontend(new OipGrpcFrontend())
        .build().start();
    OvmsFrontends frontends = OvmsFrontends.of(OvmsRelease.V2026_2);
    ovms = Emulator.builder().maxLifetime(Duration.ofMinutes(5)).frontend(frontends.rest()).frontend(frontends.grpc())
        .build().start();
  }

  @AfterAll
  static void stop() {
    if (servers != null) {
      servers.close();
    }
    if (ovms != null) {
      ovms.close();
    }
    if (tracing != null) {
      tracing.close();
    }
  }

  @BeforeEach
  void forgetSpans() {
    tracing.exporter.reset();
  }

  private static InferenceClient client(Wire wire) {
    InferenceTracing inferenceTracing = InferenceTracing.create(tracing.sdk);
    return InferenceClient.create(wire.endpoint(), ClientOptions.builder().interceptor(inferenceTracing.interceptor()).build());
  }

  private static InferenceRequest identity(String callId) {
    return InferenceRequest.builder(KitModels.IDENTITY)
        .input(Tensor.ofFloats(KitModels.IDENTITY_TENSOR, new float[] {3f}, 1, 1))
        .header(KitModels.CALL_ID_HEADER, callId).build();
  }

  private static InferenceRequest fail(Wire wire, ErrorCode code, String callId) {
    // The fail model takes INT32; KServe V1 carries no INT32 (its JSON has no types), so INT64 there.
    Tensor codeTensor = wire.protocol().equals("kserve-v1")
        ? Tensor.ofLongs(KitModels.FAIL_TENSOR, new long[] {code.grpcCode()}, 1)
        : Tensor.ofInts(KitModels.FAIL_TENSOR, new int[] {code.grpcCode()}, 1);
    return InferenceRequest.builder(KitModels.FAIL).input(codeTensor).header(KitModels.CALL_ID_HEADER, callId).build();
  }

  /** An application span whose parent is a remote one carrying {@link #APP_STATE}, as an incoming request gives. */
  private static Span applicationSpan() {
    SpanContext remote = SpanContext.createFromRemoteParent("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
        TraceFlags.getSampled(), APP_STATE);
    return appTracer.spanBuilder("application").setParent(Context.root().with(Span.wrap(remote))).startSpan();
  }

  private static Map<String, String> serverHeaders(Wire wire, String callId) {
    return wire.server().recorder().headersOfCall(callId, WAIT)
        .orElseThrow(() -> new AssertionError(wire + ": call " + callId + " reached no server"));
  }

  /** Name, kind, parent and the attributes every span of {@code wire} carries for a call about the identity model. */
  private static void assertIdentitySpan(Wire wire, SpanData span, SpanData parent) {
    assertEquals("infer " + KitModels.IDENTITY, span.getName(), wire.toString());
    assertEquals(SpanKind.CLIENT, span.getKind(), wire.toString());
    assertEquals(parent.getTraceId(), span.getTraceId(), wire + ": not in the application's trace");
    assertEquals(parent.getSpanId(), span.getParentSpanId(), wire + ": not a child of the application's span");
    Attributes a = span.getAttributes();
    Endpoint endpoint = Endpoint.parse(wire.endpoint());
    assertEquals(endpoint.host(), a.get(SemanticAttributes.SERVER_ADDRESS), wire + " " + a);
    assertEquals((long) endpoint.port(), a.get(SemanticAttributes.SERVER_PORT), wire + " " + a);
    if (wire.grpc()) {
      assertEquals("grpc", a.get(SemanticAttributes.RPC_SYSTEM), wire + " " + a);
      assertNull(a.get(SemanticAttributes.HTTP_REQUEST_METHOD), wire + " " + a);
    } else {
      assertEquals("POST", a.get(SemanticAttributes.HTTP_REQUEST_METHOD), wire + " " + a);
      assertNull(a.get(SemanticAttributes.RPC_SYSTEM), wire + " " + a);
    }
    assertEquals(wire.provider(), a.get(InferlinkAttributes.PROVIDER), wire + " " + a);
    assertEquals(wire.protocol(), a.get(InferlinkAttributes.PROTOCOL), wire + " " + a);
    assertEquals("infer", a.get(InferlinkAttributes.OPERATION), wire + " " + a);
  }

  /** The server received the span's own trace context, and the application's trace state with it. */
  private static void assertServerSawSpan(Wire wire, String callId, SpanData span) {
    Map<String, String> headers = serverHeaders(wire, callId);
    assertEquals(traceparentOf(span), headers.get("traceparent"), wire + ": headers " + headers);
    assertEquals("inferlink-test=t1", headers.get("tracestate"), wire + ": headers " + headers);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wires")
  void aBlockingCallIsOneClientSpanUnderTheApplicationsSpanAndTheServerGetsItsContext(Wire wire) {
    String callId = UUID.randomUUID().toString();
    try (InferenceClient client = client(wire)) {
      Span app = applicationSpan();
      try (Scope ignored = app.makeCurrent()) {
        client.infer(identity(callId));
      } finally {
        app.end();
      }
    }
    SpanData span = tracing.onlyClientSpan();
    assertIdentitySpan(wire, span, tracing.span("application"));
    assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode(), wire.toString());
    assertNull(span.getAttributes().get(SemanticAttributes.ERROR_TYPE), wire.toString());
    assertEquals(KitModels.IDENTITY, span.getAttributes().get(InferlinkAttributes.MODEL_NAME), wire.toString());
    if (wire.grpc()) {
      assertEquals(0L, span.getAttributes().get(SemanticAttributes.RPC_GRPC_STATUS_CODE), wire.toString());
    }
    assertServerSawSpan(wire, callId, span);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wires")
  void anAsyncCallTakesTheContextCurrentWhenItIsMade(Wire wire) throws Exception {
    String callId = UUID.randomUUID().toString();
    CompletableFuture<InferenceResponse> answer;
    try (InferenceClient client = client(wire)) {
      Span app = applicationSpan();
      try (Scope ignored = app.makeCurrent()) {
        answer = client.inferAsync(identity(callId));
      } finally {
        app.end();
      }
      // The application's scope is closed before the answer comes, on another thread.
      assertFalse(Span.current().getSpanContext().isValid());
      answer.get(10, TimeUnit.SECONDS);
    }
    SpanData span = tracing.onlyClientSpan();
    assertIdentitySpan(wire, span, tracing.span("application"));
    assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode(), wire.toString());
    assertServerSawSpan(wire, callId, span);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wires")
  void aFailedCallHasStatusErrorAndItsErrorCodeAsErrorType(Wire wire) {
    String callId = UUID.randomUUID().toString();
    InferenceException failure;
    try (InferenceClient client = client(wire)) {
      Span app = applicationSpan();
      try (Scope ignored = app.makeCurrent()) {
        failure = assertThrows(InferenceException.class, () -> client.infer(fail(wire, ErrorCode.PERMISSION_DENIED, callId)));
      } finally {
        app.end();
      }
    }
    SpanData span = tracing.onlyClientSpan();
    assertEquals("infer " + KitModels.FAIL, span.getName(), wire.toString());
    assertEquals(tracing.span("application").getSpanId(), span.getParentSpanId(), wire.toString());
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode(), wire.toString());
    assertEquals(failure.code().name(), span.getAttributes().get(SemanticAttributes.ERROR_TYPE), wire.toString());
    assertEquals(ErrorCode.PERMISSION_DENIED, failure.code(), wire + ": the scripted failure arrived as " + failure);
    assertTrue(span.getStatus().getDescription().startsWith("PERMISSION_DENIED: "), span.getStatus().getDescription());
    assertTrue(span.getEvents().stream().anyMatch(e -> e.getName().equals("exception")), wire + ": no exception event");
    if (wire.grpc()) {
      assertEquals((long) ErrorCode.PERMISSION_DENIED.grpcCode(),
          span.getAttributes().get(SemanticAttributes.RPC_GRPC_STATUS_CODE), wire.toString());
    } else {
      Long status = span.getAttributes().get(SemanticAttributes.HTTP_RESPONSE_STATUS_CODE);
      assertEquals((long) failure.httpStatus(), status, wire.toString());
      assertTrue(status >= 400, wire + ": HTTP status " + status);
    }
    assertServerSawSpan(wire, callId, span);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wires")
  void aCancelledCallEndsItsSpanOnceWithErrorTypeCancelled(Wire wire) throws Exception {
    String callId = UUID.randomUUID().toString();
    try (InferenceClient client = client(wire)) {
      CompletableFuture<InferenceResponse> answer = client.inferAsync(InferenceRequest.builder(KitModels.SLEEP)
          .input(Tensor.ofLongs(KitModels.SLEEP_TENSOR, new long[] {30_000}, 1))
          .header(KitModels.CALL_ID_HEADER, callId).build());
      assertTrue(wire.server().recorder().awaitModelCall(callId, WAIT), wire + ": the sleep never started");
      answer.cancel(true);
      assertThrows(CancellationException.class, answer::join);
      assertTrue(wire.server().recorder().awaitCancelled(callId, WAIT), wire + ": the server saw no cancellation");
    }
    SpanData span = tracing.onlyClientSpan();
    assertEquals("infer " + KitModels.SLEEP, span.getName(), wire.toString());
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode(), wire.toString());
    assertEquals("CANCELLED", span.getAttributes().get(SemanticAttributes.ERROR_TYPE), wire.toString());
    // No application span was current: the call's span starts a trace of its own.
    assertFalse(span.getParentSpanContext().isValid(), wire.toString());
    assertServerSawOwnTrace(wire, callId, span);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wires")
  void otherOperationsAreNamedForTheOperationAndTheirModelIfAny(Wire wire) {
    boolean hasServerLive;
    try (InferenceClient client = client(wire)) {
      assertTrue(client.modelReady(ModelRef.of(KitModels.IDENTITY)), wire.toString());
      // TF Serving has no liveness call (the client refuses it before the pipeline: no span).
      hasServerLive = client.capabilities().supports(Capability.SERVER_LIVE);
      if (hasServerLive) {
        assertTrue(client.serverLive(), wire.toString());
      }
    }
    List<SpanData> spans = tracing.clientSpans();
    assertEquals(hasServerLive ? 2 : 1, spans.size(), wire + ": " + spans);
    SpanData ready = spans.get(0);
    assertEquals("model.ready " + KitModels.IDENTITY, ready.getName(), wire.toString());
    assertEquals("model.ready", ready.getAttributes().get(InferlinkAttributes.OPERATION), wire.toString());
    assertEquals(KitModels.IDENTITY, ready.getAttributes().get(InferlinkAttributes.MODEL_NAME), wire.toString());
    assertEquals(wire.grpc() ? null : "GET", ready.getAttributes().get(SemanticAttributes.HTTP_REQUEST_METHOD),
        wire.toString());
    assertEquals(StatusCode.UNSET, ready.getStatus().getStatusCode(), wire.toString());
    if (hasServerLive) {
      SpanData live = spans.get(1);
      assertEquals("server.live", live.getName(), wire.toString());
      assertNull(live.getAttributes().get(InferlinkAttributes.MODEL_NAME), wire.toString());
      assertEquals(StatusCode.UNSET, live.getStatus().getStatusCode(), wire.toString());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wires")
  void retriesRunInsideTheOneSpanAndEachAttemptCarriesItsContext(Wire wire) {
    String callId = UUID.randomUUID().toString();
    ClientOptions options = ClientOptions.builder().interceptor(InferenceTracing.create(tracing.sdk).interceptor())
        .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), 1.0)).build();
    InferenceException failure;
    long before;
    long perAttempt;
    try (InferenceClient client = InferenceClient.create(wire.endpoint(), options)) {
      // Two calls that are not retried: the first does what the client looks up once (signatures,
      // metadata); the second shows how many records one attempt leaves (frontends record at one or more
      // layers), the unit the retried call is counted in.
      assertThrows(InferenceException.class, () -> client.infer(fail(wire, ErrorCode.INVALID_ARGUMENT, "warm-up-1")));
      long start = wire.server().recorder().recordedCalls();
      assertThrows(InferenceException.class, () -> client.infer(fail(wire, ErrorCode.INVALID_ARGUMENT, "warm-up-2")));
      perAttempt = wire.server().recorder().recordedCalls() - start;
      tracing.exporter.reset();
      before = wire.server().recorder().recordedCalls();
      failure = assertThrows(InferenceException.class, () -> client.infer(fail(wire, ErrorCode.UNAVAILABLE, callId)));
    }
    assertEquals(ErrorCode.UNAVAILABLE, failure.code(), wire + ": " + failure);
    assertTrue(perAttempt > 0, wire.toString());
    assertEquals(3 * perAttempt, wire.server().recorder().recordedCalls() - before, wire + ": records of 3 attempts");
    SpanData span = tracing.onlyClientSpan();
    assertEquals("UNAVAILABLE", span.getAttributes().get(SemanticAttributes.ERROR_TYPE), wire.toString());
    assertServerSawOwnTrace(wire, callId, span);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ovms+http", "ovms+grpc"})
  void ovmsTensorFlowServingApiModelStatusIsTracedToTheServer(String scheme) {
    String callId = UUID.randomUUID().toString();
    InferenceInterceptor tagging = new InferenceInterceptor() {
      @Override
      public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
        return chain.proceed(call.withHeader(KitModels.CALL_ID_HEADER, callId));
      }
    };
    ClientOptions options = ClientOptions.builder().interceptor(InferenceTracing.create(tracing.sdk).interceptor())
        .interceptor(tagging).build();
    try (InferenceClient client = InferenceClient.create(ovms.endpoint(scheme) + "?api=tfs", options)) {
      assertFalse(client.unwrap(TensorFlowServing.class).modelStatus(ModelRef.of(KitModels.IDENTITY)).isEmpty());
    }
    SpanData span = tracing.onlyClientSpan();
    assertEquals("model.status " + KitModels.IDENTITY, span.getName());
    assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode(), span.toString());
    Map<String, String> headers = ovms.recorder().headersOfCall(callId, WAIT)
        .orElseThrow(() -> new AssertionError(scheme + ": the model status reached no server"));
    assertEquals(traceparentOf(span), headers.get("traceparent"), scheme + ": headers " + headers);
  }

  private static void assertServerSawOwnTrace(Wire wire, String callId, SpanData span) {
    Map<String, String> headers = serverHeaders(wire, callId);
    assertEquals(traceparentOf(span), headers.get("traceparent"), wire + ": headers " + headers);
    assertInstanceOf(String.class, headers.get("traceparent"));
    assertFalse(headers.containsKey("tracestate"), wire + ": an empty trace state went out: " + headers);
  }
}
