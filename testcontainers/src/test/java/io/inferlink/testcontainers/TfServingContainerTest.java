package io.inferlink.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;

/**
 * The forms checked here are TF Serving's own:
 * https://www.tensorflow.org/tfx/serving/docker (gRPC 8500, REST 8501, a model's versions under
 * {@code /models/<name>}, the image's entrypoint running {@code tensorflow_model_server --port=8500
 * --rest_api_port=8501 --model_name=<name> --model_base_path=/models/<name>}, and
 * {@code --model_config_file=/models/models.config} for a config), and
 * https://www.tensorflow.org/tfx/serving/api_rest (model status: {@code GET /v1/models/<name>}, a version's
 * {@code "state": "AVAILABLE"} once loaded).
 */
class TfServingContainerTest {
  private static TfServingContainer oneModel() {
    return new TfServingContainer().withModel("half_plus_two", Inspect.resource("models/half_plus_two"));
  }

  @Test
  void bridgeModeRunsTheServerBinaryWithTheDocumentedPortsAndModelPath() {
    TfServingContainer tf = oneModel();
    tf.configure();

    assertEquals(List.of("tensorflow_model_server"), Inspect.entrypoint(tf));
    assertEquals(List.of("--port=8500", "--rest_api_port=8501", "--model_name=half_plus_two",
        "--model_base_path=/models/half_plus_two"), List.of(tf.getCommandParts()));
    assertEquals(List.of(8500, 8501), tf.getExposedPorts());
    assertNull(tf.getNetworkMode(), "bridge mode leaves the network to Docker (or the user)");
    assertEquals(Map.of("/models/half_plus_two", "models/half_plus_two"), Inspect.copies(tf));
    assertTrue(tf.getEnvMap().isEmpty(), "flags, not MODEL_NAME/MODEL_BASE_PATH: " + tf.getEnvMap());
  }

  @Test
  void bridgeModeEndpointsAndReadinessUseTheMappedPorts() {
    TfServingContainer tf = oneModel();
    tf.configure();

    assertEquals(List.of("tfserving+http://docker-host.example:38501", "tfserving+grpc://docker-host.example:38500"),
        Inspect.bridgeEndpoints(tf));
    assertEquals(List.of(URI.create("http://docker-host.example:38501/v1/models/half_plus_two")),
        Inspect.bridgeReadinessUrls(tf));
  }

  @Test
  void readinessWantsTheModelAvailableNotJustA200() {
    ReadinessCheck check = oneModel().readinessChecks().get(0);
    assertTrue(check.acceptsBody().test(
        "{\"model_version_status\": [{\"version\": \"123\", \"state\": \"AVAILABLE\", \"status\": {\"error_code\": \"OK\"}}]}"));
    assertFalse(check.acceptsBody().test(
        "{\"model_version_status\": [{\"version\": \"123\", \"state\": \"LOADING\", \"status\": {\"error_code\": \"OK\"}}]}"));
  }

  @Test
  void hostNetworkTellsTheServerTheChosenPortsAndHandsOutLoopbackEndpoints() {
    TfServingContainer tf = oneModel().withHostNetwork();
    tf.configure();
    int grpc = tf.listenPorts().port("grpc");
    int http = tf.listenPorts().port("http");

    assertNotEquals(grpc, http);
    assertEquals("host", tf.getNetworkMode());
    assertTrue(tf.getExposedPorts().isEmpty(), "host networking publishes nothing: " + tf.getExposedPorts());
    assertEquals(List.of("--port=" + grpc, "--rest_api_port=" + http, "--model_name=half_plus_two",
        "--model_base_path=/models/half_plus_two"), List.of(tf.getCommandParts()));
    assertEquals("tfserving+http://127.0.0.1:" + http, tf.tfServingHttpEndpoint());
    assertEquals("tfserving+grpc://127.0.0.1:" + grpc, tf.tfServingGrpcEndpoint());
    assertEquals(List.of(tf.tfServingHttpEndpoint(), tf.tfServingGrpcEndpoint()), tf.endpoints());
    assertEquals(List.of(URI.create("http://127.0.0.1:" + http + "/v1/models/half_plus_two")), Inspect.readinessUrls(tf));
  }

  @Test
  void aModelConfigFileReplacesTheSingleModelFlags() {
    TfServingContainer tf = new TfServingContainer()
        .withModelConfigFile(Inspect.resource("tfserving/models.config"))
        .withModel("half_plus_two", Inspect.resource("models/half_plus_two"));
    tf.configure();

    assertEquals(List.of("--port=8500", "--rest_api_port=8501", "--model_config_file=/models/models.config"),
        List.of(tf.getCommandParts()));
    assertEquals(Map.of("/models/models.config", "tfserving/models.config", "/models/half_plus_two",
        "models/half_plus_two"), Inspect.copies(tf));
  }

  @Test
  void waitingForModelReplacesTheModelsOfTheConfig() {
    TfServingContainer tf = new TfServingContainer().withModelConfigFile(Inspect.resource("tfserving/models.config"))
        .waitingForModel("half_plus_two");
    tf.configure();
    assertEquals(List.of(URI.create("http://docker-host.example:38501/v1/models/half_plus_two")),
        Inspect.bridgeReadinessUrls(tf));
  }

  @Test
  void whatCannotServeIsRefusedBeforeStarting() {
    IllegalStateException none = assertThrows(IllegalStateException.class, () -> new TfServingContainer().configure());
    assertTrue(none.getMessage().contains("withModel(name, folder)"), none.getMessage());
    TfServingContainer two = oneModel().withModel("other", Inspect.resource("models/half_plus_two"));
    IllegalStateException several = assertThrows(IllegalStateException.class, two::configure);
    assertTrue(several.getMessage().contains("withModelConfigFile"), several.getMessage());
    TfServingContainer unnamed = new TfServingContainer().withModelConfigFile(Inspect.resource("tfserving/models.config"));
    IllegalStateException noReadiness = assertThrows(IllegalStateException.class, unnamed::configure);
    assertTrue(noReadiness.getMessage().contains("waitingForModel"), noReadiness.getMessage());
  }

  @Test
  void startupTimeoutHasADefaultAndCanBeChanged() {
    assertEquals(Duration.ofMinutes(2), oneModel().startupTimeout());
    assertEquals(Duration.ofSeconds(30), oneModel().withStartupTimeout(Duration.ofSeconds(30)).startupTimeout());
  }

  @Test
  void anotherImageMustBeDeclaredASubstitute() {
    assertThrows(IllegalStateException.class, () -> new TfServingContainer(DockerImageName.parse("mirror.example/tf:2.18.0")));
    TfServingContainer mirrored = new TfServingContainer(
        DockerImageName.parse("mirror.example/tf:2.18.0").asCompatibleSubstituteFor("tensorflow/serving"));
    assertFalse(mirrored.isHostNetwork());
  }

  @Test
  void hostNetworkEndpointsNeedTheContainerStarted() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> oneModel().withHostNetwork().endpoints());
    assertTrue(e.getMessage().contains("start it first"), e.getMessage());
  }
}
