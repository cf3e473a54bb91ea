package io.inferlink.ovms;

import io.inferlink.DataType;
import io.inferlink.ModelMetadata;
import io.inferlink.Tensor;
import io.inferlink.TensorSpec;
import io.inferlink.emulator.ModelCall;
import io.inferlink.emulator.ScriptedModel;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** An identity model whose only version is still loading until {@link #finish()}: OVMS's "not loaded yet". */
final class LoadingModel implements ScriptedModel {
  static final String NAME = "loading";
  private final AtomicBoolean ready = new AtomicBoolean();

  void finish() {
    ready.set(true);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ModelMetadata metadata(String version) {
    List<TensorSpec> x = List.of(new TensorSpec("x", DataType.FP32, new long[] {-1}));
    return new ModelMetadata(NAME, List.of("1"), "test", x, x);
  }

  @Override
  public boolean isReady(String version) {
    return ready.get();
  }

  @Override
  public List<Tensor> infer(ModelCall call) {
    return List.copyOf(call.inputs().values());
  }
}
