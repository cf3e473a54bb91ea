package io.inferlink.emulator.tfserving;

import com.google.protobuf.Int64Value;
import io.inferlink.emulator.ResolvedModel;
import io.inferlink.protos.internal.tensorflow.serving.ModelSpec;

/**
 * {@code ModelSpec} both ways: the model version a request's spec names (version, label or latest,
 * with TF's messages through {@link TfsModels}), and the effective spec TF's {@code MakeModelSpec}
 * puts in responses. Stateless.
 */
final class TfsModelSpecs {
  private TfsModelSpecs() {}

  /** The version {@code spec} resolves to; INVALID_ARGUMENT {@code Missing ModelSpec} when there is none. */
  static ResolvedModel resolve(TfsModels models, boolean hasSpec, ModelSpec spec) {
    if (!hasSpec) {
      throw TfsError.invalid("Missing ModelSpec");
    }
    switch (spec.getVersionChoiceCase()) {
      case VERSION:
        return models.resolve(spec.getName(), Long.toString(spec.getVersion().getValue()), null);
      case VERSION_LABEL:
        return models.resolve(spec.getName(), null, spec.getVersionLabel());
      default:
        return models.resolve(spec.getName(), null, null);
    }
  }

  /** The signature a spec asks for: its {@code signature_name}, or {@code serving_default} when empty. */
  static String signature(ModelSpec spec) {
    return spec.getSignatureName().isEmpty() ? TfsModels.SIGNATURE : spec.getSignatureName();
  }

  /** Name, resolved version and signature, as predict, classify and regress answer. */
  static ModelSpec effective(ResolvedModel target, String signature) {
    return withoutSignature(target).toBuilder().setSignatureName(signature).build();
  }

  /** Name and resolved version only, as model metadata answers. */
  static ModelSpec withoutSignature(ResolvedModel target) {
    return ModelSpec.newBuilder()
        .setName(target.name())
        .setVersion(Int64Value.of(TfsModels.versionNumber(target.version())))
        .build();
  }
}
