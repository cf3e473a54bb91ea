package io.inferlink.emulator.tfserving;

import static io.inferlink.emulator.tfserving.TfsGrpcClient.floatVal;
import static io.inferlink.emulator.tfserving.TfsGrpcClient.int64Val;
import static io.inferlink.emulator.tfserving.TfsGrpcClient.predict;
import static io.inferlink.emulator.tfserving.TfsGrpcClient.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.inferlink.ServerMetadata;
import io.inferlink.emulator.CallRecorder;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.FrontendContext;
import io.inferlink.emulator.GrpcLoopbackServer;
import io.inferlink.emulator.KitContract;
import io.inferlink.emulator.LoopbackServer;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.NewThreads;
import io.inferlink.protos.internal.tensorflow.TensorProto;
import io.inferlink.protos.internal.tensorflow.serving.PredictResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The server itself: loopback only, endpoints, message size, lifetime and threads. */
class TfsGrpcServerTest {
  private static final String THREAD_PREFIX = "inferlink-emulator-" + TfServingGrpcFrontend.PROTOCOL;

  @Test
  void bindsOnlyTheLoopbackAddressOnAnEphemeralPort() throws Exception {
    try (GrpcLoopbackServer a = create(new TfServingGrpcFrontend(), Duration.ofMinutes(1)).start();
        GrpcLoopbackServer b = create(new TfServingGrpcFrontend(), Duration.ofMinutes(1)).start()) {
      assertEquals(List.of(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), a.port())), a.addresses());
      assertTrue(a.port() > 0 && a.port() != b.port());
      for (InetAddress other : nonLoopbackAddresses()) {
        assertThrows(IOException.class, () -> new Socket(other, a.port()).close(), "reachable on " + other);
      }
    }
  }

  @Test
  void theEmulatorGivesItsEndpoint() {
    try (Emulator emulator = Emulator.builder().frontend(new TfServingGrpcFrontend()).build().start()) {
      int port = emulator.port(TfServingGrpcFrontend.PROTOCOL);
      assertEquals("tfserving+grpc://127.0.0.1:" + port, emulator.endpoint("tfserving+grpc"));
      assertThrows(IllegalArgumentException.class, () -> emulator.endpoint("tfserving+grpcs"));
    }
  }

  @Test
  void messagesLargerThanGrpcDefaultOf4MibGoThroughBothWays() throws Exception {
    float[] big = new float[3 * 1024 * 1024]; // 12 MiB in, about as much out
    big[big.length - 1] = 41f;
    try (Emulator emulator = Emulator.builder().frontend(new TfServingGrpcFrontend()).build().start();
        TfsGrpcClient client = new TfsGrpcClient(emulator.port(TfServingGrpcFrontend.PROTOCOL))) {
      PredictResponse r = client.predict.predict(predict(spec("add_one"), "x", TfsGrpcClient.floatContent(big, 1, big.length)));
      TensorProto y = r.getOutputsOrThrow("y");
      assertEquals(big.length, y.getFloatValCount());
      assertEquals(42f, y.getFloatVal(big.length - 1));
    }
  }

  @Test
  void theInboundCapCanBeLowered() throws Exception {
    TfServingGrpcFrontend small = TfServingGrpcFrontend.builder().maxRequestBytes(1024).build();
    try (Emulator emulator = Emulator.builder().frontend(small).build().start();
        TfsGrpcClient client = new TfsGrpcClient(emulator.port(TfServingGrpcFrontend.PROTOCOL))) {
      assertEquals(List.of(2f), client.predict.predict(predict(spec("add_one"), "x", floatVal(new float[] {1f}, 1)))
          .getOutputsOrThrow("y").getFloatValList());
      var e = assertThrows(io.grpc.StatusRuntimeException.class,
          () -> client.predict.predict(predict(spec("add_one"), "x", floatVal(new float[1000], 1, 1000))));
      assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode());
    }
    assertThrows(IllegalArgumentException.class, () -> TfServingGrpcFrontend.builder().maxRequestBytes(0));
  }

  @Test
  void everyThreadIsADaemonAndNoneOutlivesClose() throws Exception {
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    Emulator emulator = Emulator.builder().frontend(new TfServingGrpcFrontend()).build().start();
    try (TfsGrpcClient client = new TfsGrpcClient(emulator.port(TfServingGrpcFrontend.PROTOCOL))) {
      client.predict.predict(predict(spec("add_one"), "x", floatVal(new float[] {1f}, 1)));
      Set<String> nonDaemon = newThreads(before).stream().filter(t -> !t.isDaemon() && t.getName().startsWith(THREAD_PREFIX))
          .map(Thread::getName).collect(Collectors.toSet());
      assertEquals(Set.of(), nonDaemon, "a forgotten server would hold the JVM open");
      assertFalse(names(newThreads(before), THREAD_PREFIX).isEmpty(), "the server's threads carry its name");
    }
    emulator.close();
    // The client's shared grpc-java pools linger a second after its channel ends; nothing may stay longer.
    assertEquals(Set.of(), NewThreads.awaitNoneSince(before, Duration.ofSeconds(10)), "threads left after close()");
  }

  @Test
  void closeCancelsARunningCall() throws Exception {
    Emulator emulator = Emulator.builder().frontend(new TfServingGrpcFrontend()).build().start();
    try (TfsGrpcClient client = new TfsGrpcClient(emulator.port(TfServingGrpcFrontend.PROTOCOL))) {
      var pending = io.inferlink.protos.internal.tensorflow.serving.PredictionServiceGrpc.newFutureStub(client.channel)
          .withInterceptors(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(callId("grpc-close-1")))
          .predict(predict(spec(KitContract.SLEEP), KitContract.SLEEP_TENSOR, int64Val(30_000, 1)));
      assertTrue(emulator.recorder().awaitModelCall("grpc-close-1", Duration.ofSeconds(5)));
      emulator.close();
      emulator.close();
      assertTrue(emulator.recorder().awaitCancelled("grpc-close-1", Duration.ofSeconds(5)));
      assertThrows(java.util.concurrent.ExecutionException.class, () -> pending.get(5, java.util.concurrent.TimeUnit.SECONDS));
    }
  }

  @Test
  void stopsItselfAfterItsMaximumLifetime() throws Exception {
    LoopbackServer server = create(new TfServingGrpcFrontend(), Duration.ofMillis(300)).start();
    int port = server.port();
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (server.isRunning() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertFalse(server.isRunning(), "the server outlived its lifetime");
    try (TfsGrpcClient client = new TfsGrpcClient(port)) {
      var e = assertThrows(io.grpc.StatusRuntimeException.class, () -> client.models.getModelStatus(
          io.inferlink.protos.internal.tensorflow.serving.GetModelStatusRequest.newBuilder().setModelSpec(spec("add_one")).build()));
      assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
    }
    deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!names(Thread.getAllStackTraces().keySet(), THREAD_PREFIX).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(Set.of(), names(Thread.getAllStackTraces().keySet(), THREAD_PREFIX));
  }

  private static io.grpc.Metadata callId(String id) {
    io.grpc.Metadata m = new io.grpc.Metadata();
    m.put(io.grpc.Metadata.Key.of(KitContract.CALL_ID_HEADER, io.grpc.Metadata.ASCII_STRING_MARSHALLER), id);
    return m;
  }

  private static GrpcLoopbackServer create(TfServingGrpcFrontend frontend, Duration lifetime) {
    FrontendContext context = new FrontendContext(ModelScript.builtins(), new CallRecorder(),
        new ServerMetadata("test", "1", List.of()), lifetime);
    return (GrpcLoopbackServer) frontend.create(context);
  }

  private static Set<Thread> newThreads(Set<Thread> before) {
    return NewThreads.since(before);
  }

  private static Set<String> names(Set<Thread> threads, String prefix) {
    return threads.stream().filter(Thread::isAlive).map(Thread::getName).filter(n -> n.startsWith(prefix))
        .collect(Collectors.toSet());
  }

  private static List<InetAddress> nonLoopbackAddresses() throws IOException {
    return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
        .collect(Collectors.toList());
  }
}
