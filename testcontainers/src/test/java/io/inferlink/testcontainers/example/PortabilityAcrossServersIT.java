package io.inferlink.testcontainers.example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.ModelNotFoundException;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.testcontainers.KServeContainer;
import io.inferlink.testcontainers.MLServerContainer;
import io.inferlink.testcontainers.RequiresDocker;
import io.inferlink.testcontainers.TritonServerContainer;
import io.inferlink.testcontainers.junit.InferenceMatrix;
import io.inferlink.testcontainers.junit.MatrixEndpoint;
import io.inferlink.testcontainers.junit.MatrixTest;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * What a user's portability test looks like: one model, {@code add_one} (FP32 {@code x} → {@code y = x + 1}),
 * deployed the way each server's docs deploy a model — a KServe predictor script, a PyTriton script, an
 * MLServer custom runtime in a model folder (test resources {@code kserve/}, {@code pytriton/},
 * {@code mlserver/}) — and the same test methods run against every endpoint each server hands out: seven
 * runs per method, named {@code [kserve] kserve-v1+http://127.0.0.1:…} and so on.
 *
 * <p>The images here are this repository's own ({@code realservers/docker.sh build} installs the servers from
 * PyPI; no registry is reachable from our CI machines), declared substitutes for the official ones, and the
 * containers use host networking because our Docker daemon has no bridge. A user with a registry writes
 * {@code new TritonServerContainer()} (the official image) and drops {@code withHostNetwork()}. Skipped with
 * one line where Docker or an image is missing; failed instead with {@code REQUIRE_DOCKER=true}.
 */
@RequiresDocker(images = {"inferlink/kserve:0.21.0", "inferlink/pytriton:0.7.0", "inferlink/mlserver:1.7.1"})
class PortabilityAcrossServersIT {
  private static final ModelRef ADD_ONE = ModelRef.of("add_one");
  private static final String MAX_SECONDS = "600"; // the scripts stop themselves even if nothing stops them

  static final KServeContainer KSERVE = new KServeContainer(local("inferlink/kserve:0.21.0", KServeContainer.IMAGE))
      .withHostNetwork()
      .withPythonScript(MountableFile.forClasspathResource("kserve/add_one_predictor.py"), "--max-seconds", MAX_SECONDS)
      .withStartupTimeout(Duration.ofSeconds(120));

  static final TritonServerContainer TRITON = new TritonServerContainer(
      local("inferlink/pytriton:0.7.0", TritonServerContainer.IMAGE))
      .withHostNetwork()
      .withPyTritonScript(MountableFile.forClasspathResource("pytriton/add_one.py"))
      .waitingForModel("add_one") // PyTriton binds its models after Triton reports ready
      .withStartupTimeout(Duration.ofSeconds(180));

  static final MLServerContainer MLSERVER = new MLServerContainer(local("inferlink/mlserver:1.7.1", MLServerContainer.IMAGE))
      .withHostNetwork()
      .withModel("add_one", MountableFile.forClasspathResource("mlserver/add_one"))
      .withEnv("MLSERVER_PARALLEL_WORKERS", "0") // models in the server process: quicker on 2 cores
      .withStartupTimeout(Duration.ofSeconds(180));

  @RegisterExtension
  static final InferenceMatrix MATRIX = InferenceMatrix.builder()
      .server("kserve", KSERVE, KServeContainer::kserveV1HttpEndpoint, KServeContainer::kserveV2HttpEndpoint,
          KServeContainer::kserveV2GrpcEndpoint)
      .server("triton", TRITON, TritonServerContainer::kserveV2HttpEndpoint, TritonServerContainer::kserveV2GrpcEndpoint)
      .server("mlserver", MLSERVER, MLServerContainer::kserveV2HttpEndpoint, MLServerContainer::kserveV2GrpcEndpoint)
      .startInParallel()
      .build();

  @MatrixTest
  void addsOneWhateverTheServer(InferenceClient client, MatrixEndpoint endpoint) {
    assertTrue(endpoint.endpoint().contains("://127.0.0.1:"), endpoint.redacted());
    Tensor y = client.infer(InferenceRequest.builder(ADD_ONE)
        .input(Tensor.ofFloats("x", new float[] {1f, 2.5f, -4f}, 1, 3))
        .build()).firstOutput(); // not output("y"): KServe V1 answers have no output names ("predictions")
    assertArrayEquals(new long[] {1, 3}, y.shape(), endpoint.redacted());
    assertArrayEquals(new float[] {2f, 3.5f, -3f}, y.toFloatArray(), endpoint.redacted());
  }

  @MatrixTest
  void reportsTheModelReady(InferenceClient client, MatrixEndpoint endpoint) {
    assertTrue(client.modelReady(ADD_ONE), endpoint.redacted());
  }

  @MatrixTest
  void refusesAModelItDoesNotServeWithTheSameException(InferenceClient client) {
    assertThrows(ModelNotFoundException.class, () -> client.infer(InferenceRequest.builder(ModelRef.of("no_such_model"))
        .input(Tensor.ofFloats("x", new float[] {1f}, 1, 1))
        .build()));
  }

  /** One of this repository's images, declared a stand-in for the official image the class is written for. */
  private static DockerImageName local(String image, DockerImageName official) {
    return DockerImageName.parse(image).asCompatibleSubstituteFor(official);
  }
}
