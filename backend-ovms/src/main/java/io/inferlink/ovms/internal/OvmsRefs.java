package io.inferlink.ovms.internal;

import io.inferlink.InferenceRequest;
import io.inferlink.ModelRef;
import io.inferlink.UnsupportedFeatureException;

/**
 * OVMS's reading of a {@link ModelRef}, applied before anything is sent. Version {@code 0} means the
 * latest version to OVMS, so it is sent as no version at all, which every OVMS API reads the same way
 * (and model status then asks about the model, not a version 0 that cannot exist). Labels are parsed
 * by OVMS but ignored ("model_version_label currently is not in use"): a labelled call would silently
 * reach the default version, so it is refused. Stateless.
 */
final class OvmsRefs {
  private OvmsRefs() {}

  /** The reference as sent to OVMS. */
  static ModelRef toOvms(ModelRef model, String provider) {
    if (model.hasLabel()) {
      throw new UnsupportedFeatureException(provider + " cannot address model " + model + " by label: OVMS ignores"
          + " version labels and would answer with the model's default version; name the version number instead");
    }
    if (model.hasVersion() && isZero(model.version())) {
      return ModelRef.of(model.name());
    }
    return model;
  }

  /** The request with its model reference as sent to OVMS (the same object when nothing changes). */
  static InferenceRequest toOvms(InferenceRequest request, String provider) {
    ModelRef ref = toOvms(request.model(), provider);
    if (ref.equals(request.model())) {
      return request;
    }
    InferenceRequest.Builder b = InferenceRequest.builder(ref).inputs(request.inputs().values())
        .id(request.id()).signatureName(request.signatureName()).timeout(request.timeout());
    b.requestOutputs(request.requestedOutputs().toArray(new String[0]));
    request.parameters().forEach(b::parameter);
    return b.build();
  }

  private static boolean isZero(String version) {
    return version.chars().allMatch(c -> c == '0');
  }
}
