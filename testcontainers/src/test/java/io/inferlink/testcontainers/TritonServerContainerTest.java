package io.inferlink.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The forms checked here are Triton's and PyTriton's own: Triton's quick start
 * (https://docs.nvidia.com/deeplearning/triton-inference-server/user-guide/docs/getting_started/quickstart.html:
 * {@code docker run --shm-size=1g -p8000:8000 -p8001:8001 -p8002:8002 ... tritonserver --model-repository=/models},
 * readiness {@code GET /v2/health/ready}); {@code tritonserver --help} of Triton 2.51.0 (the binary PyTriton 0.7.0
 * ships: {@code --http-port}, {@code --grpc-port}, {@code --metrics-port}, and {@code --http-address},
 * {@code --grpc-address}, {@code --metrics-address} defaulting to 0.0.0.0); PyTriton's
 * {@code TritonConfig.from_env()} (https://triton-inference-server.github.io/pytriton/latest/reference/triton_config/:
 * the {@code PYTRITON_TRITON_CONFIG_} prefix before a field name, {@code http_port} etc., read by {@code Triton()}).
 */
class TritonServerContainerTest {
  private static final DockerImageName PYTRITON =
      DockerImageName.parse("inferlink/pytriton:0.7.0").asCompatibleSubstituteFor("nvcr.io/nvidia/tritonserver");

  @Test
  void tritonModeRunsTritonserverOnTheRepositoryWithTheDocumentedPorts() {
    TritonServerContainer triton = new TritonServerContainer().withModelRepository(Inspect.resource("triton/repo"));
    triton.configure();

    assertNull(Inspect.entrypoint(triton), "the image's entrypoint runs tritonserver");
    assertEquals(List.of("tritonserver", "--model-repository=/models", "--http-port=8000", "--grpc-port=8001",
        "--metrics-port=8002"), List.of(triton.getCommandParts()));
    assertEquals(List.of(8000, 8001, 8002), triton.getExposedPorts());
    assertEquals(Map.of("/models", "triton/repo"), Inspect.copies(triton));
    assertEquals(1L << 30, triton.getShmSize());
    assertEquals(List.of("kserve-v2+http://docker-host.example:38000", "kserve-v2+grpc://docker-host.example:38001"),
        Inspect.bridgeEndpoints(triton));
    assertEquals(List.of(URI.create("http://docker-host.example:38000/v2/health/ready")),
        Inspect.bridgeReadinessUrls(triton));
    assertEquals(Duration.ofMinutes(3), triton.startupTimeout());
  }

  @Test
  void tritonModeUnderHostNetworkBindsLoopbackOnTheChosenPorts() {
    TritonServerContainer triton = new TritonServerContainer().withModel("identity",
        Inspect.resource("triton/repo/identity")).withHostNetwork();
    triton.configure();
    ListenPorts p = triton.listenPorts();

    assertEquals("host", triton.getNetworkMode());
    assertTrue(triton.getExposedPorts().isEmpty());
    assertEquals(List.of("tritonserver", "--model-repository=/models", "--http-port=" + p.port("http"),
        "--grpc-port=" + p.port("grpc"), "--metrics-port=" + p.port("metrics"), "--http-address=127.0.0.1",
        "--grpc-address=127.0.0.1", "--metrics-address=127.0.0.1"), List.of(triton.getCommandParts()));
    assertEquals(Map.of("/models/identity", "triton/repo/identity"), Inspect.copies(triton));
    assertEquals("kserve-v2+http://127.0.0.1:" + p.port("http"), triton.kserveV2HttpEndpoint());
    assertEquals("kserve-v2+grpc://127.0.0.1:" + p.port("grpc"), triton.kserveV2GrpcEndpoint());
    assertEquals(List.of(triton.kserveV2HttpEndpoint(), triton.kserveV2GrpcEndpoint()), triton.endpoints());
  }

  @Test
  void pyTritonModeRunsTheScriptAndPassesThePortsThroughPyTritonsEnvironment() {
    TritonServerContainer triton = new TritonServerContainer(PYTRITON)
        .withPyTritonScript(Inspect.resource("pytriton/add_one.py"), "--verbose")
        .waitingForModel("add_one");
    triton.configure();

    assertEquals(List.of("python"), Inspect.entrypoint(triton));
    assertEquals(List.of("/opt/inferlink/add_one.py", "--verbose"), List.of(triton.getCommandParts()));
    assertEquals(Map.of("/opt/inferlink/add_one.py", "pytriton/add_one.py"), Inspect.copies(triton));
    assertEquals(Map.of("PYTRITON_TRITON_CONFIG_HTTP_PORT", "8000", "PYTRITON_TRITON_CONFIG_GRPC_PORT", "8001",
        "PYTRITON_TRITON_CONFIG_METRICS_PORT", "8002"), triton.getEnvMap());
    assertEquals(List.of(URI.create("http://docker-host.example:38000/v2/models/add_one/ready")),
        Inspect.bridgeReadinessUrls(triton));
  }

  @Test
  void pyTritonModeUnderHostNetworkAlsoPassesTheLoopbackAddresses() {
    TritonServerContainer triton = new TritonServerContainer(PYTRITON)
        .withPyTritonScript(Inspect.resource("pytriton/add_one.py")).withHostNetwork();
    triton.configure();
    ListenPorts p = triton.listenPorts();

    assertEquals(Map.of("PYTRITON_TRITON_CONFIG_HTTP_PORT", String.valueOf(p.port("http")),
        "PYTRITON_TRITON_CONFIG_GRPC_PORT", String.valueOf(p.port("grpc")),
        "PYTRITON_TRITON_CONFIG_METRICS_PORT", String.valueOf(p.port("metrics")),
        "PYTRITON_TRITON_CONFIG_HTTP_ADDRESS", "127.0.0.1", "PYTRITON_TRITON_CONFIG_GRPC_ADDRESS", "127.0.0.1",
        "PYTRITON_TRITON_CONFIG_METRICS_ADDRESS", "127.0.0.1"), triton.getEnvMap());
    assertEquals(List.of(URI.create("http://127.0.0.1:" + p.port("http") + "/v2/health/ready")),
        Inspect.readinessUrls(triton));
  }

  @Test
  void whatCannotServeIsRefusedBeforeStarting() {
    assertThrows(IllegalStateException.class, () -> new TritonServerContainer().configure());
    TritonServerContainer both = new TritonServerContainer(PYTRITON).withModelRepository(Inspect.resource("triton/repo"))
        .withPyTritonScript(Inspect.resource("pytriton/add_one.py"));
    assertThrows(IllegalStateException.class, both::configure);
    assertThrows(IllegalStateException.class,
        () -> new TritonServerContainer(DockerImageName.parse("inferlink/pytriton:0.7.0")));
    assertThrows(IllegalArgumentException.class, () -> new TritonServerContainer().waitingForModel(".."));
  }
}
