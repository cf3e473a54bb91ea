package io.inferlink.emulator.tfserving;

import com.google.protobuf.Any;
import io.inferlink.ModelMetadata;
import io.inferlink.TensorSpec;
import io.inferlink.emulator.ResolvedModel;
import io.inferlink.emulator.ScriptedModel;
import io.inferlink.protos.internal.tensorflow.SignatureDef;
import io.inferlink.protos.internal.tensorflow.TensorInfo;
import io.inferlink.protos.internal.tensorflow.serving.GetModelMetadataRequest;
import io.inferlink.protos.internal.tensorflow.serving.GetModelMetadataResponse;
import io.inferlink.protos.internal.tensorflow.serving.GetModelStatusRequest;
import io.inferlink.protos.internal.tensorflow.serving.GetModelStatusResponse;
import io.inferlink.protos.internal.tensorflow.serving.ModelVersionStatus;
import io.inferlink.protos.internal.tensorflow.serving.SignatureDefMap;
import io.inferlink.protos.internal.tensorflow.serving.StatusProto;
import java.util.List;
import java.util.Optional;

/**
 * {@code GetModelMetadata} and {@code GetModelStatus} as TF Serving answers them
 * (get_model_metadata_impl.cc, get_model_status_impl.cc): the metadata is the model's one
 * {@code serving_default} signature packed as {@code Any(SignatureDefMap)} under
 * {@code "signature_def"}; the status lists every numeric version, highest first (or the one asked
 * for; a label is not resolved), AVAILABLE when ready and LOADING otherwise. Stateless.
 */
final class TfsGrpcModelInfo {
  static final String SIGNATURE_DEF = "signature_def";

  private final TfsGrpcCalls calls;

  TfsGrpcModelInfo(TfsGrpcCalls calls) {
    this.calls = calls;
  }

  GetModelMetadataResponse metadata(GetModelMetadataRequest request) {
    if (!request.hasModelSpec()) {
      throw TfsError.invalid("Missing ModelSpec");
    }
    if (request.getMetadataFieldCount() == 0) {
      throw TfsError.invalid("GetModelMetadataRequest must specify at least one metadata_field");
    }
    for (String field : request.getMetadataFieldList()) {
      if (!field.equals(SIGNATURE_DEF)) {
        throw TfsError.invalid("Metadata field " + field + " is not supported");
      }
    }
    ResolvedModel target = TfsModelSpecs.resolve(calls.models(), true, request.getModelSpec());
    ModelMetadata metadata = target.model().metadata(target.version());
    SignatureDef.Builder signature = SignatureDef.newBuilder().setMethodName(TfsDocuments.PREDICT_METHOD);
    metadata.inputs().forEach(s -> signature.putInputs(s.name(), info(s)));
    metadata.outputs().forEach(s -> signature.putOutputs(s.name(), info(s)));
    SignatureDefMap map = SignatureDefMap.newBuilder().putSignatureDef(TfsModels.SIGNATURE, signature.build()).build();
    return GetModelMetadataResponse.newBuilder()
        .setModelSpec(TfsModelSpecs.withoutSignature(target))
        .putMetadata(SIGNATURE_DEF, Any.pack(map))
        .build();
  }

  GetModelStatusResponse status(GetModelStatusRequest request) {
    if (!request.hasModelSpec()) {
      throw TfsError.invalid("Missing ModelSpec");
    }
    String name = request.getModelSpec().getName();
    Optional<ScriptedModel> model = calls.script().model(name);
    List<String> versions = model.map(TfsModels::numericVersionsDescending).orElse(List.of());
    if (request.getModelSpec().hasVersion()) {
      long wanted = request.getModelSpec().getVersion().getValue();
      versions = versions.stream().filter(v -> TfsModels.versionNumber(v) == wanted).toList();
      if (versions.isEmpty()) {
        throw TfsError.notFound("Could not find version " + wanted + " of model " + name);
      }
    } else if (versions.isEmpty()) {
      throw TfsError.notFound("Could not find any versions of model " + name);
    }
    GetModelStatusResponse.Builder response = GetModelStatusResponse.newBuilder();
    for (String v : versions) {
      response.addModelVersionStatus(ModelVersionStatus.newBuilder()
          .setVersion(TfsModels.versionNumber(v))
          // A model that is not ready is reported as still loading, which is when TF has it unserved.
          .setState(model.get().isReady(v) ? ModelVersionStatus.State.AVAILABLE : ModelVersionStatus.State.LOADING)
          .setStatus(StatusProto.newBuilder().setErrorCodeValue(0).setErrorMessage("")));
    }
    return response.build();
  }

  private static TensorInfo info(TensorSpec spec) {
    // A SavedModel's tensor names are graph names; ":0" is the first output of the op.
    return TensorInfo.newBuilder()
        .setName(spec.name() + ":0")
        .setDtypeValue(TfsDtypes.number(spec.dtype()))
        .setTensorShape(TfsTensorProtoWriter.shape(spec.shape()))
        .build();
  }
}
