package io.inferlink.examples;

import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import java.util.List;

/**
 * Application code of the examples: it names three iris flowers through whatever {@link
 * InferenceClient} it is given and never mentions a protocol, so changing vendor never touches it.
 * Stateless and thread-safe.
 */
public final class FlowerLabels {
  /** Sepal length and width, petal length and width (cm) of a setosa, a virginica and a versicolor. */
  static final float[][] FLOWERS = {{5.1f, 3.5f, 1.4f, 0.2f}, {6.7f, 3.0f, 5.2f, 2.3f}, {5.9f, 3.0f, 4.2f, 1.5f}};

  private FlowerLabels() {}

  /** The labels the {@code classifier} model gives the three flowers, in order. */
  public static List<String> of(InferenceClient client) {
    float[] rows = new float[FLOWERS.length * 4];
    for (int i = 0; i < FLOWERS.length; i++) {
      System.arraycopy(FLOWERS[i], 0, rows, i * 4, 4);
    }
    return client.infer(InferenceRequest.builder(ModelRef.of("classifier"))
            .input(Tensor.ofFloats("x", rows, FLOWERS.length, 4))
            .build())
        .output("label").toStringList();
  }
}
