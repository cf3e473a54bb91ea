package io.inferlink.transport.grpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.inferlink.ClientOptions;
import io.inferlink.DeadlineExceededException;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.InvalidRequestException;
import io.inferlink.ModelNotFoundException;
import io.inferlink.ServerException;
import io.inferlink.interceptor.InferenceCall;
import io.inferlink.protos.internal.tensorflow.serving.GetModelStatusRequest;
import io.inferlink.protos.internal.tensorflow.serving.GetModelStatusResponse;
import io.inferlink.protos.internal.tensorflow.serving.ModelServiceGrpc;
import io.inferlink.protos.internal.tensorflow.serving.ModelSpec;
import io.inferlink.spi.support.Attempt;
import io.inferlink.spi.support.Errors;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.spi.support.PreparedCall;
import io.inferlink.testkit.SecretLeaks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one gRPC exchange against an in-process server: an attempt's headers arrive as metadata (after
 * the client's, replacing same-named ones), its time left is the deadline, a rejected answer names the
 * protocol on both paths, the protocol reads failures its own way (a failure may stand for an answer),
 * a secret-named header of the call is scrubbed from the status, and
 * cancelling an attempt cancels the RPC. The model name picks the server's behaviour.
 */
class GrpcExchangeTest {
  private static final String PROTOCOL = "a test protocol response";
  private final BlockingQueue<Metadata> seen = new LinkedBlockingQueue<>();
  private final CountDownLatch serverSawCancel = new CountDownLatch(1);
  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    String name = InProcessServerBuilder.generateName();
    ModelServiceGrpc.ModelServiceImplBase service = new ModelServiceGrpc.ModelServiceImplBase() {
      @Override
      public void getModelStatus(GetModelStatusRequest request, StreamObserver<GetModelStatusResponse> out) {
        switch (request.getModelSpec().getName()) {
          case "echo":
            Metadata last = seen.peek();
            out.onError(Status.PERMISSION_DENIED.withDescription("denied for key "
                + last.get(Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER))).asRuntimeException());
            return;
          case "slow":
            return; // never answers
          default:
            out.onNext(GetModelStatusResponse.getDefaultInstance());
            out.onCompleted();
        }
      }
    };
    ServerInterceptor capture = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        seen.add(headers);
        return new io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener<Q>(next.startCall(call, headers)) {
          @Override
          public void onCancel() {
            serverSawCancel.countDown();
            super.onCancel();
          }
        };
      }
    };
    server = InProcessServerBuilder.forName(name).addService(ServerInterceptors.intercept(service, capture)).build().start();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private GrpcExchange exchange(ClientOptions options) {
    Channel withHeaders = ClientInterceptors.intercept(channel, new HeadersInterceptor(options));
    return new GrpcExchange(withHeaders, "test", PROTOCOL);
  }

  private static PreparedCall<String> status(GrpcExchange exchange, String model) {
    return exchange.prepare(ModelServiceGrpc.getGetModelStatusMethod(),
        GetModelStatusRequest.newBuilder().setModelSpec(ModelSpec.newBuilder().setName(model)).build(), r -> "ok");
  }

  private static Attempt attempt(Map<String, String> headers, Duration timeout) {
    InferenceCall.Builder b = InferenceCall.builder(InferenceCall.Operation.MODEL_READY).provider("test").timeout(timeout);
    headers.forEach(b::header);
    return Attempt.of(b.build());
  }

  private static Throwable failure(CompletableFuture<?> f) {
    return assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS)).getCause();
  }

  private static String header(Metadata m, String name) {
    return m.get(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER));
  }

  @Test
  void theCallsHeadersArriveAsMetadataAfterTheClientsOnBothPaths() throws Exception {
    GrpcExchange exchange = exchange(ClientOptions.builder().header("X-Tenant", "client").header("X-Team", "search").build());
    Map<String, String> own = Map.of("X-Tenant", "blue", "traceparent", "00-a-b-01");
    assertEquals("ok", status(exchange, "m").send(attempt(own, Duration.ofSeconds(10))).get(10, TimeUnit.SECONDS));
    Metadata async = seen.take();
    List<String> tenants = new java.util.ArrayList<>();
    async.getAll(Metadata.Key.of("x-tenant", Metadata.ASCII_STRING_MARSHALLER)).forEach(tenants::add);
    assertEquals(List.of("blue"), tenants, "the call's header replaces the client's");
    assertEquals("search", header(async, "x-team"));
    assertEquals("00-a-b-01", header(async, "traceparent"));

    assertEquals("ok", status(exchange, "m").sendBlocking(attempt(own, Duration.ofSeconds(10))));
    assertEquals("blue", header(seen.take(), "x-tenant"));
    status(exchange, "m").sendBlocking(attempt(Map.of(), Duration.ofSeconds(10)));
    assertEquals("client", header(seen.take(), "x-tenant"), "the headers were of that call only");
  }

  @Test
  void aBinaryHeaderOfTheCallIsRefused() {
    GrpcExchange exchange = exchange(ClientOptions.defaults());
    assertInstanceOf(InvalidRequestException.class,
        failure(status(exchange, "m").send(attempt(Map.of("x-trace-bin", "AAEC"), Duration.ofSeconds(10)))));
  }

  @Test
  void aSecretNamedHeaderOfTheCallIsScrubbedFromTheStatus() {
    String secret = "grpc-call-key-91ab2c";
    GrpcExchange exchange = exchange(ClientOptions.defaults());
    InferenceException async = assertInstanceOf(InferenceException.class,
        failure(status(exchange, "echo").send(attempt(Map.of("X-Api-Key", secret), Duration.ofSeconds(10)))));
    assertTrue(async.getMessage().contains("denied for key"), async.getMessage());
    SecretLeaks.assertNoneShown("async", async, List.of(secret));
    InferenceException blocking = assertThrows(InferenceException.class,
        () -> status(exchange, "echo").sendBlocking(attempt(Map.of("X-Api-Key", secret), Duration.ofSeconds(10))));
    SecretLeaks.assertNoneShown("blocking", blocking, List.of(secret));
  }

  @Test
  void theAttemptsTimeLeftIsTheDeadline() {
    GrpcExchange exchange = exchange(ClientOptions.defaults());
    assertInstanceOf(DeadlineExceededException.class,
        failure(status(exchange, "slow").send(attempt(Map.of(), Duration.ofMillis(200)))));
    assertThrows(DeadlineExceededException.class,
        () -> status(exchange, "slow").sendBlocking(attempt(Map.of(), Duration.ofMillis(200))));
  }

  @Test
  void anAnswerTheDecoderRejectsIsAServerErrorNamingTheProtocolOnBothPaths() {
    MalformedAnswerException bad = new MalformedAnswerException("raw contents do not fit");
    PreparedCall<Object> call = exchange(ClientOptions.defaults()).prepare(ModelServiceGrpc.getGetModelStatusMethod(),
        GetModelStatusRequest.getDefaultInstance(), r -> {
          throw bad;
        });
    ServerException async = assertInstanceOf(ServerException.class, failure(call.send(attempt(Map.of(), Duration.ofSeconds(10)))));
    assertTrue(async.getMessage().startsWith("the server's answer is not a test protocol response: raw contents do not fit"),
        async.getMessage());
    assertSame(bad, async.getCause());
    ServerException blocking = assertThrows(ServerException.class, () -> call.sendBlocking(attempt(Map.of(), Duration.ofSeconds(10))));
    assertEquals(async.getMessage(), blocking.getMessage());
  }

  @Test
  void theProtocolReadsFailuresAndAFailureCanBeTheAnswerOnBothPaths() throws Exception {
    Channel withHeaders = ClientInterceptors.intercept(channel, new HeadersInterceptor(ClientOptions.defaults()));
    // As TF Serving's unknown version label: a status that means "not found" in this protocol.
    GrpcExchange exchange = new GrpcExchange(withHeaders, "test", PROTOCOL, e -> e.code() != ErrorCode.PERMISSION_DENIED ? e
        : Errors.create(ErrorCode.NOT_FOUND, "read as not found", e.provider(), e));
    GetModelStatusRequest denied = GetModelStatusRequest.newBuilder().setModelSpec(ModelSpec.newBuilder().setName("echo")).build();
    PreparedCall<String> plain = exchange.prepare(ModelServiceGrpc.getGetModelStatusMethod(), denied, r -> "ok");
    assertInstanceOf(ModelNotFoundException.class, failure(plain.send(attempt(Map.of(), Duration.ofSeconds(10)))));
    assertThrows(ModelNotFoundException.class, () -> plain.sendBlocking(attempt(Map.of(), Duration.ofSeconds(10))));

    PreparedCall<String> answered = exchange.prepare(ModelServiceGrpc.getGetModelStatusMethod(), denied, r -> "ok",
        ModelNotFoundException.class, "absent");
    assertEquals("absent", answered.send(attempt(Map.of(), Duration.ofSeconds(10))).get(10, TimeUnit.SECONDS));
    assertEquals("absent", answered.sendBlocking(attempt(Map.of(), Duration.ofSeconds(10))));
  }

  @Test
  void cancellingAnAttemptCancelsTheRpc() throws Exception {
    CompletableFuture<String> f = status(exchange(ClientOptions.defaults()), "slow").send(attempt(Map.of(), Duration.ofSeconds(30)));
    seen.take();
    assertTrue(f.cancel(true));
    assertTrue(serverSawCancel.await(5, TimeUnit.SECONDS), "the server saw the RPC cancelled");
    assertFalse(f.isCompletedExceptionally() && !f.isCancelled());
  }

  @Test
  void theRequestSizeIsTheMessages() {
    GetModelStatusRequest request = GetModelStatusRequest.newBuilder().setModelSpec(ModelSpec.newBuilder().setName("m")).build();
    assertEquals(request.getSerializedSize(), exchange(ClientOptions.defaults())
        .prepare(ModelServiceGrpc.getGetModelStatusMethod(), request, r -> r).requestBytes());
  }
}
