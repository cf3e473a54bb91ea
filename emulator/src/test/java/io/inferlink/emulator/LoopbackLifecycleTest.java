package io.inferlink.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one lifecycle ({@link AbstractLoopbackServer}) holds alike for the HTTP and the gRPC server. */
class LoopbackLifecycleTest {

  static Stream<Function<String, LoopbackServerBuilder<?>>> kinds() {
    return Stream.of(HttpLoopbackServer::builder, name -> GrpcLoopbackServer.builder(name).recorder(new CallRecorder()));
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void startsOnceClosesOnceAndLeavesNoThreadOnceClosed(Function<String, LoopbackServerBuilder<?>> kind)
      throws InterruptedException {
    LoopbackServer server = kind.apply("lifecycle-once").build();
    assertThrows(IllegalStateException.class, server::port, "no port before start");
    assertFalse(server.isRunning());
    assertSame(server, server.start());
    int port = server.port();
    assertSame(server, server.start(), "starting a running server does nothing");
    assertEquals(port, server.port());
    assertTrue(server.isRunning());
    server.close();
    server.close();
    assertFalse(server.isRunning());
    assertTrue(HttpLoopbackServerTest.awaitNoThreads("inferlink-emulator-lifecycle-once"),
        "threads left: " + HttpLoopbackServerTest.threads("inferlink-emulator-lifecycle-once"));
    assertThrows(IllegalStateException.class, server::start, "a closed server stays closed");
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aServerClosedBeforeItStartedNeverStarts(Function<String, LoopbackServerBuilder<?>> kind) {
    LoopbackServer server = kind.apply("lifecycle-unstarted").build();
    server.close();
    assertThrows(IllegalStateException.class, server::start);
    assertThrows(IllegalStateException.class, server::port);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aTakenPortFailsNamingTheAddressAndLeavesNothingRunning(Function<String, LoopbackServerBuilder<?>> kind)
      throws IOException, InterruptedException {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName(LoopbackServer.HOST), 0));
      LoopbackServer server = kind.apply("lifecycle-taken").build();
      UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> server.start(taken.getLocalPort()));
      assertTrue(e.getMessage().contains("127.0.0.1:" + taken.getLocalPort()), e.getMessage());
      assertFalse(server.isRunning());
      assertTrue(HttpLoopbackServerTest.awaitNoThreads("inferlink-emulator-lifecycle-taken"),
          "threads left: " + HttpLoopbackServerTest.threads("inferlink-emulator-lifecycle-taken"));
      server.close();
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void refusesPortsOutsideTheRange(Function<String, LoopbackServerBuilder<?>> kind) {
    LoopbackServer server = kind.apply("lifecycle-range").build();
    assertThrows(IllegalArgumentException.class, () -> server.start(65536));
    assertThrows(IllegalArgumentException.class, () -> server.start(-1));
    server.close();
  }
}
