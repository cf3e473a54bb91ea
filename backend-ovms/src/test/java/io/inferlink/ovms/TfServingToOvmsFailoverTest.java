package io.inferlink.ovms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.ovms.OvmsFrontends;
import io.inferlink.emulator.ovms.OvmsRelease;
import io.inferlink.emulator.tfserving.TfServingGrpcFrontend;
import io.inferlink.interceptor.RetryPolicy;
import io.inferlink.routing.EndpointGroup;
import io.inferlink.routing.EndpointStatus;
import io.inferlink.testkit.KitModels;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The vendor switch at run time: a TF Serving gRPC primary with an OVMS fallback (KServe API over gRPC), one client
 * over two protocols of two vendors. While TF Serving serves, OVMS gets nothing; once it is gone, every call goes
 * to OVMS and none fails.
 */
class TfServingToOvmsFailoverTest {

  // Idempotent, as an identity model is: a call that meets TF Serving while it shuts down may have reached it
  // (grpc-java: "Connection closed after GOAWAY", outcome unknown), and only an idempotent call may go again.
  private static InferenceRequest identity() {
    return InferenceRequest.builder(KitModels.IDENTITY).idempotent(true)
        .input(Tensor.ofFloats(KitModels.IDENTITY_TENSOR, new float[] {1f, 2f, 3f}, 3)).build();
  }

  @Test
  void aTfServingPrimaryFailsOverToAnOvmsFallbackWithoutAFailedCall() {
    OvmsFrontends ovms = OvmsFrontends.of(OvmsRelease.V2026_2);
    try (Emulator tfServing = Emulator.builder().frontend(new TfServingGrpcFrontend()).build().start();
        Emulator fallback = Emulator.builder().frontend(ovms.grpc()).build().start()) {
      ClientOptions options = ClientOptions.builder().healthCheckInterval(Duration.ZERO)
          .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), 2.0))
          .fallbackEndpoints(fallback.endpoint("ovms+grpc")).build();
      try (InferenceClient client = InferenceClient.create(tfServing.endpoint("tfserving+grpc"), options)) {
        assertEquals("tfserving-grpc", client.providerName(), "the group is named after its primary");
        for (int i = 0; i < 10; i++) {
          assertArrayEquals(new float[] {1f, 2f, 3f},
              client.infer(identity()).output(KitModels.IDENTITY_TENSOR).toFloatArray());
        }
        assertEquals(0, fallback.recorder().recordedCalls(), "OVMS waits while TF Serving serves");
        tfServing.close();
        for (int i = 0; i < 10; i++) {
          assertArrayEquals(new float[] {1f, 2f, 3f},
              client.infer(identity()).output(KitModels.IDENTITY_TENSOR).toFloatArray());
        }
        List<EndpointStatus> members = client.unwrap(EndpointGroup.class).members();
        assertEquals(10, members.get(1).calls(), "OVMS answered the ten calls after the switch");
        assertEquals(1, members.get(1).tier());
        assertTrue(members.get(0).failures() >= 1);
      }
    }
  }
}
