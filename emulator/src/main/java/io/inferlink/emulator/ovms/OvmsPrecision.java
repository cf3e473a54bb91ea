package io.inferlink.emulator.ovms;

import io.inferlink.DataType;
import io.inferlink.ModelMetadata;
import io.inferlink.TensorSpec;
import io.inferlink.emulator.ResolvedModel;
import java.util.Optional;

/**
 * OVMS's precision rule (PROTOCOLS.md §4.4): an input's element type must be exactly the model's
 * (no conversion), else INVALID_ARGUMENT {@code Invalid input precision}. Inputs the model does not
 * declare are left to the frontend behind. Stateless.
 */
final class OvmsPrecision {
  private OvmsPrecision() {}

  /** Checks one input given by its KServe datatype name. */
  static void check(ResolvedModel target, String input, String datatype) {
    spec(target, input).ifPresent(spec -> {
      if (!spec.dtype().wireName().equals(datatype)) {
        throw OvmsError.invalid(OvmsError.INVALID_PRECISION + " of input " + input + " - Expected: "
            + spec.dtype().wireName() + "; Actual: " + datatype);
      }
    });
  }

  /** Checks one input given by its TensorFlow {@code DT_*} name. */
  static void checkTf(ResolvedModel target, String input, String tfType) {
    spec(target, input).ifPresent(spec -> {
      if (!tfName(spec.dtype()).equals(tfType)) {
        throw OvmsError.invalid(OvmsError.INVALID_PRECISION + " of input " + input + " - Expected: "
            + tfName(spec.dtype()) + "; Actual: " + tfType);
      }
    });
  }

  private static Optional<TensorSpec> spec(ResolvedModel target, String input) {
    ModelMetadata metadata = target.model().metadata(target.version());
    return metadata.input(input);
  }

  private static String tfName(DataType dtype) {
    switch (dtype) {
      case FP32: return "DT_FLOAT";
      case FP64: return "DT_DOUBLE";
      case FP16: return "DT_HALF";
      case BF16: return "DT_BFLOAT16";
      case BYTES: return "DT_STRING";
      default: return "DT_" + dtype.name();
    }
  }
}
