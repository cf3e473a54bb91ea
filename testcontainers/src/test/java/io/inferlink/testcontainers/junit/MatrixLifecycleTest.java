package io.inferlink.testcontainers.junit;

import static io.inferlink.testcontainers.junit.FakeServer.EVENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** When the matrix starts and stops its servers, and what a failing server does to the runs, over fake servers. */
class MatrixLifecycleTest {
  static final FakeServer A = new FakeServer("a");
  static final FakeServer B = new FakeServer("b");

  @BeforeEach
  void reset() {
    FakeServer.resetLog();
    A.reset();
    B.reset();
  }

  @Test
  void startsEachServerOnceJustBeforeItsFirstRunAndStopsThemAfterTheClassLastFirst() {
    EngineExecutionResults results = Fixtures.run(TwoServers.class);

    results.testEvents().assertStatistics(s -> s.started(6).succeeded(6).failed(0).skipped(0));
    assertEquals(List.of("start a", "first a kserve-v2+grpc", "first a kserve-v2+http", "start b",
        "first b kserve-v2+grpc", "second a kserve-v2+grpc", "second a kserve-v2+http", "second b kserve-v2+grpc",
        "stop b", "stop a"), EVENTS);
    assertEquals(1, FakeServer.mostStartingAtOnce(), "without startInParallel, one start at a time");
    assertEquals(List.of("[a] " + A.grpcEndpoint(), "[a] " + A.httpEndpoint(), "[b] " + B.grpcEndpoint()),
        Fixtures.names(results.testEvents().succeeded()).subList(0, 3));
  }

  @Test
  void aClassRunTwiceStartsAndStopsItsServersTwice() {
    Fixtures.run(TwoServers.class);
    Fixtures.run(TwoServers.class);

    assertEquals(2, A.starts());
    assertEquals(2, A.stops());
  }

  @Test
  void aClassWithoutMatrixTestsStartsNothing() {
    EngineExecutionResults results = Fixtures.run(NoMatrixTests.class);

    results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    assertEquals(0, A.starts());
    assertEquals(0, A.stops());
  }

  @Test
  void theSelectionRunsOnlyTheNamedEntriesAndSaysWhyTheOthersAreSkipped() {
    EngineExecutionResults results = Fixtures.run(TwoServers.class, " b ");

    results.testEvents().assertStatistics(s -> s.started(2).succeeded(2).skipped(2));
    assertEquals(0, A.starts(), "a server left out is never started");
    assertEquals(1, B.starts());
    assertEquals(List.of("[a] (not started) -> 'a' is not selected by inferlink.matrix=b",
        "[a] (not started) -> 'a' is not selected by inferlink.matrix=b"), Fixtures.skips(results.testEvents()));
  }

  @Test
  void aServerThatFailsToStartFailsOnlyItsOwnRunsWithItsMessageAndIsStartedOnce() {
    A.failingToStart("no GPU in this machine");

    EngineExecutionResults results = Fixtures.run(TwoServers.class);

    results.testEvents().assertStatistics(s -> s.started(4).succeeded(2).failed(2));
    results.containerEvents().assertStatistics(s -> s.failed(0));
    assertEquals(1, A.starts(), "one start per class, not one per test method");
    assertEquals(1, A.stops(), "a failed start is still tidied up");
    results.testEvents().failed().stream().forEach(e -> {
      Throwable thrown = Fixtures.thrown(e);
      assertInstanceOf(MatrixServerException.class, thrown);
      assertEquals("server 'a' failed to start: java.lang.IllegalStateException: no GPU in this machine",
          thrown.getMessage());
      assertEquals("no GPU in this machine", thrown.getCause().getMessage());
      assertEquals("[a] (failed to start)", e.getTestDescriptor().getDisplayName());
    });
  }

  @Test
  void aServerThatFailsToStopFailsTheClassAndTheOthersStillStop() {
    B.failingToStop("container is stuck");

    EngineExecutionResults results = Fixtures.run(TwoServers.class);

    results.testEvents().assertStatistics(s -> s.succeeded(6).failed(0));
    assertEquals(List.of("MatrixLifecycleTest$TwoServers -> io.inferlink.testcontainers.junit.MatrixServerException: server 'b' failed to stop:"
        + " java.lang.IllegalStateException: container is stuck"), Fixtures.failures(results.containerEvents()));
    assertEquals(1, A.stops());
  }

  @Test
  void nestedClassesReuseTheEnclosingClassesServersWhichStopAfterThem() {
    EngineExecutionResults results = Fixtures.run(Outer.class);

    results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    assertEquals(List.of("start a", "outer a", "inner a", "stop a"), EVENTS);
  }

  @Test
  void startInParallelStartsTheSelectedServersTogether() {
    CountDownLatch bothStarting = new CountDownLatch(2);
    A.meetingAtStart(bothStarting);
    B.meetingAtStart(bothStarting);

    EngineExecutionResults results = Fixtures.run(StartedTogether.class);

    results.testEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0));
    assertEquals(2, FakeServer.mostStartingAtOnce());
    assertEquals(1, A.starts());
    assertEquals(1, B.starts());
    assertTrue(EVENTS.indexOf("stop a") > EVENTS.indexOf("test b"));
  }

  @TestMethodOrder(MethodOrderer.MethodName.class)
  static class TwoServers {
    @RegisterExtension
    static InferenceMatrix matrix = InferenceMatrix.builder()
        .server("a", A, FakeServer::grpcEndpoint, FakeServer::httpEndpoint)
        .server("b", B, FakeServer::grpcEndpoint)
        .build();

    @MatrixTest
    void first(MatrixEndpoint endpoint) {
      EVENTS.add("first " + endpoint.name() + " " + endpoint.scheme());
    }

    @MatrixTest
    void second(MatrixEndpoint endpoint) {
      EVENTS.add("second " + endpoint.name() + " " + endpoint.scheme());
    }
  }

  static class NoMatrixTests {
    @RegisterExtension
    static InferenceMatrix matrix = InferenceMatrix.builder().server("a", A, FakeServer::grpcEndpoint).build();

    @Test
    void plain() {
    }
  }

  static class Outer {
    @RegisterExtension
    static InferenceMatrix matrix = InferenceMatrix.builder().server("a", A, FakeServer::grpcEndpoint).build();

    @MatrixTest
    void outer(MatrixEndpoint endpoint) {
      EVENTS.add("outer " + endpoint.name());
    }

    @Nested
    class Inner {
      @MatrixTest
      void inner(MatrixEndpoint endpoint) {
        EVENTS.add("inner " + endpoint.name());
      }
    }
  }

  static class StartedTogether {
    @RegisterExtension
    static InferenceMatrix matrix = InferenceMatrix.builder()
        .server("a", A, FakeServer::grpcEndpoint)
        .server("b", B, FakeServer::grpcEndpoint)
        .startInParallel()
        .build();

    @MatrixTest
    void test(MatrixEndpoint endpoint) {
      EVENTS.add("test " + endpoint.name());
    }
  }
}
