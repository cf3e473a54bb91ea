package io.inferlink.transport.grpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.inferlink.ClientOptions;
import io.inferlink.DeadlineExceededException;
import io.inferlink.InferenceException;
import io.inferlink.InferenceException.Delivery;
import io.inferlink.ModelNotFoundException;
import io.inferlink.UnavailableException;
import io.inferlink.protos.internal.tensorflow.serving.GetModelStatusRequest;
import io.inferlink.protos.internal.tensorflow.serving.GetModelStatusResponse;
import io.inferlink.protos.internal.tensorflow.serving.ModelServiceGrpc;
import io.inferlink.protos.internal.tensorflow.serving.ModelSpec;
import io.inferlink.spi.Endpoint;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Over a real Netty connection (through {@link Http2FrameProxy}): failures say whether the request
 * reached a connection before the call failed, and keep-alive pings go out only when asked for.
 */
class GrpcDeliveryTest {
  private final CountDownLatch serverGotRequest = new CountDownLatch(1);
  private Server server;
  private Http2FrameProxy proxy;

  @BeforeEach
  void start() throws Exception {
    ModelServiceGrpc.ModelServiceImplBase service = new ModelServiceGrpc.ModelServiceImplBase() {
      @Override
      public void getModelStatus(GetModelStatusRequest request, StreamObserver<GetModelStatusResponse> out) {
        serverGotRequest.countDown();
        switch (request.getModelSpec().getName()) {
          case "missing":
            out.onError(Status.NOT_FOUND.withDescription("no model missing").asRuntimeException());
            return;
          case "never":
            return; // runs on and on
          default:
            out.onNext(GetModelStatusResponse.getDefaultInstance());
            out.onCompleted();
        }
      }
    };
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(service)
        .permitKeepAliveTime(1, TimeUnit.SECONDS).permitKeepAliveWithoutCalls(true).build().start();
    proxy = new Http2FrameProxy(server.getPort());
  }

