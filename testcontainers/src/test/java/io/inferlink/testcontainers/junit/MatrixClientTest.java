package io.inferlink.testcontainers.junit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.Tensor;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.tfserving.TfServingRestFrontend;
import io.inferlink.testkit.KitModels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The {@code InferenceClient} parameter: real calls to the emulator in every run (a server entry with
 * two endpoints and a plain endpoint string), one client per run shared with its lifecycle methods, and
 * every client closed after its run, whether the run passed or failed.
 */
class MatrixClientTest {
  static final EmulatorServer SERVER = new EmulatorServer();
  static final List<InferenceClient> CLIENTS = Collections.synchronizedList(new ArrayList<>());
  static final List<String> LOG = Collections.synchronizedList(new ArrayList<>());
  /** Read by the fixtures' static matrices when they first load, which is after start() below. */
  static String tfServingEndpoint;
  private static Emulator tfServing;

  @BeforeAll
  static void start() {
    tfServing = Emulator.builder().maxLifetime(Duration.ofMinutes(5)).frontend(new TfServingRestFrontend()).build()
        .start();
    tfServingEndpoint = tfServing.endpoint("tfserving+http");
  }

  @AfterAll
  static void stop() {
    tfServing.close();
  }

  @BeforeEach
  void reset() {
    CLIENTS.clear();
    LOG.clear();
  }

  @Test
  void eachRunCallsItsEndpointThroughItsOwnClientWhichIsClosedAfterIt() {
    EngineExecutionResults results = Fixtures.run(RealCalls.class);

    results.testEvents().assertStatistics(s -> s.started(3).succeeded(3).failed(0));
    assertEquals(List.of("emulator kserve-v2+grpc", "after emulator", "emulator kserve-v2+http", "after emulator",
        "tfs tfserving+http", "after tfs"), LOG);
    assertEquals(3, new HashSet<>(CLIENTS).size(), "one client per run, shared by @BeforeEach, test and @AfterEach");
    for (InferenceClient client : CLIENTS) {
      IllegalStateException closed = assertThrows(IllegalStateException.class, client::serverLive);
      assertTrue(closed.getMessage().endsWith("client is closed"), closed.getMessage());
    }
    assertFalse(SERVER.isRunning(), "the emulator server stops after the class");
  }

  @Test
  void aFailedRunStillClosesItsClient() {
    EngineExecutionResults results = Fixtures.run(FailingRun.class);

    results.testEvents().assertStatistics(s -> s.started(1).failed(1));
    assertEquals("[tfs] " + tfServingEndpoint + " -> org.opentest4j.AssertionFailedError: deliberately",
        Fixtures.failures(results.testEvents()).get(0));
    assertEquals(1, CLIENTS.size());
    assertThrows(IllegalStateException.class, CLIENTS.get(0)::serverLive);
  }

  @Test
  void aClientThatCannotBeMadeFailsItsRunWithTheReason() {
    EngineExecutionResults results = Fixtures.run(NoProvider.class);

    results.testEvents().assertStatistics(s -> s.started(1).failed(1));
    Throwable thrown = Fixtures.thrown(results.testEvents().failed().list().get(0));
    assertInstanceOf(ParameterResolutionException.class, thrown);
    assertInstanceOf(ProviderConfigurationException.class, thrown.getCause());
    assertTrue(thrown.getCause().getMessage().contains("nosuch+http"), thrown.getCause().getMessage());
  }

  static float[] addOne(InferenceClient client, float... x) {
    return client.infer(InferenceRequest.builder(KitModels.ADD_ONE)
        .input(Tensor.ofFloats(KitModels.ADD_ONE_INPUT, x, 1, x.length)).build())
        .output(KitModels.ADD_ONE_OUTPUT).toFloatArray();
  }

  static class RealCalls {
    @RegisterExtension
    static InferenceMatrix matrix = InferenceMatrix.builder()
        .server("emulator", SERVER, EmulatorServer::grpcEndpoint, EmulatorServer::restEndpoint)
        .endpoint("tfs", tfServingEndpoint)
        .build();

    @BeforeEach
    void remember(InferenceClient client) {
      CLIENTS.add(client);
    }

    @MatrixTest
    void addsOne(InferenceClient client, MatrixEndpoint endpoint) {
      assertSame(CLIENTS.get(CLIENTS.size() - 1), client);
      assertArrayEquals(new float[] {2.5f, -1f}, addOne(client, 1.5f, -2f));
      LOG.add(endpoint.name() + " " + endpoint.scheme());
    }

    @AfterEach
    void stillOpen(InferenceClient client, MatrixEndpoint endpoint) {
      assertSame(CLIENTS.get(CLIENTS.size() - 1), client);
      assertArrayEquals(new float[] {1f}, addOne(client, 0f), "the client is closed only after @AfterEach");
      LOG.add("after " + endpoint.name());
    }
  }

  static class FailingRun {
    @RegisterExtension
    static InferenceMatrix matrix = InferenceMatrix.builder().endpoint("tfs", tfServingEndpoint).build();

    @MatrixTest
    void fails(InferenceClient client) {
      CLIENTS.add(client);
      addOne(client, 1f);
      fail("deliberately");
    }
  }

  static class NoProvider {
    @RegisterExtension
    static InferenceMatrix matrix = InferenceMatrix.builder().endpoint("nobody", "nosuch+http://127.0.0.1:1").build();

    @MatrixTest
    void needsAClient(InferenceClient client) {
      CLIENTS.add(client);
    }
  }
}
