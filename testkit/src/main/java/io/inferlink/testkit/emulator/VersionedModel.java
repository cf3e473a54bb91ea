package io.inferlink.testkit.emulator;

import io.inferlink.DataType;
import io.inferlink.ModelMetadata;
import io.inferlink.Tensor;
import io.inferlink.testkit.KitModels;
import java.util.List;
import java.util.Map;

/** {@link KitModels#VERSIONED}: two versions and two labels; answers which version ran. Thread-safe. */
final class VersionedModel implements ScriptedModel {
  private static final ModelMetadata METADATA = ModelInputs.metadata(KitModels.VERSIONED, KitModels.VERSIONS,
      List.of(ModelInputs.spec(KitModels.VERSIONED_INPUT, DataType.FP32, -1)),
      List.of(ModelInputs.spec(KitModels.VERSIONED_OUTPUT, DataType.INT64, 1)));

  @Override
  public String name() {
    return KitModels.VERSIONED;
  }

  @Override
  public List<String> versions() {
    return KitModels.VERSIONS;
  }

  @Override
  public Map<String, String> labels() {
    return Map.of(KitModels.LABEL_STABLE, "1", KitModels.LABEL_CANARY, "2");
  }

  @Override
  public ModelMetadata metadata(String version) {
    return METADATA;
  }

  @Override
  public List<Tensor> infer(ModelCall call) {
    ModelInputs.require(call, KitModels.VERSIONED_INPUT, DataType.FP32);
    ModelInputs.onlyThese(call, KitModels.VERSIONED_INPUT);
    return List.of(Tensor.ofLongs(KitModels.VERSIONED_OUTPUT, new long[] {Long.parseLong(call.version())}, 1));
  }
}
