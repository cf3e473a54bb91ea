package io.inferlink.emulator;

import io.inferlink.DataType;
import io.inferlink.ModelMetadata;
import io.inferlink.Tensor;
import java.time.Duration;
import java.util.List;

/** {@link KitContract#SLEEP}: waits, unless cancelled, then echoes its input. Stateless and thread-safe. */
final class SleepModel implements ScriptedModel {
  private static final ModelMetadata METADATA = ModelInputs.metadata(KitContract.SLEEP, List.of("1"),
      List.of(ModelInputs.spec(KitContract.SLEEP_TENSOR, DataType.INT64, 1)),
      List.of(ModelInputs.spec(KitContract.SLEEP_TENSOR, DataType.INT64, 1)));

  @Override
  public String name() {
    return KitContract.SLEEP;
  }

  @Override
  public ModelMetadata metadata(String version) {
    return METADATA;
  }

  @Override
  public List<Tensor> infer(ModelCall call) {
    Tensor millis = ModelInputs.require(call, KitContract.SLEEP_TENSOR, DataType.INT64);
    ModelInputs.onlyThese(call, KitContract.SLEEP_TENSOR);
    ModelInputs.singleElement(call, millis);
    long wait = millis.toLongArray()[0];
    if (wait < 0 || wait > KitContract.MAX_SLEEP_MILLIS) {
      throw ScriptedFailure.invalidArgument(KitContract.SLEEP + ": input '" + KitContract.SLEEP_TENSOR
          + "' must be between 0 and " + KitContract.MAX_SLEEP_MILLIS + ", got " + wait);
    }
    call.sleepUnlessCancelled(Duration.ofMillis(wait));
    return List.of(millis);
  }
}
