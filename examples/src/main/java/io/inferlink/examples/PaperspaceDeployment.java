package io.inferlink.examples;

import io.inferlink.AuthenticationException;
import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.emulator.TestCertificates;
import io.inferlink.emulator.tfserving.TfServingRestFrontend;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * A protected Paperspace Gradient deployment: {@code paperspace+https://<endpoint-host>} is a TF
 * Serving container behind TLS that wants HTTP Basic {@code paperspace:<secret>}; the secret comes
 * from {@code INFERLINK_PAPERSPACE_SECRET}, never from code. The example classifies the three flowers;
 * on the emulator it then shows that a wrong secret fails with an {@link AuthenticationException}
 * whose message names what to set but never the secret. Without configuration the deployment is the emulator, over TLS
 * with a throw-away certificate; with {@code INFERLINK_ENDPOINT=paperspace+https://d1234.clg07azjl
 * .paperspacegradient.com} and {@code INFERLINK_PAPERSPACE_SECRET=...} it is yours.
 *
 * <p>Stateless: every run creates its own clients (and emulator) and closes them before returning.
 */
public final class PaperspaceDeployment {
  /** The emulated deployment's secret. */
  static final String EMULATED_SECRET = "emulated-deployment-secret";

  /** The labels, and the message a wrong secret gets. */
  public record Result(List<String> labels, String wrongSecretMessage) {}

  private PaperspaceDeployment() {}

  /** Runs against the environment's configuration. */
  public static void main(String[] args) {
    run(System.getenv(), System.out);
  }

  /** Classifies on the deployment, then calls it with a wrong secret. */
  public static Result run(Map<String, String> environment, PrintStream out) {
    TestCertificates certificates = TestCertificates.create();
    try (ExampleServer server = ExampleServer.fromEnvironment(environment, emulator -> emulator.frontend(
        TfServingRestFrontend.builder().tls(certificates).basicAuth("paperspace", EMULATED_SECRET).build()))) {
      ClientOptions options = server.options();
      if (server.isEmulated()) {
        // What a deployment's configuration holds; the emulator's certificate is trusted explicitly.
        options = ClientOptions.fromEnvironment(Map.of(
                "INFERLINK_ENDPOINT", server.endpoint("paperspace+https"),
                "INFERLINK_PAPERSPACE_SECRET", EMULATED_SECRET))
            .toBuilder().trustCertificatesPem(certificates.caCertificatePem()).build();
      }
      List<String> labels;
      try (InferenceClient client = InferenceClient.create(options)) {
        labels = FlowerLabels.of(client);
      }
      out.println(options.endpoint() + " -> " + labels);
      if (!server.isEmulated()) {
        return new Result(labels, ""); // never send a wrong credential to a real deployment
      }
      String message;
      try (InferenceClient wrong = InferenceClient.create(options.toBuilder()
          .option("paperspace-secret", "not-the-secret").build())) {
        FlowerLabels.of(wrong);
        message = "";
      } catch (AuthenticationException e) {
        message = e.getMessage();
      }
      out.println("with a wrong secret: " + message);
      return new Result(labels, message);
    }
  }
}
