package io.inferlink.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.inferlink.spi.Endpoint;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The forms checked here are MLServer's own: its settings
 * (https://mlserver.readthedocs.io/en/latest/reference/settings.html: environment variables with the
 * {@code MLSERVER_} prefix, {@code http_port} 8080, {@code grpc_port} 8081, {@code metrics_port} 8082,
 * {@code host} 0.0.0.0), its image (SeldonIO/MLServer Dockerfile: {@code MLSERVER_MODELS_DIR=/mnt/models},
 * command {@code mlserver start $MLSERVER_MODELS_DIR}), one folder per model with its
 * {@code model-settings.json}, and the Open Inference Protocol's {@code GET /v2/health/ready}. The REST
 * endpoint's options are the ones README.md gives for MLServer.
 */
class MLServerContainerTest {
  private static MLServerContainer iris() {
    return new MLServerContainer().withModel("iris", Inspect.resource("mlserver/iris"));
  }

  @Test
  void bridgeModeStartsMlserverOnTheModelsFolderWithThePortsInItsEnvironment() {
    MLServerContainer mlserver = iris();
    mlserver.configure();

    assertNull(Inspect.entrypoint(mlserver));
    assertEquals(List.of("mlserver", "start", "/mnt/models"), List.of(mlserver.getCommandParts()));
    assertEquals(Map.of("MLSERVER_HTTP_PORT", "8080", "MLSERVER_GRPC_PORT", "8081", "MLSERVER_METRICS_PORT", "8082",
        "MLSERVER_HOST", "0.0.0.0"), mlserver.getEnvMap());
    assertEquals(List.of(8080, 8081, 8082), mlserver.getExposedPorts());
    assertEquals(Map.of("/mnt/models/iris", "mlserver/iris"), Inspect.copies(mlserver));
    assertEquals(List.of("kserve-v2+http://docker-host.example:38080?binary=never&half-as-json=true",
        "kserve-v2+grpc://docker-host.example:38081"), Inspect.bridgeEndpoints(mlserver));
    assertEquals(List.of(URI.create("http://docker-host.example:38080/v2/health/ready")),
        Inspect.bridgeReadinessUrls(mlserver));
  }

  @Test
  void hostNetworkAddsTheLoopbackHost() {
    MLServerContainer mlserver = new MLServerContainer().withModelRepository(Inspect.resource("mlserver"))
        .withHostNetwork();
    mlserver.configure();
    ListenPorts p = mlserver.listenPorts();

    assertEquals(Map.of("MLSERVER_HTTP_PORT", String.valueOf(p.port("http")), "MLSERVER_GRPC_PORT",
        String.valueOf(p.port("grpc")), "MLSERVER_METRICS_PORT", String.valueOf(p.port("metrics")), "MLSERVER_HOST",
        "127.0.0.1"), mlserver.getEnvMap());
    assertEquals(Map.of("/mnt/models", "mlserver"), Inspect.copies(mlserver));
    assertEquals("kserve-v2+http://127.0.0.1:" + p.port("http") + "?binary=never&half-as-json=true",
        mlserver.kserveV2HttpEndpoint());
    assertEquals("kserve-v2+grpc://127.0.0.1:" + p.port("grpc"), mlserver.kserveV2GrpcEndpoint());
    assertEquals(List.of(mlserver.kserveV2HttpEndpoint(), mlserver.kserveV2GrpcEndpoint()), mlserver.endpoints());
  }

  @Test
  void theRestEndpointsOptionsReadAsCoreReadsAnEndpoint() {
    MLServerContainer mlserver = iris().withHostNetwork();
    mlserver.configure();
    Endpoint endpoint = Endpoint.parse(mlserver.kserveV2HttpEndpoint());
    assertEquals("kserve-v2+http", endpoint.scheme());
    assertEquals("127.0.0.1", endpoint.host());
    assertEquals(mlserver.listenPorts().port("http"), endpoint.port());
  }

  @Test
  void noModelsIsRefusedBeforeStarting() {
    assertThrows(IllegalStateException.class, () -> new MLServerContainer().configure());
  }
}
