package io.inferlink.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The forms checked here are OVMS's own: starting the server
 * (https://docs.openvino.ai/2025/openvino-workflow/model-server/ovms_docs_serving_model.html:
 * {@code docker run ... -p 9000:9000 -p 8000:8000 openvino/model_server --model_path /models/resnet
 * --model_name resnet --port 9000 --rest_port 8000}, or {@code --config_path}), its parameters
 * (https://docs.openvino.ai/2025/model-server/ovms_docs_parameters.html: {@code --grpc_bind_address},
 * {@code --rest_bind_address}, default 0.0.0.0), and its KServe REST API
 * (https://docs.openvino.ai/2022.2/ovms_docs_rest_api_kfs.html: {@code GET /v2/health/ready} answers 200 when ready).
 */
class OpenVinoModelServerContainerTest {
  private static OpenVinoModelServerContainer oneModel() {
    return new OpenVinoModelServerContainer().withModel("resnet", Inspect.resource("ovms/resnet"));
  }

  @Test
  void bridgeModePassesTheDocumentedFlagsToTheImagesEntrypoint() {
    OpenVinoModelServerContainer ovms = oneModel();
    ovms.configure();

    assertNull(Inspect.entrypoint(ovms), "the image's entrypoint is the ovms binary");
    assertEquals(List.of("--model_name", "resnet", "--model_path", "/models/resnet", "--port", "9000",
        "--rest_port", "8000"), List.of(ovms.getCommandParts()));
    assertEquals(List.of(9000, 8000), ovms.getExposedPorts());
    assertEquals(Map.of("/models/resnet", "ovms/resnet"), Inspect.copies(ovms));
    assertEquals(List.of("ovms+http://docker-host.example:38000", "ovms+grpc://docker-host.example:39000"),
        Inspect.bridgeEndpoints(ovms));
    assertEquals(List.of(URI.create("http://docker-host.example:38000/v2/health/ready")),
        Inspect.bridgeReadinessUrls(ovms));
  }

  @Test
  void hostNetworkBindsBothApisToLoopbackOnTheChosenPorts() {
    OpenVinoModelServerContainer ovms = new OpenVinoModelServerContainer()
        .withConfigFile(Inspect.resource("ovms/config.json"))
        .withModel("resnet", Inspect.resource("ovms/resnet"))
        .withHostNetwork();
    ovms.configure();
    int grpc = ovms.listenPorts().port("grpc");
    int http = ovms.listenPorts().port("http");

    assertEquals("host", ovms.getNetworkMode());
    assertEquals(List.of("--config_path", "/models/config.json", "--port", String.valueOf(grpc), "--rest_port",
        String.valueOf(http), "--grpc_bind_address", "127.0.0.1", "--rest_bind_address", "127.0.0.1"),
        List.of(ovms.getCommandParts()));
    assertEquals(Map.of("/models/config.json", "ovms/config.json", "/models/resnet", "ovms/resnet"),
        Inspect.copies(ovms));
    assertEquals("ovms+http://127.0.0.1:" + http, ovms.ovmsHttpEndpoint());
    assertEquals("ovms+grpc://127.0.0.1:" + grpc, ovms.ovmsGrpcEndpoint());
    assertEquals(List.of(ovms.ovmsHttpEndpoint(), ovms.ovmsGrpcEndpoint()), ovms.endpoints());
  }

  @Test
  void waitingForAModelUsesItsKServeReadiness() {
    OpenVinoModelServerContainer ovms = oneModel().waitingForModel("resnet");
    ovms.configure();
    assertEquals(List.of(URI.create("http://docker-host.example:38000/v2/models/resnet/ready")),
        Inspect.bridgeReadinessUrls(ovms));
  }

  @Test
  void whatCannotServeIsRefusedBeforeStarting() {
    assertThrows(IllegalStateException.class, () -> new OpenVinoModelServerContainer().configure());
    OpenVinoModelServerContainer two = oneModel().withModel("other", Inspect.resource("ovms/resnet"));
    assertThrows(IllegalStateException.class, two::configure);
  }
}
