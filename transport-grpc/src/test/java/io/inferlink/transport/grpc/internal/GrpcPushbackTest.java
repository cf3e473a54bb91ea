package io.inferlink.transport.grpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.inferlink.ClientOptions;
import io.inferlink.InferenceException;
import io.inferlink.UnavailableException;
import io.inferlink.interceptor.InferenceCall;
import io.inferlink.interceptor.RetryPolicy;
import io.inferlink.protos.internal.tensorflow.serving.GetModelStatusRequest;
import io.inferlink.protos.internal.tensorflow.serving.GetModelStatusResponse;
import io.inferlink.protos.internal.tensorflow.serving.ModelServiceGrpc;
import io.inferlink.protos.internal.tensorflow.serving.ModelSpec;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.support.CallPipeline;
import io.inferlink.spi.support.PreparedCall;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * gRPC's {@code grpc-retry-pushback-ms} trailer over a real loopback connection: a wait becomes the exception's
 * {@code retryAfter()} and the retries wait that long; a negative or unreadable value makes the failure final.
 * The model name is the trailer's value; the model {@code "once:<ms>"} fails its first call only.
 */
class GrpcPushbackTest {
  private static final Metadata.Key<String> PUSHBACK =
      Metadata.Key.of("grpc-retry-pushback-ms", Metadata.ASCII_STRING_MARSHALLER);

  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    ModelServiceGrpc.ModelServiceImplBase service = new ModelServiceGrpc.ModelServiceImplBase() {
      @Override
      public void getModelStatus(GetModelStatusRequest request, StreamObserver<GetModelStatusResponse> out) {
        String model = request.getModelSpec().getName();
        int n = calls.computeIfAbsent(model, m -> new AtomicInteger()).incrementAndGet();
        boolean once = model.startsWith("once:");
        if (once && n > 1) {
          out.onNext(GetModelStatusResponse.getDefaultInstance());
          out.onCompleted();
          return;
        }
        Metadata trailers = new Metadata();
        trailers.put(PUSHBACK, once ? model.substring("once:".length()) : model);
        out.onError(Status.UNAVAILABLE.withDescription("overloaded").asRuntimeException(trailers));
      }
    };
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(service).build().start();
    channel = GrpcChannels.create(Endpoint.parse("tfserving+grpc://127.0.0.1:" + server.getPort()), server.getPort(),
        ClientOptions.defaults());
  }

  @AfterEach
  void stop() throws Exception {
    GrpcChannels.shutdown(channel);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private static GetModelStatusRequest status(String model) {
    return GetModelStatusRequest.newBuilder().setModelSpec(ModelSpec.newBuilder().setName(model)).build();
  }

  private InferenceException failure(String model) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> GrpcCalls.unary(channel,
        ModelServiceGrpc.getGetModelStatusMethod(), status(model), Duration.ofSeconds(10), "test").get(20, TimeUnit.SECONDS));
    return (InferenceException) e.getCause();
  }

  @Test
  void aPushbackIsTheExceptionsRetryAfter() {
    InferenceException e = assertInstanceOf(UnavailableException.class, failure("250"));
    assertEquals(Optional.of(Duration.ofMillis(250)), e.retryAfter());
    assertTrue(e.isRetryable());
    InferenceException blocking = assertThrows(InferenceException.class, () -> GrpcCalls.blockingUnary(channel,
        ModelServiceGrpc.getGetModelStatusMethod(), status("40"), Duration.ofSeconds(10), "test", Map.of()));
    assertEquals(Optional.of(Duration.ofMillis(40)), blocking.retryAfter(), "the blocking form reads it too");
  }

  @Test
  void aNegativeOrUnreadablePushbackMakesTheFailureFinal() {
    for (String value : new String[] {"-1", "soon"}) {
      InferenceException e = failure(value);
      assertFalse(e.isRetryable(), value);
      assertEquals(Optional.empty(), e.retryAfter(), value);
      assertEquals(io.inferlink.ErrorCode.UNAVAILABLE, e.code(), "the status stays the server's");
    }
  }

  private <T> PreparedCall<T> prepared(String model, java.util.function.Function<GetModelStatusResponse, T> decode) {
    return new GrpcExchange(channel, "test", "a test response").prepare(ModelServiceGrpc.getGetModelStatusMethod(),
        status(model), decode);
  }

  private static InferenceCall call() {
    return InferenceCall.builder(InferenceCall.Operation.MODEL_READY).provider("test").timeout(Duration.ofSeconds(20))
        .build();
  }

  @Test
  void theRetriesWaitAtLeastThePushbackThenTheNextAttemptSucceeds() throws Exception {
    CallPipeline pipeline = CallPipeline.of(ClientOptions.builder()
        .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), 1.0)).build());
    long start = System.nanoTime();
    assertEquals("ok", pipeline.execute(call(), prepared("once:400", r -> "ok")).get(20, TimeUnit.SECONDS));
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(2, calls.get("once:400").get());
    assertTrue(tookMillis >= 400, "the retry went out after " + tookMillis + " ms, before the 400 ms asked");
  }

  @Test
  void aRefusalIsNotRetriedWhateverThePolicy() {
    CallPipeline pipeline = CallPipeline.of(ClientOptions.builder().retryPolicy(RetryPolicy.exponential(5)).build());
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> pipeline.execute(call(), prepared("-1", r -> "ok")).get(20, TimeUnit.SECONDS));
    assertFalse(((InferenceException) e.getCause()).isRetryable());
    assertEquals(1, calls.get("-1").get());
  }
}
