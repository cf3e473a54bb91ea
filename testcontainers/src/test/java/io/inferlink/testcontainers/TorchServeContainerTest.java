package io.inferlink.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The forms checked here are TorchServe's own: its configuration (https://pytorch.org/serve/configuration.html:
 * {@code inference_address}, {@code management_address}, {@code metrics_address} on 8080, 8081, 8082 and
 * 127.0.0.1 unless told otherwise, {@code grpc_inference_port} 7070, {@code grpc_management_port} 7071,
 * {@code model_store}; {@code --start}, {@code --foreground}, {@code --model-store}, {@code --models},
 * {@code --ts-config}, {@code --ncs}), token authorization (https://pytorch.org/serve/token_authorization_api.html:
 * {@code disable_token_authorization=true}), the KServe envelope ({@code service_envelope=kserve} or
 * {@code kservev2}, serve/kubernetes/kserve docs), the property names of its {@code ConfigManager}
 * ({@code grpc_inference_address}, {@code grpc_management_address}, {@code ts_open_inference_protocol}), and
 * the health API ({@code GET /ping}) and management API ({@code GET /models/<name>}, workers {@code "READY"}).
 */
class TorchServeContainerTest {
  private static TorchServeContainer classifier() {
    return new TorchServeContainer().withModel("classifier", Inspect.resource("torchserve/classifier.mar"));
  }

  private static Properties config(TorchServeContainer torchserve) throws IOException {
    Properties properties = new Properties();
    properties.load(new StringReader(torchserve.configProperties()));
    return properties;
  }

  @Test
  void bridgeModeListensOnAllInterfacesOfTheContainerAtTheDefaultPorts() throws IOException {
    TorchServeContainer torchserve = classifier();
    torchserve.configure();

    assertNull(Inspect.entrypoint(torchserve), "the image's entrypoint runs the command it is given");
    assertEquals(List.of("torchserve", "--start", "--foreground", "--ncs", "--model-store",
        "/home/model-server/model-store", "--ts-config", "/home/model-server/config.properties", "--models",
        "classifier=classifier.mar"), List.of(torchserve.getCommandParts()));
    assertEquals(List.of(8080, 8081, 8082, 7070, 7071), torchserve.getExposedPorts());
    assertEquals(Map.of("/home/model-server/model-store/classifier.mar", "torchserve/classifier.mar"),
        Inspect.copies(torchserve));
    Properties expected = new Properties();
    expected.putAll(Map.of("inference_address", "http://0.0.0.0:8080", "management_address", "http://0.0.0.0:8081",
        "metrics_address", "http://0.0.0.0:8082", "grpc_inference_address", "0.0.0.0", "grpc_inference_port", "7070",
        "grpc_management_address", "0.0.0.0", "grpc_management_port", "7071",
        "model_store", "/home/model-server/model-store", "disable_token_authorization", "true"));
    assertEquals(expected, config(torchserve));
    assertEquals(List.of("torchserve+http://docker-host.example:38080?management-port=38081"),
        Inspect.bridgeEndpoints(torchserve));
    assertEquals(List.of(URI.create("http://docker-host.example:38080/ping")), Inspect.bridgeReadinessUrls(torchserve));
  }

  @Test
  void hostNetworkWritesTheChosenLoopbackAddresses() throws IOException {
    TorchServeContainer torchserve = classifier().withHostNetwork();
    torchserve.configure();
    ListenPorts p = torchserve.listenPorts();
    Properties config = config(torchserve);

    assertEquals("http://127.0.0.1:" + p.port("http"), config.getProperty("inference_address"));
    assertEquals("http://127.0.0.1:" + p.port("management"), config.getProperty("management_address"));
    assertEquals("http://127.0.0.1:" + p.port("metrics"), config.getProperty("metrics_address"));
    assertEquals("127.0.0.1", config.getProperty("grpc_inference_address"));
    assertEquals(String.valueOf(p.port("grpc")), config.getProperty("grpc_inference_port"));
    assertEquals(String.valueOf(p.port("grpc-management")), config.getProperty("grpc_management_port"));
    assertEquals("torchserve+http://127.0.0.1:" + p.port("http") + "?management-port=" + p.port("management"),
        torchserve.torchServeHttpEndpoint());
    assertEquals(List.of(torchserve.torchServeHttpEndpoint()), torchserve.endpoints());
    assertThrows(IllegalStateException.class, torchserve::kserveHttpEndpoint);
  }

  @Test
  void theV2EnvelopeAddsTheOpenInferenceProtocolOnTheInferencePort() throws IOException {
    TorchServeContainer torchserve = classifier().withKServeEnvelope(TorchServeContainer.KServeEnvelope.V2)
        .withHostNetwork();
    torchserve.configure();
    int http = torchserve.listenPorts().port("http");

    assertEquals("kservev2", config(torchserve).getProperty("service_envelope"));
    assertEquals("true", config(torchserve).getProperty("ts_open_inference_protocol"));
    assertEquals("kserve-v2+http://127.0.0.1:" + http, torchserve.kserveHttpEndpoint());
    assertEquals(List.of(torchserve.torchServeHttpEndpoint(), torchserve.kserveHttpEndpoint()), torchserve.endpoints());
  }

  @Test
  void theV1EnvelopeAddsKServeV1() throws IOException {
    TorchServeContainer torchserve = classifier().withKServeEnvelope(TorchServeContainer.KServeEnvelope.V1);
    torchserve.configure();

    assertEquals("kserve", config(torchserve).getProperty("service_envelope"));
    assertFalse(config(torchserve).containsKey("ts_open_inference_protocol"));
    assertEquals(List.of("torchserve+http://docker-host.example:38080?management-port=38081",
        "kserve-v1+http://docker-host.example:38080"), Inspect.bridgeEndpoints(torchserve));
  }

  @Test
  void aNamedModelIsReadyWhenTheManagementApiListsAReadyWorker() {
    TorchServeContainer torchserve = classifier().waitingForModel("classifier");
    torchserve.configure();
    assertEquals(List.of(URI.create("http://docker-host.example:38081/models/classifier")),
        Inspect.bridgeReadinessUrls(torchserve));
    ReadinessCheck check = torchserve.readinessChecks().get(0);
    assertTrue(check.acceptsBody().test("[{\"modelName\": \"classifier\", \"workers\": [{\"id\": \"9000\", \"status\": \"READY\"}]}]"));
    assertFalse(check.acceptsBody().test("[{\"modelName\": \"classifier\", \"workers\": []}]"));
  }

  @Test
  void aRestartWritesTheNewPortsOverTheOldConfiguration() throws IOException {
    TorchServeContainer torchserve = classifier().withHostNetwork();
    torchserve.configure();
    torchserve.configure();
    assertEquals("http://127.0.0.1:" + torchserve.listenPorts().port("http"),
        config(torchserve).getProperty("inference_address"), "the file holds the last start's ports");
  }
}
