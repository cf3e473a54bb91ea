package io.inferlink.emulator;

import io.inferlink.ModelMetadata;
import io.inferlink.Tensor;
import io.inferlink.TensorSpec;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** A single-version model computed by a function; thread-safe when the function is. */
final class FunctionModel implements ScriptedModel {
  private final ModelMetadata metadata;
  private final Function<ModelCall, List<Tensor>> compute;

  FunctionModel(String name, List<TensorSpec> inputs, List<TensorSpec> outputs,
      Function<ModelCall, List<Tensor>> compute) {
    this.metadata = new ModelMetadata(name, List.of("1"), "inferlink-script", inputs, outputs);
    this.compute = Objects.requireNonNull(compute, "compute");
  }

  @Override
  public String name() {
    return metadata.name();
  }

  @Override
  public ModelMetadata metadata(String version) {
    return metadata;
  }

  @Override
  public List<Tensor> infer(ModelCall call) {
    return compute.apply(call);
  }
}
