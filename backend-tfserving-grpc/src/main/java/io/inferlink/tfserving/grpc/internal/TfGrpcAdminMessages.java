package io.inferlink.tfserving.grpc.internal;

import io.inferlink.protos.internal.tensorflow.serving.FileSystemStoragePathSourceConfig.ServableVersionPolicy;
import io.inferlink.protos.internal.tensorflow.serving.InferenceResult;
import io.inferlink.protos.internal.tensorflow.serving.InferenceTask;
import io.inferlink.protos.internal.tensorflow.serving.ModelConfig;
import io.inferlink.protos.internal.tensorflow.serving.ModelConfigList;
import io.inferlink.protos.internal.tensorflow.serving.ModelServerConfig;
import io.inferlink.protos.internal.tensorflow.serving.MultiInferenceRequest;
import io.inferlink.protos.internal.tensorflow.serving.MultiInferenceResponse;
import io.inferlink.protos.internal.tensorflow.serving.ReloadConfigRequest;
import io.inferlink.protos.internal.tensorflow.serving.ReloadConfigResponse;
import io.inferlink.tfserving.ExampleInput;
import io.inferlink.tfserving.grpc.ModelConfigEntry;
import io.inferlink.tfserving.grpc.MultiInferenceResult;
import io.inferlink.tfserving.grpc.MultiInferenceTask;
import io.inferlink.tfserving.grpc.ReloadResult;
import java.util.ArrayList;
import java.util.List;

/** The messages of multi-inference and config reload. */
final class TfGrpcAdminMessages {
  private TfGrpcAdminMessages() {}

  static MultiInferenceRequest multiInference(List<MultiInferenceTask> tasks, ExampleInput input) {
    MultiInferenceRequest.Builder b = MultiInferenceRequest.newBuilder().setInput(TfGrpcMessages.input(input));
    for (MultiInferenceTask t : tasks) {
      b.addTasks(InferenceTask.newBuilder().setModelSpec(TfGrpcMessages.modelSpec(t.model(), t.signatureName()))
          .setMethodName(t.method().methodName()));
    }
    return b.build();
  }

  static List<MultiInferenceResult> results(MultiInferenceResponse response) {
    List<MultiInferenceResult> out = new ArrayList<>();
    for (InferenceResult r : response.getResultsList()) {
      String name = r.getModelSpec().getName();
      String version = TfGrpcMessages.version(r.getModelSpec());
      if (r.hasClassificationResult()) {
        out.add(new MultiInferenceResult(name, version, MultiInferenceTask.Method.CLASSIFY,
            TfGrpcMessages.classifications(r.getClassificationResult()), List.of()));
      } else {
        out.add(new MultiInferenceResult(name, version, MultiInferenceTask.Method.REGRESS,
            List.of(), TfGrpcMessages.regressions(r.getRegressionResult())));
      }
    }
    return List.copyOf(out);
  }

  static ReloadConfigRequest reload(List<ModelConfigEntry> models) {
    ModelConfigList.Builder list = ModelConfigList.newBuilder();
    for (ModelConfigEntry m : models) {
      list.addConfig(ModelConfig.newBuilder().setName(m.name()).setBasePath(m.basePath())
          .setModelPlatform(m.platform()).putAllVersionLabels(m.versionLabels())
          .setModelVersionPolicy(policy(m.versionPolicy())));
    }
    return ReloadConfigRequest.newBuilder().setConfig(ModelServerConfig.newBuilder().setModelConfigList(list)).build();
  }

  private static ServableVersionPolicy policy(ModelConfigEntry.VersionPolicy p) {
    switch (p.kind()) {
      case ALL:
        return ServableVersionPolicy.newBuilder().setAll(ServableVersionPolicy.All.getDefaultInstance()).build();
      case SPECIFIC:
        return ServableVersionPolicy.newBuilder()
            .setSpecific(ServableVersionPolicy.Specific.newBuilder().addAllVersions(p.versions())).build();
      default:
        return ServableVersionPolicy.newBuilder()
            .setLatest(ServableVersionPolicy.Latest.newBuilder().setNumVersions(p.latestCount())).build();
    }
  }

  static ReloadResult result(ReloadConfigResponse response) {
    return new ReloadResult(response.getStatus().getErrorCode().name(), response.getStatus().getErrorMessage());
  }
}
