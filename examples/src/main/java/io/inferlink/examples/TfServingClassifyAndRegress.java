package io.inferlink.examples;

import io.inferlink.InferenceClient;
import io.inferlink.ModelRef;
import io.inferlink.emulator.tfserving.TfServingGrpcFrontend;
import io.inferlink.emulator.tfserving.TfServingRestFrontend;
import io.inferlink.spi.Endpoint;
import io.inferlink.tfserving.Classification;
import io.inferlink.tfserving.Example;
import io.inferlink.tfserving.ExampleInput;
import io.inferlink.tfserving.ModelVersionStatus;
import io.inferlink.tfserving.TensorFlowServing;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TF Serving's Classify and Regress APIs, which take {@code tf.Example}s instead of tensors, through
 * the {@link TensorFlowServing} extension that {@code client.unwrap(...)} reaches on every
 * {@code tfserving+...} client: the {@code classifier} model scores two flowers, {@code add_one}
 * regresses two examples, and model status reports
 * the loaded version. Without configuration it runs on the emulator's REST and gRPC frontends; with
 * {@code INFERLINK_ENDPOINT} against that TF Serving.
 *
 * <p>Stateless: every run creates its own clients (and emulator) and closes them before returning.
 */
public final class TfServingClassifyAndRegress {
  /** What one endpoint answered. */
  public record Answers(String endpoint, List<String> bestClasses, List<Float> regressed, List<ModelVersionStatus> status) {}

  private TfServingClassifyAndRegress() {}

  /** Runs against the environment's configuration. */
  public static void main(String[] args) {
    run(System.getenv(), System.out);
  }

  /** Classifies, regresses and asks the model status on each endpoint. */
  public static List<Answers> run(Map<String, String> environment, PrintStream out) {
    List<Answers> all = new ArrayList<>();
    try (ExampleServer server = ExampleServer.fromEnvironment(environment,
        emulator -> emulator.frontend(new TfServingRestFrontend()).frontend(new TfServingGrpcFrontend()))) {
      for (String endpoint : server.endpoints("tfserving+http", "tfserving+grpc")) {
        try (InferenceClient client = InferenceClient.create(endpoint, server.options())) {
          all.add(ask(Endpoint.parse(endpoint).toString(), client.unwrap(TensorFlowServing.class), out));
        }
      }
    }
    return all;
  }

  private static Answers ask(String endpoint, TensorFlowServing tf, PrintStream out) {
    ExampleInput flowers = ExampleInput.of(
        Example.builder().floats("x", 5.1f, 3.5f, 1.4f, 0.2f).build(),
        Example.builder().floats("x", 6.7f, 3.0f, 5.2f, 2.3f).build());
    List<String> best = new ArrayList<>();
    for (List<Classification> classes : tf.classify(ModelRef.of("classifier"), null, flowers)) {
      Classification top = classes.stream().max((a, b) -> Float.compare(a.score(), b.score())).orElseThrow();
      best.add(top.label());
      out.printf("%s classify: %s (%.3f) among %s%n", endpoint, top.label(), top.score(), classes);
    }
    ExampleInput numbers = ExampleInput.of(Example.builder().floats("x", 1.5f).build(),
        Example.builder().floats("x", -4f).build());
    List<Float> regressed = tf.regress(ModelRef.of("add_one"), null, numbers);
    out.printf("%s regress x + 1: %s%n", endpoint, regressed);
    List<ModelVersionStatus> status = tf.modelStatus(ModelRef.of("add_one"));
    out.printf("%s status of add_one: %s%n", endpoint, status);
    return new Answers(endpoint, best, regressed, status);
  }
}
