package io.inferlink.examples;

import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.emulator.oip.OipGrpcFrontend;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many requests in flight at once, each a two-stage pipeline composed from {@link CompletableFuture}s:
 * {@code add_one} (standing in for a preprocessing model) feeds its output to {@code classifier}, with
 * {@code thenCompose}, so no thread waits between the stages. A semaphore keeps at most
 * {@value #WINDOW} pipelines in flight (backpressure: the loop blocks instead of queueing without
 * bound), and {@code allOf} joins them. One client serves every call: clients are thread-safe and
 * multiplex. Without configuration it runs on the emulator's gRPC frontend; with {@code
 * INFERLINK_ENDPOINT} against any server hosting the two models.
 *
 * <p>Stateless: every run creates its own clients (and emulator) and closes them before returning.
 */
public final class AsyncPipelining {
  /** How many flowers go through the pipeline. */
  static final int REQUESTS = 200;
  /** How many pipelines may be in flight at once. */
  static final int WINDOW = 32;

  /** How many of each label came out, and the most pipelines seen in flight at once. */
  public record Result(int completed, Map<String, Integer> labelCounts, int maxInFlight) {}

  private AsyncPipelining() {}

  /** Runs against the environment's configuration. */
  public static void main(String[] args) {
    run(System.getenv(), System.out);
  }

  /** The {@code i}-th flower: the three examples' flowers in turn, with a sepal length that drifts. */
  static float[] flower(int i) {
    float[] x = FlowerLabels.FLOWERS[i % FlowerLabels.FLOWERS.length].clone();
    x[0] += (i % 7) * 0.5f;
    return x;
  }

  /** Pipelines {@value #REQUESTS} flowers with at most {@value #WINDOW} in flight. */
  public static Result run(Map<String, String> environment, PrintStream out) {
    try (ExampleServer server = ExampleServer.fromEnvironment(environment,
            emulator -> emulator.frontend(new OipGrpcFrontend()));
        InferenceClient client = InferenceClient.create(server.endpoint("kserve-v2+grpc"), server.options())) {
      Semaphore window = new Semaphore(WINDOW);
      AtomicInteger inFlight = new AtomicInteger();
      AtomicInteger maxInFlight = new AtomicInteger();
      long start = System.nanoTime();
      List<CompletableFuture<String>> labels = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        window.acquireUninterruptibly();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        labels.add(pipeline(client, flower(i)).whenComplete((label, error) -> {
          inFlight.decrementAndGet();
          window.release();
        }));
      }
      CompletableFuture.allOf(labels.toArray(new CompletableFuture<?>[0])).orTimeout(2, TimeUnit.MINUTES).join();
      Map<String, Integer> counts = new TreeMap<>();
      labels.forEach(f -> counts.merge(f.join(), 1, Integer::sum));
      out.printf("%d pipelines (add_one -> classifier) in %.0f ms, at most %d in flight: %s%n", labels.size(),
          (System.nanoTime() - start) / 1e6, maxInFlight.get(), counts);
      return new Result(labels.size(), counts, maxInFlight.get());
    }
  }

  /** One flower through both models; the second call starts when the first answers. */
  static CompletableFuture<String> pipeline(InferenceClient client, float[] flower) {
    InferenceRequest preprocess = InferenceRequest.builder("add_one").input(Tensor.ofFloats("x", flower, 1, 4)).build();
    return client.inferAsync(preprocess)
        .thenCompose(shifted -> client.inferAsync(InferenceRequest.builder("classifier")
            .input(shifted.output("y").withName("x")).build()))
        .thenApply(classified -> classified.output("label").toStringList().get(0));
  }
}
