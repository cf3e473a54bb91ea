package io.inferlink.modulepath;

import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.spi.InferenceClientProvider;
import java.util.Arrays;
import java.util.ServiceLoader;

/**
 * The child JVM's program (class path, with every library on the module path): prints where the API
 * lives, every provider {@link ServiceLoader} finds with its module, and one {@code add_one} answer per
 * endpoint given as an argument, one fact per line for {@link ModulePathTest}. Not thread-safe (a main).
 */
public final class ModulePathProbe {
  private ModulePathProbe() {}

  public static void main(String[] endpoints) {
    System.out.println("api-module " + InferenceClient.class.getModule().getName());
    for (InferenceClientProvider p : ServiceLoader.load(InferenceClientProvider.class)) {
      System.out.println("provider " + p.getClass().getName() + " " + p.getClass().getModule().getName());
    }
    for (String endpoint : endpoints) {
      InferenceRequest request = InferenceRequest.builder("add_one")
          .inputs(Tensor.ofFloats("x", new float[] {1f}, 1, 1)).build();
      try (InferenceClient client = InferenceClient.create(endpoint)) {
        float[] y = client.infer(request).output("y").toFloatArray();
        System.out.println("answer " + endpoint + " " + Arrays.toString(y));
      }
    }
  }
}
