package io.inferlink.emulator;

import io.inferlink.DataType;
import io.inferlink.ModelMetadata;
import io.inferlink.Tensor;
import java.util.List;

/**
 * {@link KitContract#ADD_ONE}: {@code y = x + 1} in float32; also regresses examples whose float
 * feature {@code x} has one value. Stateless and thread-safe.
 */
final class AddOneModel implements ScriptedModel {
  private static final ModelMetadata METADATA = ModelInputs.metadata(KitContract.ADD_ONE, List.of("1"),
      List.of(ModelInputs.spec(KitContract.ADD_ONE_INPUT, DataType.FP32, -1, -1)),
      List.of(ModelInputs.spec(KitContract.ADD_ONE_OUTPUT, DataType.FP32, -1, -1)));

  @Override
  public String name() {
    return KitContract.ADD_ONE;
  }

  @Override
  public ModelMetadata metadata(String version) {
    return METADATA;
  }

  @Override
  public List<Tensor> infer(ModelCall call) {
    Tensor x = ModelInputs.require(call, KitContract.ADD_ONE_INPUT, DataType.FP32);
    ModelInputs.onlyThese(call, KitContract.ADD_ONE_INPUT);
    float[] values = x.toFloatArray();
    for (int i = 0; i < values.length; i++) {
      values[i] += 1f;
    }
    return List.of(Tensor.ofFloats(KitContract.ADD_ONE_OUTPUT, values, x.shape()));
  }

  @Override
  public boolean regresses() {
    return true;
  }

  @Override
  public float[] regress(ModelCall call, List<Example> examples) {
    call.checkNotCancelled();
    float[] values = new float[examples.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = examples.get(i).floats(KitContract.ADD_ONE, KitContract.ADD_ONE_INPUT, 1)[0] + 1f;
    }
    return values;
  }
}
