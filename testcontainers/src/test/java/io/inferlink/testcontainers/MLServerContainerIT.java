package io.inferlink.testcontainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
 * MLServer for real: the local image {@value #IMAGE} (mlserver 1.7.1) runs {@code mlserver start /mnt/models}
 * on this test's {@code mlserver/add_one} folder (a custom runtime beside its {@code model-settings.json}) with
 * host networking; the ports and the loopback host reach MLServer only through its {@code MLSERVER_*}
 * variables. Both endpoints are called, the REST one with the options the container adds for MLServer.
 * Skipped with one printed line where Docker or the image is missing.
 */
@RequiresDocker(images = MLServerContainerIT.IMAGE)
class MLServerContainerIT {
  static final String IMAGE = "inferlink/mlserver:1.7.1";

  @Test
  void aCustomRuntimeAnswersOnTheRestAndGrpcEndpoints() {
    DockerImageName image = DockerImageName.parse(IMAGE).asCompatibleSubstituteFor(MLServerContainer.IMAGE);
    try (MLServerContainer mlserver = new MLServerContainer(image)
        .withHostNetwork()
        .withModel("add_one", MountableFile.forClasspathResource("mlserver/add_one"))
        .withEnv("MLSERVER_PARALLEL_WORKERS", "0") // one process: quicker to start on a 2-core machine
        .withStartupTimeout(Duration.ofSeconds(120))) {
      mlserver.start();

      for (String endpoint : mlserver.endpoints()) {
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
