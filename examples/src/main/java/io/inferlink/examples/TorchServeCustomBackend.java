package io.inferlink.examples;

import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.examples.torchserve.emulator.TorchServeFrontend;
import io.inferlink.examples.torchserve.emulator.TorchServeManagementFrontend;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The custom backend at work: the TorchServe provider of {@link io.inferlink.examples.torchserve},
 * found through {@code META-INF/services} like Inferlink's own, answers {@code torchserve+http}
 * endpoints with no change to application code. The example asks the server's and the model's
 * readiness, classifies the flowers with {@link FlowerLabels}, calls two model versions, and shows a
 * feature TorchServe lacks (version labels) refused before sending. Without configuration it runs on
 * the template's own emulator frontends; with {@code INFERLINK_ENDPOINT=torchserve+http://host:8080}
 * (and {@code INFERLINK_OPTION_MANAGEMENT_PORT} if the management API is not on 8081) against a
 * TorchServe whose handlers follow the template's JSON convention.
 *
 * <p>Stateless: every run creates its own clients (and emulator) and closes them before returning.
 */
public final class TorchServeCustomBackend {
  /** What the example saw. */
  public record Result(String provider, boolean serverReady, boolean modelReady, List<String> labels,
      long versionOne, long versionTwo, String labelRefusal) {}

  private TorchServeCustomBackend() {}

  /** Runs against the environment's configuration. */
  public static void main(String[] args) {
    run(System.getenv(), System.out);
  }

  /** Runs the calls and prints what each gave. */
  public static Result run(Map<String, String> environment, PrintStream out) {
    try (ExampleServer server = ExampleServer.fromEnvironment(environment,
        emulator -> emulator.frontend(new TorchServeFrontend()).frontend(new TorchServeManagementFrontend()))) {
      // TorchServe's management API listens on its own port; the emulator's is ephemeral.
      String endpoint = server.isEmulated()
          ? server.endpoint("torchserve+http") + "?management-port="
              + server.emulator().port(TorchServeManagementFrontend.PROTOCOL)
          : server.options().endpoint();
      try (InferenceClient client = InferenceClient.create(endpoint, server.options())) {
        boolean serverReady = client.serverReady();
        boolean modelReady = client.modelReady(ModelRef.of("classifier"));
        List<String> labels = FlowerLabels.of(client);
        long one = version(client, ModelRef.of("versioned", "1"));
        long two = version(client, ModelRef.of("versioned", "2"));
        String refusal;
        try {
          version(client, ModelRef.withLabel("versioned", "stable"));
          refusal = "";
        } catch (UnsupportedFeatureException e) {
          refusal = e.getMessage();
        }
        Result result = new Result(client.providerName(), serverReady, modelReady, labels, one, two, refusal);
        out.printf("provider %s (found through ServiceLoader)%nserver ready %s, classifier ready %s%n"
                + "labels %s%nversioned:1 -> %d, versioned:2 -> %d%nversioned@stable -> %s%n",
            result.provider(), serverReady, modelReady, labels, one, two, refusal);
        return result;
      }
    }
  }

  private static long version(InferenceClient client, ModelRef ref) {
    return client.infer(InferenceRequest.builder(ref).input(Tensor.ofFloats("x", new float[] {1f}, 1)).build())
        .output("version").getLong(0);
  }
}
