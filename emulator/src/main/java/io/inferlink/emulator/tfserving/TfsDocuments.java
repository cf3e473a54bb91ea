package io.inferlink.emulator.tfserving;

import io.inferlink.ModelMetadata;
import io.inferlink.TensorSpec;
import io.inferlink.emulator.ResolvedModel;
import io.inferlink.emulator.ScriptedModel;
import java.util.List;

/**
 * The model status and model metadata documents of TF Serving's REST API (PROTOCOLS.md §1.6), in
 * the proto3 JSON TF prints: snake_case names, int64 as strings, every field present. Stateless.
 */
final class TfsDocuments {
  /** The method name of every scripted model's signature. */
  static final String PREDICT_METHOD = "tensorflow/serving/predict";

  private TfsDocuments() {}

  /**
   * {@code GetModelStatusResponse}: every numeric version (highest first), or only {@code version}.
   *
   * @param version a decimal version from the path, or {@code null} for all
   */
  static byte[] status(ScriptedModel model, String version) {
    List<String> versions = TfsModels.numericVersionsDescending(model);
    if (version != null) {
      long wanted = TfsModels.parseVersion(version);
      versions = versions.stream().filter(v -> TfsModels.versionNumber(v) == wanted).toList();
      if (versions.isEmpty()) {
        throw TfsError.notFound("Could not find version " + wanted + " of model " + model.name());
      }
    } else if (versions.isEmpty()) {
      throw TfsError.notFound("Could not find any versions of model " + model.name());
    }
    TfsJsonWriter w = new TfsJsonWriter().beginObject().key("model_version_status").beginArray();
    for (String v : versions) {
      w.beginObject()
          .key("version").string(Long.toString(TfsModels.versionNumber(v)))
          // A model that is not ready is reported as still loading, which is when TF has it unserved.
          .key("state").string(model.isReady(v) ? "AVAILABLE" : "LOADING")
          .key("status").beginObject()
          .key("error_code").string("OK")
          .key("error_message").string("")
          .endObject()
          .endObject();
    }
    return w.endArray().endObject().toBytes();
  }

  /** {@code GetModelMetadataResponse} with the {@code signature_def} field, as TF's REST handler writes it. */
  static byte[] metadata(ResolvedModel target) {
    ModelMetadata metadata = target.model().metadata(target.version());
    TfsJsonWriter w = new TfsJsonWriter().beginObject()
        .key("model_spec").beginObject()
        .key("name").string(target.name())
        .key("signature_name").string("")
        .key("version").string(Long.toString(TfsModels.versionNumber(target.version())))
        .endObject()
        // The field is a SignatureDefMap whose only field is again called signature_def.
        .key("metadata").beginObject()
        .key("signature_def").beginObject()
        .key("signature_def").beginObject()
        .key(TfsModels.SIGNATURE).beginObject();
    tensors(w.key("inputs"), metadata.inputs());
    tensors(w.key("outputs"), metadata.outputs());
    w.key("method_name").string(PREDICT_METHOD)
        .key("defaults").beginObject().endObject();
    return w.endObject().endObject().endObject().endObject().endObject().toBytes();
  }

  private static void tensors(TfsJsonWriter w, List<TensorSpec> specs) {
    w.beginObject();
    for (TensorSpec spec : specs) {
      w.key(spec.name()).beginObject()
          .key("dtype").string(TfsTypes.enumName(spec.dtype()))
          .key("tensor_shape").beginObject()
          .key("dim").beginArray();
      for (long size : spec.shape()) {
        w.beginObject().key("size").string(Long.toString(size)).key("name").string("").endObject();
      }
      w.endArray()
          .key("unknown_rank").literal("false")
          .endObject()
          // A SavedModel's tensor names are graph names; ":0" is the first output of the op.
          .key("name").string(spec.name() + ":0")
          .endObject();
    }
    w.endObject();
  }
}
