package io.inferlink.examples;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.emulator.kservev1.KServeV1RestFrontend;
import io.inferlink.emulator.oip.OipGrpcFrontend;
import io.inferlink.emulator.oip.OipRestFrontend;
import io.inferlink.emulator.tfserving.TfServingGrpcFrontend;
import io.inferlink.emulator.tfserving.TfServingRestFrontend;
import io.inferlink.examples.torchserve.emulator.TorchServeFrontend;
import io.inferlink.spi.Endpoint;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Vendor switch through configuration: the application reads its server from {@code
 * INFERLINK_ENDPOINT} ({@link ClientOptions#fromEnvironment}) and runs {@link FlowerLabels}; nothing
 * in the code names a protocol. Run it with {@code INFERLINK_ENDPOINT=kserve-v2+grpc://host:8081}
 * (or any other endpoint) to classify there; without, it starts the emulator and runs itself once per
 * endpoint form, each time with nothing but a different configuration, TorchServe's custom backend
 * included.
 *
 * <p>Stateless: every run creates its own clients (and emulator) and closes them before returning.
 */
public final class VendorSwitchByConfiguration {
  private VendorSwitchByConfiguration() {}

  /** Runs against the environment's configuration. */
  public static void main(String[] args) {
    run(System.getenv(), System.out);
  }

  /** The application's whole setup: one client from configuration, then the application code. */
  static List<String> classifyWith(Map<String, String> configuration) {
    try (InferenceClient client = InferenceClient.create(ClientOptions.fromEnvironment(configuration))) {
      return FlowerLabels.of(client);
    }
  }

  /** Classifies on every configured (or emulated) endpoint; returns the labels by endpoint. */
  public static Map<String, List<String>> run(Map<String, String> environment, PrintStream out) {
    Map<String, List<String>> labels = new LinkedHashMap<>();
    try (ExampleServer server = ExampleServer.fromEnvironment(environment, emulator -> emulator
        .frontend(new TfServingRestFrontend()).frontend(new TfServingGrpcFrontend())
        .frontend(new KServeV1RestFrontend()).frontend(new OipRestFrontend()).frontend(new OipGrpcFrontend())
        .frontend(new TorchServeFrontend()))) {
      if (!server.isEmulated()) {
        labels.put(server.options().endpoint(), classifyWith(environment));
      } else {
        for (String endpoint : server.endpoints("tfserving+http", "tfserving+grpc", "kserve-v1+http",
            "kserve-v2+http", "kserve-v2+grpc", "torchserve+http")) {
          // What an operator changes between deployments: one variable, nothing else.
          labels.put(endpoint, classifyWith(Map.of("INFERLINK_ENDPOINT", endpoint)));
        }
      }
    }
    labels.forEach((endpoint, names) -> out.printf("INFERLINK_ENDPOINT=%-40s -> %s%n", Endpoint.parse(endpoint), names));
    return labels;
  }
}
