package io.inferlink.testcontainers.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.PreconditionViolationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Plain endpoint strings, absent ones, broken ones, the endpoint parameters and the builder's checks. */
class MatrixEndpointsTest {
  static final List<String> SEEN = Collections.synchronizedList(new ArrayList<>());
  static final String UNSET_VARIABLE = "INFERLINK_MATRIX_TEST_VARIABLE_THAT_IS_NEVER_SET";

  @BeforeEach
  void reset() {
    SEEN.clear();
  }

  @Test
  void plainEndpointsRunWithTheirMaskedNameAndGiveTheirStringAndScheme() {
    EngineExecutionResults results = Fixtures.run(PlainEndpoints.class);

    results.testEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0).skipped(0));
    assertEquals(List.of("[rest] kserve-v2+http://127.0.0.1:8000", "[secured] kserve-v2+grpcs://***@10.0.0.5:8001"),
        Fixtures.names(results.testEvents().succeeded()));
    assertEquals(List.of(
        "rest|kserve-v2+http://127.0.0.1:8000|kserve-v2+http|kserve-v2+http://127.0.0.1:8000",
        "secured|kserve-v2+grpcs://user:hunter2@10.0.0.5:8001|kserve-v2+grpcs|kserve-v2+grpcs://user:hunter2@10.0.0.5:8001"),
        SEEN);
  }

  @Test
  void anAbsentEndpointIsSkippedWithOneLineSayingWhy() {
    EngineExecutionResults results = Fixtures.run(AbsentEndpoints.class);

    results.testEvents().assertStatistics(s -> s.started(1).succeeded(1).skipped(3));
    assertEquals(List.of("[staging] (no endpoint) -> no endpoint given for 'staging'",
        "[blank] (no endpoint) -> no endpoint given for 'blank'",
        "[prod] (no endpoint) -> environment variable " + UNSET_VARIABLE + " is not set"),
        Fixtures.skips(results.testEvents()));
    assertEquals(List.of("here"), SEEN);
  }

  @Test
  void aMalformedEndpointFailsItsRunWithoutShowingTheString() {
    EngineExecutionResults results = Fixtures.run(MalformedEndpoint.class);

    results.testEvents().assertStatistics(s -> s.started(1).failed(1));
    String failure = Fixtures.failures(results.testEvents()).get(0);
    assertTrue(failure.startsWith("[broken] (malformed endpoint) -> java.lang.IllegalArgumentException: "), failure);
    assertTrue(failure.contains("99999"), failure);
    assertFalse(failure.contains("hunter2"), failure);
  }

  @Test
  void anEndpointFunctionThatThrowsOrGivesNullFailsItsOwnRun() {
    EngineExecutionResults results = Fixtures.run(BrokenEndpointFunctions.class);

    results.testEvents().assertStatistics(s -> s.started(3).succeeded(1).failed(2));
    assertEquals(List.of(
        "[s] (endpoint 1 of 3 failed) -> java.lang.UnsupportedOperationException: no V1 on this server",
        "[s] (endpoint 2 of 3 is null) -> java.lang.IllegalStateException: endpoint 2 of 3 of server 's' is null"),
        Fixtures.failures(results.testEvents()));
    assertEquals(List.of("kserve-v2+grpc"), SEEN);
  }

  @Test
  void theBuilderRefusesWhatCannotBeSelectedOrRun() {
    FakeServer server = new FakeServer("x");
    assertEquals("matrix entry name 'a' is used twice", assertThrows(IllegalArgumentException.class,
        () -> InferenceMatrix.builder().endpoint("a", null).endpoint("a", null)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> InferenceMatrix.builder().endpoint("a,b", null));
    assertThrows(IllegalArgumentException.class, () -> InferenceMatrix.builder().endpoint(" ", null));
    assertThrows(IllegalArgumentException.class, () -> InferenceMatrix.builder().endpoint(" a", null));
    assertEquals("server 'x' needs at least one endpoint function", assertThrows(IllegalArgumentException.class,
        () -> InferenceMatrix.builder().server("x", server)).getMessage());
    assertEquals("an InferenceMatrix needs at least one server or endpoint",
        assertThrows(IllegalStateException.class, () -> InferenceMatrix.builder().build()).getMessage());
    assertEquals(List.of("b", "a"), InferenceMatrix.builder().endpoint("b", null).endpoint("a", null).build().names());
  }

  @Test
  void anInstanceFieldWorksInAPerClassTestAndIsReportedByJUnitInAPerMethodOne() {
    Fixtures.run(InstanceFieldPerClass.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    assertEquals(List.of("a"), SEEN);

    Throwable thrown = Fixtures.thrown(Fixtures.run(InstanceField.class).containerEvents().failed().list().get(0));
    assertInstanceOf(PreconditionViolationException.class, thrown);
    assertTrue(thrown.getMessage().startsWith("You must register at least one TestTemplateInvocationContextProvider"),
        thrown.getMessage());
  }

  static class PlainEndpoints {
    @RegisterExtension
    static InferenceMatrix matrix = InferenceMatrix.builder()
        .endpoint("rest", "kserve-v2+http://127.0.0.1:8000")
        .endpoint("secured", "kserve-v2+grpcs://user:hunter2@10.0.0.5:8001")
        .build();

    @MatrixTest
    void sees(MatrixEndpoint endpoint, String text) {
      SEEN.add(endpoint.name() + "|" + endpoint.endpoint() + "|" + endpoint.scheme() + "|" + text);
    }
  }

  static class AbsentEndpoints {
    @RegisterExtension
    static InferenceMatrix matrix = InferenceMatrix.builder()
        .endpoint("staging", null)
        .endpoint("blank", "  ")
        .endpointFromEnvironment("prod", UNSET_VARIABLE)
        .endpoint("here", "tfserving+http://127.0.0.1:8501")
        .build();

    @MatrixTest
    void runs(MatrixEndpoint endpoint) {
      SEEN.add(endpoint.name());
    }
  }

  static class MalformedEndpoint {
    @RegisterExtension
    static InferenceMatrix matrix = InferenceMatrix.builder()
        .endpoint("broken", "kserve-v2+grpc://user:hunter2@127.0.0.1:99999").build();

    @MatrixTest
    void runs(MatrixEndpoint endpoint) {
      SEEN.add(endpoint.name());
    }
  }

  static class BrokenEndpointFunctions {
    static final FakeServer SERVER = new FakeServer("s");

    @RegisterExtension
    static InferenceMatrix matrix = InferenceMatrix.builder()
        .server("s", SERVER, s -> {
          throw new UnsupportedOperationException("no V1 on this server");
        }, s -> null, FakeServer::grpcEndpoint)
        .build();

    @MatrixTest
    void runs(MatrixEndpoint endpoint) {
      SEEN.add(endpoint.scheme());
    }
  }

  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  static class InstanceFieldPerClass {
    @RegisterExtension
    InferenceMatrix matrix = InferenceMatrix.builder().endpoint("a", "kserve-v2+http://127.0.0.1:8000").build();

    @MatrixTest
    void runs(MatrixEndpoint endpoint) {
      SEEN.add(endpoint.name());
    }
  }

  static class InstanceField {
    @RegisterExtension
    InferenceMatrix matrix = InferenceMatrix.builder().endpoint("a", "kserve-v2+http://127.0.0.1:8000").build();

    @MatrixTest
    void runs(MatrixEndpoint endpoint) {
      SEEN.add(endpoint.name());
    }
  }
}
