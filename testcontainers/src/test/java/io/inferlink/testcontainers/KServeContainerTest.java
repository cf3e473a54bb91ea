package io.inferlink.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;

/**
 * The forms checked here are KServe's own: its runtime images run {@code python -m sklearnserver} as
 * entrypoint (kserve/python/sklearn.Dockerfile) with the model server's flags ({@code --model_name},
 * {@code --model_dir}, {@code --http_port} default 8080, {@code --grpc_port} default 8081: kserve/model_server.py
 * of KServe 0.21.0), models in {@code /mnt/models} where KServe's storage initializer puts them, and the
 * Open Inference Protocol's readiness (https://kserve.github.io/website/docs/reference/oip/get-v-2-health-ready).
 */
class KServeContainerTest {
  private static final DockerImageName KSERVE_IMAGE =
      DockerImageName.parse("inferlink/kserve:0.21.0").asCompatibleSubstituteFor("kserve/sklearnserver");

  @Test
  void aRuntimeImageGetsKServesFlagsAfterItsEntrypoint() {
    KServeContainer kserve = new KServeContainer().withModel("iris", Inspect.resource("models/half_plus_two"));
    kserve.configure();

    assertNull(Inspect.entrypoint(kserve), "the runtime image's entrypoint starts the runtime");
    assertEquals(List.of("--model_name", "iris", "--model_dir", "/mnt/models", "--http_port", "8080",
        "--grpc_port", "8081"), List.of(kserve.getCommandParts()));
    assertEquals(List.of(8080, 8081), kserve.getExposedPorts());
    assertEquals(Map.of("/mnt/models", "models/half_plus_two"), Inspect.copies(kserve));
    assertEquals(List.of("kserve-v1+http://docker-host.example:38080", "kserve-v2+http://docker-host.example:38080",
        "kserve-v2+grpc://docker-host.example:38081"), Inspect.bridgeEndpoints(kserve));
    assertEquals(List.of(URI.create("http://docker-host.example:38080/v2/health/ready")),
        Inspect.bridgeReadinessUrls(kserve));
  }

  @Test
  void aScriptRunsUnderPythonWithThePortFlagsFirst() {
    KServeContainer kserve = new KServeContainer(KSERVE_IMAGE)
        .withPythonScript(Inspect.resource("kserve/add_one_predictor.py"), "--max-seconds", "60")
        .withHostNetwork();
    kserve.configure();
    int http = kserve.listenPorts().port("http");
    int grpc = kserve.listenPorts().port("grpc");

    assertEquals(List.of("python"), Inspect.entrypoint(kserve));
    assertEquals(List.of("/opt/inferlink/add_one_predictor.py", "--http_port", String.valueOf(http), "--grpc_port",
        String.valueOf(grpc), "--max-seconds", "60"), List.of(kserve.getCommandParts()));
    assertEquals(Map.of("/opt/inferlink/add_one_predictor.py", "kserve/add_one_predictor.py"), Inspect.copies(kserve));
    assertEquals("host", kserve.getNetworkMode());
    assertTrue(kserve.getExposedPorts().isEmpty());
    assertEquals("kserve-v1+http://127.0.0.1:" + http, kserve.kserveV1HttpEndpoint());
    assertEquals("kserve-v2+http://127.0.0.1:" + http, kserve.kserveV2HttpEndpoint());
    assertEquals("kserve-v2+grpc://127.0.0.1:" + grpc, kserve.kserveV2GrpcEndpoint());
    assertEquals(List.of(kserve.kserveV1HttpEndpoint(), kserve.kserveV2HttpEndpoint(), kserve.kserveV2GrpcEndpoint()),
        kserve.endpoints());
    assertEquals(List.of(URI.create("http://127.0.0.1:" + http + "/v2/health/ready")), Inspect.readinessUrls(kserve));
  }

  @Test
  void theOtherRuntimeImagesAreAcceptedAsTheyAre() {
    KServeContainer xgb = new KServeContainer(DockerImageName.parse("kserve/xgbserver:v0.21.0"));
    assertThrows(IllegalStateException.class, xgb::configure, "no model and no script");
    assertThrows(IllegalStateException.class, () -> new KServeContainer(DockerImageName.parse("inferlink/kserve:0.21.0")));
  }

  @Test
  void aScriptAndAModelFolderAreRefusedTogether() {
    KServeContainer both = new KServeContainer(KSERVE_IMAGE).withModel("iris", Inspect.resource("models/half_plus_two"))
        .withPythonScript(Inspect.resource("kserve/add_one_predictor.py"));
    IllegalStateException e = assertThrows(IllegalStateException.class, both::configure);
    assertTrue(e.getMessage().contains("drop withModel"), e.getMessage());
  }
}
