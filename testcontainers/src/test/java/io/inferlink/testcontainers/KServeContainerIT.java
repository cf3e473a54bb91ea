package io.inferlink.testcontainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * A real KServe 0.21.0 model server in a container (the local image {@value #IMAGE}, which has kserve
 * installed), started with host networking and a predictor script of this test's own
 * ({@code kserve/add_one_predictor.py}), called through {@code InferenceClient} over every endpoint the
 * container hands out, then stopped. Skipped with one printed line where Docker or the image is missing
 * (failed instead with {@code REQUIRE_DOCKER=true}).
 */
@RequiresDocker(images = KServeContainerIT.IMAGE)
class KServeContainerIT {
  static final String IMAGE = "inferlink/kserve:0.21.0";

  @Test
  void aScriptedPredictorAnswersOnTheV1V2RestAndV2GrpcEndpoints() {
    DockerImageName image = DockerImageName.parse(IMAGE).asCompatibleSubstituteFor(KServeContainer.IMAGE);
    try (KServeContainer kserve = new KServeContainer(image)
        .withHostNetwork()
        .withPythonScript(MountableFile.forClasspathResource("kserve/add_one_predictor.py"), "--max-seconds", "300")
        .withStartupTimeout(Duration.ofSeconds(90))) {
      kserve.start();

      List<String> endpoints = kserve.endpoints();
      assertEquals(List.of(kserve.kserveV1HttpEndpoint(), kserve.kserveV2HttpEndpoint(), kserve.kserveV2GrpcEndpoint()),
          endpoints);
      for (String endpoint : endpoints) {
        assertTrue(endpoint.contains("://127.0.0.1:"), endpoint);
        try (InferenceClient client = InferenceClient.create(endpoint)) {
          InferenceResponse answer = client.infer(InferenceRequest.builder(ModelRef.of("add_one"))
              .input(Tensor.ofFloats("x", new float[] {1f, 2.5f, -4f}, 1, 3))
              .build());
          Tensor y = answer.firstOutput();
          assertArrayEquals(new long[] {1, 3}, y.shape(), endpoint);
          assertArrayEquals(new float[] {2f, 3.5f, -3f}, y.toFloatArray(), endpoint);
          if (!endpoint.startsWith("kserve-v1+")) {
            assertTrue(client.modelReady(ModelRef.of("add_one")), endpoint);
          }
        }
      }
    }
  }
}
