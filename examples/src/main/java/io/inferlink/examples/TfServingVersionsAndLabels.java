package io.inferlink.examples;

import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.emulator.tfserving.TfServingGrpcFrontend;
import io.inferlink.emulator.tfserving.TfServingRestFrontend;
import io.inferlink.spi.Endpoint;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF Serving over REST and gRPC, addressing model versions and version labels: the same {@link
 * ModelRef}s go to {@code /v1/models/m/versions/1} and {@code /labels/stable} over REST and into
 * {@code ModelSpec.version} / {@code version_label} over gRPC. The {@code versioned} model answers with
 * the number of the version that ran. Without configuration it runs on the emulator's REST and gRPC
 * frontends; with {@code INFERLINK_ENDPOINT=tfserving+grpc://host:8500} (or {@code tfserving+http://
 * host:8501}) against that server, which must serve a model {@code versioned} with versions 1 and 2
 * and labels {@code stable} and {@code canary}.
 *
 * <p>Stateless: every run creates its own clients (and emulator) and closes them before returning.
 */
public final class TfServingVersionsAndLabels {
  /** The references the example asks for, latest first. */
  static final List<ModelRef> REFERENCES = List.of(ModelRef.of("versioned"), ModelRef.of("versioned", 1),
      ModelRef.of("versioned", 2), ModelRef.withLabel("versioned", "stable"), ModelRef.withLabel("versioned", "canary"));

  private TfServingVersionsAndLabels() {}

  /** Runs against the environment's configuration. */
  public static void main(String[] args) {
    run(System.getenv(), System.out);
  }

  /** Returns, per endpoint, the version that answered each reference ({@code "versioned@stable" -> 1}). */
  public static Map<String, Map<String, Long>> run(Map<String, String> environment, PrintStream out) {
    Map<String, Map<String, Long>> answered = new LinkedHashMap<>();
    try (ExampleServer server = ExampleServer.fromEnvironment(environment,
        emulator -> emulator.frontend(new TfServingRestFrontend()).frontend(new TfServingGrpcFrontend()))) {
      for (String endpoint : server.endpoints("tfserving+http", "tfserving+grpc")) {
        Map<String, Long> versions = new LinkedHashMap<>();
        try (InferenceClient client = InferenceClient.create(endpoint, server.options())) {
          for (ModelRef ref : REFERENCES) {
            InferenceResponse response = client.infer(InferenceRequest.builder(ref)
                .input(Tensor.ofFloats("x", new float[] {1f}, 1)).build());
            long version = response.output("version").getLong(0);
            versions.put(ref.toString(), version);
            out.printf("%-32s %-20s -> version %d%n", Endpoint.parse(endpoint), ref, version);
          }
        }
        answered.put(endpoint, versions);
      }
    }
    return answered;
  }
}
