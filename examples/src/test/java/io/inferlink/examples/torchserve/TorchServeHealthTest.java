package io.inferlink.examples.torchserve;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.inferlink.DataType;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.ModelMetadata;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.TensorSpec;
import io.inferlink.UnavailableException;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.ModelCall;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ScriptedModel;
import io.inferlink.examples.torchserve.emulator.TorchServeFrontend;
import io.inferlink.examples.torchserve.emulator.TorchServeManagementFrontend;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A TorchServe whose model has no ready worker: alive but not ready (its ping answers 500
 * "Unhealthy"), the model not ready, and a prediction 503, which is retryable.
 */
class TorchServeHealthTest {

  /** A model that is never ready, as one whose workers are still loading. */
  private static final class Loading implements ScriptedModel {
    @Override
    public String name() {
      return "loading";
    }

    @Override
    public ModelMetadata metadata(String version) {
      TensorSpec x = new TensorSpec("x", DataType.FP32, new long[] {-1});
      return new ModelMetadata(name(), List.of("1"), "", List.of(x), List.of(x));
    }

    @Override
    public boolean isReady(String version) {
      return false;
    }

    @Override
    public List<Tensor> infer(ModelCall call) {
      throw new AssertionError("a model without a worker never runs");
    }
  }

  @Test
  void aModelWithoutReadyWorkersMakesTheServerAliveButNotReady() {
    ModelScript script = ModelScript.builder().addBuiltins().add(new Loading()).build();
    try (Emulator emulator = Emulator.builder().script(script).maxLifetime(Duration.ofMinutes(2))
        .frontend(new TorchServeFrontend()).frontend(new TorchServeManagementFrontend()).build().start();
        InferenceClient client = InferenceClient.create(emulator.endpoint("torchserve+http") + "?management-port="
            + emulator.port(TorchServeManagementFrontend.PROTOCOL))) {
      assertTrue(client.serverLive(), "the ping answered");
      assertFalse(client.serverReady(), "the ping said Unhealthy");
      assertFalse(client.modelReady(ModelRef.of("loading")));
      assertTrue(client.modelReady(ModelRef.of("add_one")));
      UnavailableException e = assertThrows(UnavailableException.class, () -> client.infer(
          InferenceRequest.builder("loading").input(Tensor.ofFloats("x", new float[] {1f}, 1)).build()));
      assertTrue(e.isRetryable());
      assertTrue(e.serverMessage().contains("has no worker"), e.serverMessage());
    }
  }
}
