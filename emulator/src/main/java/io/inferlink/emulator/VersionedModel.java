package io.inferlink.emulator;

import io.inferlink.DataType;
import io.inferlink.ModelMetadata;
import io.inferlink.Tensor;
import java.util.List;
import java.util.Map;

/** {@link KitContract#VERSIONED}: two versions and two labels; answers which version ran. Thread-safe. */
final class VersionedModel implements ScriptedModel {
  private static final ModelMetadata METADATA = ModelInputs.metadata(KitContract.VERSIONED, KitContract.VERSIONS,
      List.of(ModelInputs.spec(KitContract.VERSIONED_INPUT, DataType.FP32, -1)),
      List.of(ModelInputs.spec(KitContract.VERSIONED_OUTPUT, DataType.INT64, 1)));

  @Override
  public String name() {
    return KitContract.VERSIONED;
  }

  @Override
  public List<String> versions() {
    return KitContract.VERSIONS;
  }

  @Override
  public Map<String, String> labels() {
    return Map.of(KitContract.LABEL_STABLE, "1", KitContract.LABEL_CANARY, "2");
  }

  @Override
  public ModelMetadata metadata(String version) {
    return METADATA;
  }

  @Override
  public List<Tensor> infer(ModelCall call) {
    ModelInputs.require(call, KitContract.VERSIONED_INPUT, DataType.FP32);
    ModelInputs.onlyThese(call, KitContract.VERSIONED_INPUT);
    return List.of(Tensor.ofLongs(KitContract.VERSIONED_OUTPUT, new long[] {Long.parseLong(call.version())}, 1));
  }
}
