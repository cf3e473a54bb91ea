package io.inferlink.transport.grpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.inferlink.InferenceException;
import io.inferlink.InvalidRequestException;
import io.inferlink.ModelNotFoundException;
import io.inferlink.UnavailableException;
import io.inferlink.interceptor.InferenceCall;
import io.inferlink.protos.internal.tensorflow.serving.GetModelStatusRequest;
import io.inferlink.protos.internal.tensorflow.serving.GetModelStatusResponse;
import io.inferlink.protos.internal.tensorflow.serving.ModelServiceGrpc;
import io.inferlink.protos.internal.tensorflow.serving.ModelSpec;
import io.inferlink.spi.support.Attempt;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Unary calls through the shared plumbing against an in-process server: statuses become core's
 * exceptions with the server's description, deadlines end calls, cancelling the future cancels the
 * RPC on the server, and the options' headers arrive as metadata. The model name picks the behaviour.
 */
class GrpcCallsTest {
  private final Map<String, String> seenHeaders = new ConcurrentHashMap<>();
  private final CountDownLatch serverSawCancel = new CountDownLatch(1);
  private Server server;
  private String name;

  @BeforeEach
  void start() throws Exception {
    name = InProcessServerBuilder.generateName();
    ModelServiceGrpc.ModelServiceImplBase service = new ModelServiceGrpc.ModelServiceImplBase() {
      @Override
      public void getModelStatus(GetModelStatusRequest request, StreamObserver<GetModelStatusResponse> out) {
        switch (request.getModelSpec().getName()) {
          case "missing":
            out.onError(Status.NOT_FOUND.withDescription("Could not find any versions of model missing").asRuntimeException());
            return;
          case "bad":
            out.onError(Status.INVALID_ARGUMENT.withDescription("input size does not match signature").asRuntimeException());
            return;
          case "down":
            out.onError(Status.UNAVAILABLE.withDescription("loading").asRuntimeException());
            return;
          case "slow":
            io.grpc.Context.current().addListener(c -> serverSawCancel.countDown(), Runnable::run);
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
        for (String key : headers.keys()) {
          if (!key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
            seenHeaders.put(key, headers.get(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER)));
          }
        }
        return next.startCall(call, headers);
      }
    };
    server = InProcessServerBuilder.forName(name).addService(ServerInterceptors.intercept(service, capture)).build().start();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private ManagedChannel channel() {
    return InProcessChannelBuilder.forName(name).build();
  }

  private CompletableFuture<GetModelStatusResponse> status(ManagedChannel channel, String model, Duration timeout,
      ClientOptions options) {
    io.grpc.Channel withHeaders = ClientInterceptors.intercept(channel, new HeadersInterceptor(options));
    return GrpcCalls.unary(withHeaders, ModelServiceGrpc.getGetModelStatusMethod(),
        GetModelStatusRequest.newBuilder().setModelSpec(ModelSpec.newBuilder().setName(model)).build(), timeout, "test");
  }

  private InferenceException failure(String model, Duration timeout) throws Exception {
    ManagedChannel channel = channel();
    try {
      ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
          () -> status(channel, model, timeout, ClientOptions.defaults()).get(10, TimeUnit.SECONDS));
      return (InferenceException) e.getCause();
    } finally {
      channel.shutdownNow();
    }
  }

  @Test
  void statusesBecomeTheTablesExceptionsWithTheServersDescription() throws Exception {
    InferenceException missing = failure("missing", Duration.ofSeconds(5));
    assertInstanceOf(ModelNotFoundException.class, missing);
    assertEquals("Could not find any versions of model missing", missing.serverMessage());
    assertEquals(Status.Code.NOT_FOUND.value(), missing.grpcStatus());
    assertEquals("test", missing.provider());
    assertInstanceOf(InvalidRequestException.class, failure("bad", Duration.ofSeconds(5)));
    InferenceException down = failure("down", Duration.ofSeconds(5));
    assertInstanceOf(UnavailableException.class, down);
    assertTrue(down.isRetryable());
  }

  @Test
  void aDeadlineEndsTheCall() throws Exception {
    long start = System.nanoTime();
    assertInstanceOf(DeadlineExceededException.class, failure("slow", Duration.ofMillis(200)));
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
  }

  @Test
  void cancellingTheFutureCancelsTheRpcOnTheServer() throws Exception {
    ManagedChannel channel = channel();
    try {
      CompletableFuture<GetModelStatusResponse> call = status(channel, "slow", Duration.ofSeconds(30), ClientOptions.defaults());
      Thread.sleep(100);
      assertTrue(call.cancel(true));
      assertTrue(serverSawCancel.await(5, TimeUnit.SECONDS), "the server never saw the cancellation");
    } finally {
      channel.shutdownNow();
    }
  }

  @Test
  void theBlockingFormReadsOnTheCallersThreadAndFailsAsTheFutureDoes() throws Exception {
    ManagedChannel channel = channel();
    try {
      Thread caller = Thread.currentThread();
      Thread[] reader = new Thread[1];
      String answer = new GrpcExchange(channel, "test", "a test response").prepare(
          ModelServiceGrpc.getGetModelStatusMethod(),
          GetModelStatusRequest.newBuilder().setModelSpec(ModelSpec.newBuilder().setName("ok")).build(), r -> {
            reader[0] = Thread.currentThread();
            return "read";
          }).sendBlocking(Attempt.of(InferenceCall.builder(InferenceCall.Operation.MODEL_READY).provider("test")
              .timeout(Duration.ofSeconds(5)).build()));
      assertEquals("read", answer);
      assertEquals(caller, reader[0]);
      InferenceException missing = org.junit.jupiter.api.Assertions.assertThrows(InferenceException.class,
          () -> blockingStatus(channel, "missing", Duration.ofSeconds(5)));
      assertInstanceOf(ModelNotFoundException.class, missing);
      assertEquals("Could not find any versions of model missing", missing.serverMessage());
      assertInstanceOf(DeadlineExceededException.class, org.junit.jupiter.api.Assertions.assertThrows(
          InferenceException.class, () -> blockingStatus(channel, "slow", Duration.ofMillis(200))));
    } finally {
      channel.shutdownNow();
    }
  }

  private GetModelStatusResponse blockingStatus(ManagedChannel channel, String model, Duration timeout) {
    return GrpcCalls.blockingUnary(channel, ModelServiceGrpc.getGetModelStatusMethod(),
        GetModelStatusRequest.newBuilder().setModelSpec(ModelSpec.newBuilder().setName(model)).build(),
        timeout, "test", Map.of());
  }

  @Test
  void headersAndCredentialsArriveAsMetadata() throws Exception {
    ManagedChannel channel = channel();
    int[] counter = {0};
    try {
      ClientOptions options = ClientOptions.builder().header("X-Team", "search").bearerToken("t0k")
          .headersSupplier(() -> Map.of("x-rotating", "v" + (++counter[0]))).build();
      status(channel, "ok", Duration.ofSeconds(5), options).get(5, TimeUnit.SECONDS);
      assertEquals("search", seenHeaders.get("x-team"));
      assertEquals("Bearer t0k", seenHeaders.get("authorization"));
      assertEquals("v1", seenHeaders.get("x-rotating"));
      status(channel, "ok", Duration.ofSeconds(5), options).get(5, TimeUnit.SECONDS);
      assertEquals("v2", seenHeaders.get("x-rotating"));
    } finally {
      channel.shutdownNow();
    }
  }
}
