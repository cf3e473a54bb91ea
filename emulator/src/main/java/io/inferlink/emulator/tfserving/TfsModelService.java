package io.inferlink.emulator.tfserving;

import io.grpc.stub.StreamObserver;
import io.inferlink.ErrorCode;
import io.inferlink.protos.internal.tensorflow.serving.GetModelStatusRequest;
import io.inferlink.protos.internal.tensorflow.serving.GetModelStatusResponse;
import io.inferlink.protos.internal.tensorflow.serving.ModelConfig;
import io.inferlink.protos.internal.tensorflow.serving.ModelServerConfig;
import io.inferlink.protos.internal.tensorflow.serving.ModelServiceGrpc;
import io.inferlink.protos.internal.tensorflow.serving.ReloadConfigRequest;
import io.inferlink.protos.internal.tensorflow.serving.ReloadConfigResponse;
import io.inferlink.protos.internal.tensorflow.serving.StatusProto;
import java.util.function.Consumer;

/**
 * {@code tensorflow.serving.ModelService}: model status, and a reload that records the config it
 * gets and checks that the script has every model it names, but changes nothing (the script is
 * fixed). A failed reload is answered as TF Serving's {@code HandleReloadConfigRequest} does, with
 * the gRPC status of the failure; in body mode, as an OK call whose response carries the failure in
 * {@code status}. Thread-safe (stateless between calls; the sink is the frontend's).
 */
final class TfsModelService extends ModelServiceGrpc.ModelServiceImplBase {
  private final TfsGrpcCalls calls;
  private final TfsGrpcModelInfo info;
  private final Consumer<ModelServerConfig> reloads;
  private final boolean failuresInBody;

  TfsModelService(TfsGrpcCalls calls, Consumer<ModelServerConfig> reloads, boolean failuresInBody) {
    this.calls = calls;
    this.info = new TfsGrpcModelInfo(calls);
    this.reloads = reloads;
    this.failuresInBody = failuresInBody;
  }

  @Override
  public void getModelStatus(GetModelStatusRequest request, StreamObserver<GetModelStatusResponse> observer) {
    TfsGrpcReplies.answer(observer, () -> info.status(request));
  }

  @Override
  public void handleReloadConfigRequest(ReloadConfigRequest request, StreamObserver<ReloadConfigResponse> observer) {
    reloads.accept(request.getConfig());
    TfsError failure = check(request.getConfig());
    if (failure != null && !failuresInBody) {
      observer.onError(TfsGrpcReplies.status(failure.code(), failure.getMessage()));
      return;
    }
    StatusProto.Builder status = StatusProto.newBuilder().setErrorCodeValue(ErrorCode.OK.grpcCode());
    if (failure != null) {
      status.setErrorCodeValue(failure.code().grpcCode()).setErrorMessage(failure.getMessage());
    }
    observer.onNext(ReloadConfigResponse.newBuilder().setStatus(status).build());
    observer.onCompleted();
  }

  /** What TF's ServerCore would refuse in this config, or {@code null}. */
  private TfsError check(ModelServerConfig config) {
    if (config.getConfigCase() != ModelServerConfig.ConfigCase.MODEL_CONFIG_LIST) {
      return TfsError.invalid("ServerModelConfig type not supported by HandleReloadConfigRequest."
          + " Only ModelConfigList is currently supported");
    }
    for (ModelConfig model : config.getModelConfigList().getConfigList()) {
      if (calls.script().model(model.getName()).isEmpty()) {
        // What TF's file system source reports for a model it has no files of.
        return TfsError.notFound("Could not find base path " + model.getBasePath() + " for servable " + model.getName());
      }
    }
    return null;
  }
}