  @AfterEach
  void stop() throws Exception {
    proxy.close();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private static ManagedChannel channel(int port, ClientOptions options) {
    return GrpcChannels.create(Endpoint.parse("tfserving+grpc://127.0.0.1:" + port), port, options);
  }

  private static GetModelStatusRequest status(String model) {
    return GetModelStatusRequest.newBuilder().setModelSpec(ModelSpec.newBuilder().setName(model)).build();
  }

  private static InferenceException failure(ManagedChannel channel, String model, Duration timeout) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> GrpcCalls.unary(channel,
        ModelServiceGrpc.getGetModelStatusMethod(), status(model), timeout, "test").get(20, TimeUnit.SECONDS));
    return (InferenceException) e.getCause();
  }

  @Test
  void aRefusedConnectionNeverCarriedTheRequest() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = s.getLocalPort();
    }
    ManagedChannel channel = channel(closedPort, ClientOptions.defaults());
    try {
      InferenceException async = failure(channel, "m", Duration.ofSeconds(5));
      assertInstanceOf(UnavailableException.class, async);
      assertEquals(Delivery.NOT_SENT, async.delivery(), async.toString());
      InferenceException blocking = assertThrows(UnavailableException.class, () -> GrpcCalls.blockingUnary(channel,
          ModelServiceGrpc.getGetModelStatusMethod(), status("m"), Duration.ofSeconds(5), "test", Map.of()));
      assertEquals(Delivery.NOT_SENT, blocking.delivery(), blocking.toString());
    } finally {
      GrpcChannels.shutdown(channel);
    }
  }

  @Test
  void aConnectionResetAfterTheServerGotTheRequestLeavesTheOutcomeUnknown() throws Exception {
    proxy.resetAfterRequest = true;
    ManagedChannel channel = channel(proxy.port(), ClientOptions.defaults());
    try {
      InferenceException e = failure(channel, "never", Duration.ofSeconds(10));
      assertInstanceOf(UnavailableException.class, e);
      assertEquals(Delivery.OUTCOME_UNKNOWN, e.delivery(), e.toString());
      assertTrue(serverGotRequest.await(5, TimeUnit.SECONDS), "the server had the request");
      assertEquals(1, proxy.requestsSent.get());
    } finally {
      GrpcChannels.shutdown(channel);
    }
  }

  @Test
  void aDeadlineWhileConnectingMeansNotSentButAfterSendingLeavesTheOutcomeUnknown() throws Exception {
    ManagedChannel channel = channel(proxy.port(), ClientOptions.defaults());
    try {
      proxy.acceptDelay = Duration.ofMillis(800);
      InferenceException connecting = failure(channel, "never", Duration.ofMillis(300));
      assertInstanceOf(DeadlineExceededException.class, connecting);
      assertEquals(Delivery.NOT_SENT, connecting.delivery(), connecting.toString());
      proxy.acceptDelay = Duration.ZERO;
      GrpcCalls.unary(channel, ModelServiceGrpc.getGetModelStatusMethod(), status("m"), Duration.ofSeconds(5), "test")
          .get(10, TimeUnit.SECONDS); // connected now
      InferenceException e = failure(channel, "never", Duration.ofMillis(500));
      assertInstanceOf(DeadlineExceededException.class, e);
      assertEquals(Delivery.OUTCOME_UNKNOWN, e.delivery(), e.toString());
    } finally {
      GrpcChannels.shutdown(channel);
    }
  }

  /**
   * A server that shuts down with calls in flight may reset their streams (HTTP/2 RST_STREAM CANCEL, as
   * grpc-java's {@code shutdownNow} does), which grpc-java reports as CANCELLED; the caller cancelled nothing,
   * so it is the server going away mid-call: retryable, the outcome unknown, the wire status kept.
   */
  @Test
  void aStreamTheServerResetsIsUnavailableWithTheOutcomeUnknown() throws Exception {
    proxy.cancelStreamAfterRequest = true;
    ManagedChannel channel = channel(proxy.port(), ClientOptions.defaults());
    try {
      InferenceException e = failure(channel, "never", Duration.ofSeconds(10));
      assertInstanceOf(UnavailableException.class, e);
      assertTrue(e.isRetryable(), e.toString());
      assertEquals(Delivery.OUTCOME_UNKNOWN, e.delivery(), e.toString());
      assertEquals(Status.Code.CANCELLED.value(), e.grpcStatus(), "the wire status is kept");
      assertTrue(e.getMessage().contains("reset"), e.getMessage());
    } finally {
      GrpcChannels.shutdown(channel);
    }
  }

  @Test
  void theServersOwnStatusIsAnAnswer() {
    ManagedChannel channel = channel(proxy.port(), ClientOptions.defaults());
    try {
      InferenceException e = failure(channel, "missing", Duration.ofSeconds(5));
      assertInstanceOf(ModelNotFoundException.class, e);
      assertEquals(Delivery.ANSWERED, e.delivery(), e.toString());
    } finally {
      GrpcChannels.shutdown(channel);
    }
  }

  /** Takes about ten seconds: gRPC pings at most every 10 s. */
  @Test
  void keepAlivePingsGoOutOnlyWhenKeepAliveTimeIsSet() throws Exception {
    try (Http2FrameProxy plain = new Http2FrameProxy(server.getPort())) {
      ManagedChannel pinging = channel(proxy.port(), ClientOptions.builder().keepAliveTime(Duration.ofSeconds(10))
          .keepAliveTimeout(Duration.ofSeconds(5)).keepAliveWithoutCalls(true).build());
      ManagedChannel quiet = channel(plain.port(), ClientOptions.defaults());
      try {
        for (ManagedChannel c : new ManagedChannel[] {pinging, quiet}) {
          GrpcCalls.unary(c, ModelServiceGrpc.getGetModelStatusMethod(), status("m"), Duration.ofSeconds(5), "test")
              .get(10, TimeUnit.SECONDS);
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(25);
        while (proxy.keepAlivePings.get() == 0 && System.nanoTime() < end) {
          Thread.sleep(100);
        }
        assertTrue(proxy.keepAlivePings.get() >= 1, "no keep-alive ping within 25 s of an idle connection");
        assertEquals(0, plain.keepAlivePings.get(), "pings without keepAliveTime");
        assertEquals(io.grpc.ConnectivityState.READY, pinging.getState(false), "the server accepted the pings");
      } finally {
        GrpcChannels.shutdown(pinging);
        GrpcChannels.shutdown(quiet);
      }
    }
  }
}
