package io.inferlink.cli;

import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import java.util.List;

/**
 * The application code of the demo: it classifies flowers through whatever {@link InferenceClient}
 * it is given and never mentions a protocol. Switching vendor changes the endpoint string that
 * creates the client, not this class. Stateless and thread-safe.
 */
public final class IrisApplication {
  private static final float[][] FLOWERS = {{5.1f, 3.5f, 1.4f, 0.2f}, {6.7f, 3.0f, 5.2f, 2.3f}, {5.9f, 3.0f, 4.2f, 1.5f}};

  private IrisApplication() {}

  /** Classifies three flowers with the {@code classifier} model and returns their labels. */
  public static List<String> classify(InferenceClient client) {
    float[] flat = new float[FLOWERS.length * 4];
    for (int i = 0; i < FLOWERS.length; i++) {
      System.arraycopy(FLOWERS[i], 0, flat, i * 4, 4);
    }
    InferenceResponse response = client.infer(InferenceRequest.builder(ModelRef.of("classifier"))
        .input(Tensor.ofFloats("x", flat, FLOWERS.length, 4))
        .build());
    return response.output("label").toStringList();
  }
}
