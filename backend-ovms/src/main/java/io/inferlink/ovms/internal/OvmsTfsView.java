package io.inferlink.ovms.internal;

import io.inferlink.InferenceClient;
import io.inferlink.ModelRef;
import io.inferlink.spi.support.PreparedCall;
import io.inferlink.tfserving.Classification;
import io.inferlink.tfserving.ExampleInput;
import io.inferlink.tfserving.ModelVersionStatus;
import io.inferlink.tfserving.TensorFlowServing;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@link TensorFlowServing} as OVMS has it on its TF Serving API: model status, with OVMS's reading
 * of references and failures; classify and regress are refused before sending, since OVMS never
 * implemented them (REST answers 404, gRPC UNIMPLEMENTED). Thread-safe.
 */
final class OvmsTfsView implements TensorFlowServing {
  private final OvmsClient client;
  private final TensorFlowServing wrapped;
  private final OvmsFailures failures;

  OvmsTfsView(OvmsClient client, TensorFlowServing wrapped, OvmsFailures failures) {
    this.client = client;
    this.wrapped = wrapped;
    this.failures = failures;
  }

  @Override
  public CompletableFuture<List<List<Classification>>> classifyAsync(ModelRef model, String signatureName,
      ExampleInput input) {
    return TensorFlowServing.unsupported(client.providerName(), "classify (OVMS has no Classify API)");
  }

  @Override
  public CompletableFuture<List<Float>> regressAsync(ModelRef model, String signatureName, ExampleInput input) {
    return TensorFlowServing.unsupported(client.providerName(), "regress (OVMS has no Regress API)");
  }

  @Override
  public CompletableFuture<List<ModelVersionStatus>> modelStatusAsync(ModelRef model) {
    return client.callExtension("model.status", model, true, () -> {
      failures.refuseIfTfsApiGone();
      ModelRef ref = OvmsRefs.toOvms(model, client.providerName());
      // Sent by this client's pipeline, with its interceptors' headers, not by the wrapped client's.
      PreparedCall<List<ModelVersionStatus>> status = OvmsClient.preparedExtension(() -> wrapped.modelStatusAsync(ref));
      return attempt -> failures.translate(status.send(attempt));
    });
  }

  @Override
  public void refreshMetadata(ModelRef model) {
    wrapped.refreshMetadata(model);
  }

  @Override
  public InferenceClient client() {
    return client;
  }
}
