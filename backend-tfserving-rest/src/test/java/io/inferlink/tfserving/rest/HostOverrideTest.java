package io.inferlink.tfserving.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.tfserving.TfServingRestFrontend;
import io.inferlink.testkit.KitModels;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Knative/Istio routing: the authority option reaches the server as Host while the socket goes to the endpoint. */
class HostOverrideTest {

  @Test
  void theEmulatorSeesTheOverriddenHost() {
    try (Emulator emulator = Emulator.builder().frontend(new TfServingRestFrontend()).build().start();
        InferenceClient client = InferenceClient.create(emulator.endpoint("tfserving+http"), ClientOptions.builder()
            .authority("flower-sample.default.example.com").header(KitModels.CALL_ID_HEADER, "host-override").build())) {
      client.infer(InferenceRequest.builder(KitModels.ADD_ONE).input(Tensor.ofFloats("x", new float[] {1f}, 1)).build());
      Map<String, String> headers = emulator.recorder().headersOfCall("host-override", Duration.ofSeconds(5)).orElseThrow();
      assertEquals("flower-sample.default.example.com", headers.get("host"));
    }
  }
}
