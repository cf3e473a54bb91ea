package io.inferlink.examples;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.emulator.KitContract;
import io.inferlink.emulator.oip.OipGrpcFrontend;
import io.inferlink.emulator.oip.OipRestFrontend;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Knative (KServe serverless) routing: the client connects to the ingress gateway's address but
 * names the InferenceService in the {@code Host} header (REST) or {@code :authority} (gRPC), which is
 * how the gateway picks the service. {@link ClientOptions.Builder#authority} sets that name, or
 * {@code INFERLINK_AUTHORITY} in configuration. Without configuration the "gateway" is the emulator
 * on 127.0.0.1, and the example prints the name that arrived there; with
 * {@code INFERLINK_ENDPOINT=kserve-v2+http://<gateway>:80} and {@code
 * INFERLINK_AUTHORITY=sklearn-iris.default.example.com} it calls that service.
 *
 * <p>Stateless: every run creates its own clients (and emulator) and closes them before returning.
 */
public final class KnativeHostRouting {
  /** The service name the emulated gateway is called with. */
  static final String SERVICE_HOST = "sklearn-iris.default.example.com";

  private KnativeHostRouting() {}

  /** Runs against the environment's configuration. */
  public static void main(String[] args) {
    run(System.getenv(), System.out);
  }

  /**
   * Calls {@code add_one} through each endpoint; returns per endpoint the name the server saw (the
   * emulator records it), or the configured authority when a real gateway is called.
   */
  public static Map<String, String> run(Map<String, String> environment, PrintStream out) {
    Map<String, String> seen = new LinkedHashMap<>();
    try (ExampleServer server = ExampleServer.fromEnvironment(environment,
        emulator -> emulator.frontend(new OipRestFrontend()).frontend(new OipGrpcFrontend()))) {
      ClientOptions options = server.isEmulated() ? server.options().toBuilder().authority(SERVICE_HOST).build()
          : server.options();
      for (String endpoint : server.endpoints("kserve-v2+http", "kserve-v2+grpc")) {
        String callId = "knative-example-" + seen.size();
        try (InferenceClient client = InferenceClient.create(endpoint,
            options.toBuilder().header(KitContract.CALL_ID_HEADER, callId).build())) {
          float[] y = client.infer(InferenceRequest.builder("add_one")
              .input(Tensor.ofFloats("x", new float[] {41f}, 1)).build()).output("y").toFloatArray();
          String name = server.isEmulated() ? arrivedName(server, endpoint, callId) : options.authority();
          seen.put(endpoint, name);
          out.printf("%s with authority %s -> y = %s, the server saw %s%n", endpoint, options.authority(),
              Arrays.toString(y), name);
        }
      }
    }
    return seen;
  }

  private static String arrivedName(ExampleServer server, String endpoint, String callId) {
    Map<String, String> headers = server.emulator().recorder().headersOfCall(callId, Duration.ofSeconds(5))
        .orElseThrow(() -> new IllegalStateException("the emulator never saw call " + callId));
    return endpoint.startsWith("kserve-v2+grpc") ? headers.get(":authority") : headers.get("host");
  }
}
