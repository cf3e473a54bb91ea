package io.inferlink.allit;

import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import java.util.List;

/** The demo's call (inferlink demo, IrisApplication): three flowers through the {@code classifier} model. */
final class IrisCalls {
  /** What the emulator's classifier answers for {@link #FLOWERS}. */
  static final List<String> EXPECTED_LABELS = List.of("setosa", "virginica", "versicolor");

  private static final float[][] FLOWERS = {{5.1f, 3.5f, 1.4f, 0.2f}, {6.7f, 3.0f, 5.2f, 2.3f}, {5.9f, 3.0f, 4.2f, 1.5f}};

  private IrisCalls() {}

  static List<String> classify(InferenceClient client) {
    float[] flat = new float[FLOWERS.length * 4];
    for (int i = 0; i < FLOWERS.length; i++) {
      System.arraycopy(FLOWERS[i], 0, flat, i * 4, 4);
    }
    return client.infer(InferenceRequest.builder(ModelRef.of("classifier"))
        .input(Tensor.ofFloats("x", flat, FLOWERS.length, 4)).build())
        .output("label").toStringList();
  }
}
