package io.inferlink.emulator;

import io.inferlink.DataType;
import io.inferlink.ModelMetadata;
import io.inferlink.Tensor;
import io.inferlink.TensorSpec;
import java.util.Arrays;
import java.util.List;

/** Input checks shared by the built-in models, with the messages their contracts promise. Stateless. */
final class ModelInputs {
  /** The platform string in the built-ins' metadata. */
  static final String PLATFORM = "inferlink-script";

  private ModelInputs() {}

  /** The input {@code name} of type {@code dtype}, or INVALID_ARGUMENT naming what is wrong. */
  static Tensor require(ModelCall call, String name, DataType dtype) {
    Tensor t = call.inputs().get(name);
    if (t == null) {
      throw ScriptedFailure.invalidArgument(
          call.modelName() + ": missing input '" + name + "'; got " + call.inputs().keySet());
    }
    if (t.dtype() != dtype) {
      throw ScriptedFailure.invalidArgument(call.modelName() + ": input '" + name + "' must be "
          + dtype.wireName() + ", got " + t.dtype().wireName());
    }
    return t;
  }

  /** INVALID_ARGUMENT when the call has an input other than {@code allowed}. */
  static void onlyThese(ModelCall call, String... allowed) {
    List<String> names = Arrays.asList(allowed);
    for (String n : call.inputs().keySet()) {
      if (!names.contains(n)) {
        throw ScriptedFailure.invalidArgument(
            call.modelName() + ": unexpected input '" + n + "'; the model takes " + names);
      }
    }
  }

  /** INVALID_ARGUMENT unless the tensor holds exactly one element. */
  static void singleElement(ModelCall call, Tensor t) {
    if (t.elementCount() != 1) {
      throw ScriptedFailure.invalidArgument(call.modelName() + ": input '" + t.name()
          + "' must hold exactly one element, got shape " + Arrays.toString(t.shape()));
    }
  }

  /** A spec, shorter to write. */
  static TensorSpec spec(String name, DataType dtype, long... shape) {
    return new TensorSpec(name, dtype, shape);
  }

  /** Metadata of a built-in. */
  static ModelMetadata metadata(String name, List<String> versions, List<TensorSpec> inputs,
      List<TensorSpec> outputs) {
    return new ModelMetadata(name, versions, PLATFORM, inputs, outputs);
  }
}
