package io.inferlink.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.spi.Endpoint;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testcontainers.utility.DockerImageName;

/**
 * What both network modes promise, checked for every container class in every mode it has: in bridge mode
 * the server listens on its defaults on every interface of the container (a loopback bind would be
 * unreachable through Docker's published ports); with host networking nothing is published, the server is
 * told every chosen port, and endpoints and readiness URLs name 127.0.0.1 and those ports.
 */
class NetworkModesContractTest {
  static Stream<Arguments> containers() {
    List<Arguments> all = new ArrayList<>();
    add(all, "TF Serving", () -> new TfServingContainer().withModel("m", Inspect.resource("models/half_plus_two")));
    add(all, "Triton", () -> new TritonServerContainer().withModelRepository(Inspect.resource("triton/repo")));
    add(all, "PyTriton", () -> new TritonServerContainer(DockerImageName.parse("inferlink/pytriton:0.7.0")
        .asCompatibleSubstituteFor("nvcr.io/nvidia/tritonserver")).withPyTritonScript(Inspect.resource("pytriton/add_one.py")));
    add(all, "OVMS", () -> new OpenVinoModelServerContainer().withModel("m", Inspect.resource("ovms/resnet")));
    add(all, "KServe runtime", () -> new KServeContainer().withModel("m", Inspect.resource("models/half_plus_two")));
    add(all, "KServe script", () -> new KServeContainer(DockerImageName.parse("inferlink/kserve:0.21.0")
        .asCompatibleSubstituteFor("kserve/sklearnserver")).withPythonScript(Inspect.resource("kserve/add_one_predictor.py")));
    add(all, "MLServer", () -> new MLServerContainer().withModel("m", Inspect.resource("mlserver/iris")));
    add(all, "TorchServe", () -> new TorchServeContainer().withModel("m", Inspect.resource("torchserve/classifier.mar"))
        .withKServeEnvelope(TorchServeContainer.KServeEnvelope.V2));
    return all.stream();
  }

  private static void add(List<Arguments> all, String name, Supplier<ModelServerContainer<?>> container) {
    all.add(Arguments.of(name, container));
  }

  /** Everything the container tells the server: command line, environment and generated configuration. */
  private static String toldToServer(ModelServerContainer<?> container) {
    String told = String.join(" ", container.getCommandParts()) + " " + container.getEnvMap();
    return container instanceof TorchServeContainer torchserve ? told + " " + torchserve.configProperties() : told;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("containers")
  void bridgeModePublishesTheDefaultsAndBindsNoLoopback(String name, Supplier<ModelServerContainer<?>> make) {
    ModelServerContainer<?> container = make.get();
    container.configure();

    assertNull(container.getNetworkMode(), name);
    assertEquals(List.copyOf(container.listenPorts().asMap().values()), container.getExposedPorts(), name);
    assertFalse(toldToServer(container).contains("127.0.0.1"), name + ": " + toldToServer(container));
    for (String endpoint : Inspect.bridgeEndpoints(container)) {
      Endpoint parsed = Endpoint.parse(endpoint);
      assertEquals(Inspect.DOCKER_HOST, parsed.host(), endpoint);
      assertTrue(container.getExposedPorts().contains(parsed.port() - Inspect.SHIFT), endpoint);
    }
    for (URI url : Inspect.bridgeReadinessUrls(container)) {
      assertTrue(container.getExposedPorts().contains(url.getPort() - Inspect.SHIFT), url.toString());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("containers")
  void hostNetworkTellsTheServerEveryChosenPortAndNamesLoopback(String name, Supplier<ModelServerContainer<?>> make) {
    ModelServerContainer<?> container = make.get();
    container.withHostNetwork();
    container.configure();
    List<Integer> chosen = List.copyOf(container.listenPorts().asMap().values());

    assertEquals("host", container.getNetworkMode(), name);
    assertTrue(container.getExposedPorts().isEmpty(), name);
    String told = toldToServer(container);
    for (int port : chosen) {
      assertTrue(told.contains(String.valueOf(port)), name + " is not told port " + port + ": " + told);
    }
    List<String> endpoints = container.endpoints();
    assertEquals(container.endpointForms().size(), endpoints.size(), name);
    for (String endpoint : endpoints) {
      Endpoint parsed = Endpoint.parse(endpoint);
      assertEquals("127.0.0.1", parsed.host(), endpoint);
      assertTrue(chosen.contains(parsed.port()), endpoint + " not on a chosen port " + chosen);
    }
    for (URI url : Inspect.readinessUrls(container)) {
      assertEquals("127.0.0.1", url.getHost(), url.toString());
      assertTrue(chosen.contains(url.getPort()), url + " not on a chosen port " + chosen);
    }
  }
}
