package io.inferlink.emulator;

import io.inferlink.DataType;
import io.inferlink.ModelMetadata;
import io.inferlink.Tensor;
import java.util.List;

/** {@link KitContract#IDENTITY}: returns its inputs unchanged. Stateless and thread-safe. */
final class IdentityModel implements ScriptedModel {
  private static final List<io.inferlink.TensorSpec> SPECS = specs();
  private static final ModelMetadata METADATA = ModelInputs.metadata(KitContract.IDENTITY, List.of("1"), SPECS, SPECS);

  private static List<io.inferlink.TensorSpec> specs() {
    List<io.inferlink.TensorSpec> specs = new java.util.ArrayList<>();
    KitContract.IDENTITY_TENSORS.forEach((name, dtype) -> specs.add(ModelInputs.spec(name, dtype, -1)));
    return List.copyOf(specs);
  }

  @Override
  public String name() {
    return KitContract.IDENTITY;
  }

  @Override
  public ModelMetadata metadata(String version) {
    return METADATA;
  }

  @Override
  public List<Tensor> infer(ModelCall call) {
    // Tensors are immutable, so handing the inputs back is byte-identical by construction.
    return List.copyOf(call.inputs().values());
  }
}
