package io.inferlink.testcontainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * PyTriton mode for real: the local image {@value #IMAGE} (nvidia-pytriton 0.7.0, Triton 2.51.0) runs this
 * test's {@code pytriton/add_one.py} with host networking; the ports and loopback addresses reach Triton only
 * through PyTriton's {@code PYTRITON_TRITON_CONFIG_*} variables, and the wait is on the model, which PyTriton
 * binds after Triton is up. Skipped with one printed line where Docker or the image is missing.
 */
@RequiresDocker(images = TritonServerContainerIT.IMAGE)
class TritonServerContainerIT {
  static final String IMAGE = "inferlink/pytriton:0.7.0";

  @Test
  void aPyTritonScriptServesOnTheChosenLoopbackPorts() {
    DockerImageName image = DockerImageName.parse(IMAGE).asCompatibleSubstituteFor(TritonServerContainer.IMAGE);
    try (TritonServerContainer triton = new TritonServerContainer(image)
        .withHostNetwork()
        .withPyTritonScript(MountableFile.forClasspathResource("pytriton/add_one.py"))
        .waitingForModel("add_one")
        .withStartupTimeout(Duration.ofSeconds(120))) {
      triton.start();

      assertEquals(2, triton.endpoints().size());
      for (String endpoint : triton.endpoints()) {
        assertTrue(endpoint.contains("://127.0.0.1:"), endpoint);
        try (InferenceClient client = InferenceClient.create(endpoint)) {
          Tensor y = client.infer(InferenceRequest.builder(ModelRef.of("add_one"))
              .input(Tensor.ofFloats("x", new float[] {1f, 2.5f, -4f}, 1, 3))
              .build()).output("y");
          assertArrayEquals(new float[] {2f, 3.5f, -3f}, y.toFloatArray(), endpoint);
        }
      }
    }
  }
}
