package io.inferlink.emulator.ovms;

import com.google.protobuf.Int64Value;
import io.grpc.Status;
import io.inferlink.emulator.ResolvedModel;
import io.inferlink.protos.internal.inference.GRPCInferenceServiceGrpc;
import io.inferlink.protos.internal.inference.ModelInferRequest;
import io.inferlink.protos.internal.inference.ModelMetadataRequest;
import io.inferlink.protos.internal.inference.ModelMetadataResponse;
import io.inferlink.protos.internal.inference.ModelReadyRequest;
import io.inferlink.protos.internal.tensorflow.TensorProto;
import io.inferlink.protos.internal.tensorflow.serving.GetModelMetadataRequest;
import io.inferlink.protos.internal.tensorflow.serving.GetModelStatusRequest;
import io.inferlink.protos.internal.tensorflow.serving.ModelServiceGrpc;
import io.inferlink.protos.internal.tensorflow.serving.ModelSpec;
import io.inferlink.protos.internal.tensorflow.serving.PredictRequest;
import io.inferlink.protos.internal.tensorflow.serving.PredictResponse;
import io.inferlink.protos.internal.tensorflow.serving.PredictionServiceGrpc;
import io.inferlink.protos.internal.tensorflow.serving.ReloadConfigResponse;
import io.inferlink.protos.internal.tensorflow.serving.StatusProto;
import java.util.Map;

/**
 * OVMS's rules for its gRPC APIs (PROTOCOLS.md §4.4, §4.5, §4.7), per method: resolution with
 * OVMS's statuses (version 0 is the latest; labels ignored; a version still loading is UNAVAILABLE),
 * TF Serving's input encodings and tensor_content outputs, KServe without BF16 and with FP16 raw
 * only, and the TF Serving RPCs OVMS does not implement. Requests are handed on naming the resolved
 * version. Thread-safe.
 */
final class OvmsGrpcRules {
  private static final String PREDICT = PredictionServiceGrpc.getPredictMethod().getFullMethodName();
  private static final String TFS_METADATA = PredictionServiceGrpc.getGetModelMetadataMethod().getFullMethodName();
  private static final String TFS_STATUS = ModelServiceGrpc.getGetModelStatusMethod().getFullMethodName();
  private static final String TFS_RELOAD = ModelServiceGrpc.getHandleReloadConfigRequestMethod().getFullMethodName();
  private static final String CLASSIFY = PredictionServiceGrpc.getClassifyMethod().getFullMethodName();
  private static final String REGRESS = PredictionServiceGrpc.getRegressMethod().getFullMethodName();
  private static final String MULTI = PredictionServiceGrpc.getMultiInferenceMethod().getFullMethodName();
  private static final String INFER = GRPCInferenceServiceGrpc.getModelInferMethod().getFullMethodName();
  private static final String READY = GRPCInferenceServiceGrpc.getModelReadyMethod().getFullMethodName();
  private static final String METADATA = GRPCInferenceServiceGrpc.getModelMetadataMethod().getFullMethodName();

  private final OvmsModels models;

  OvmsGrpcRules(OvmsModels models) {
    this.models = models;
  }

  /** The request to hand on; or an {@link OvmsError}; or null after answering through {@code call}. */
  Object request(String method, Object message, OvmsGrpcCall<?, ?> call) {
    if (method.equals(PREDICT)) {
      return predict((PredictRequest) message, call);
    }
    if (method.equals(TFS_METADATA)) {
      GetModelMetadataRequest r = (GetModelMetadataRequest) message;
      return r.toBuilder().setModelSpec(resolved(r.getModelSpec(), resolve(r.getModelSpec(), true))).build();
    }
    if (method.equals(TFS_STATUS)) {
      GetModelStatusRequest r = (GetModelStatusRequest) message;
      ResolvedModel target = resolve(r.getModelSpec(), false);
      boolean all = !r.getModelSpec().hasVersion() || r.getModelSpec().getVersion().getValue() == 0;
      ModelSpec spec = all ? r.getModelSpec().toBuilder().clearVersionChoice().build() : resolved(r.getModelSpec(), target);
      return r.toBuilder().setModelSpec(spec).build();
    }
    if (method.equals(CLASSIFY) || method.equals(REGRESS) || method.equals(MULTI)) {
      throw new OvmsError(404, Status.Code.UNIMPLEMENTED, "Method not implemented: " + method);
    }
    if (method.equals(TFS_RELOAD)) {
      // Accepted and answered OK, but the sent configuration is not applied (model_service.cpp).
      call.reply(ReloadConfigResponse.newBuilder().setStatus(StatusProto.getDefaultInstance()).build());
      return null;
    }
    if (method.equals(INFER)) {
      return infer((ModelInferRequest) message, call);
    }
    if (method.equals(READY)) {
      ModelReadyRequest r = (ModelReadyRequest) message;
      return r.toBuilder().setVersion(models.resolve(r.getName(), r.getVersion(), true).version()).build();
    }
    if (method.equals(METADATA)) {
      ModelMetadataRequest r = (ModelMetadataRequest) message;
      return r.toBuilder().setVersion(models.resolve(r.getName(), r.getVersion(), true).version()).build();
    }
    return message;
  }

  /** The response to send, rewritten as OVMS writes it; or an {@link OvmsError}. */
  Object response(String method, Object message) {
    if (message instanceof PredictResponse) {
      PredictResponse r = (PredictResponse) message;
      PredictResponse.Builder b = r.toBuilder().clearOutputs();
      for (Map.Entry<String, TensorProto> e : r.getOutputsMap().entrySet()) {
        b.putOutputs(e.getKey(), OvmsTensorContent.toOutput(e.getKey(), e.getValue()));
      }
      return b.build();
    }
    if (message instanceof ModelMetadataResponse) {
      return ((ModelMetadataResponse) message).toBuilder().setPlatform(OvmsFrontends.PLATFORM).build();
    }
    return message;
  }

  private PredictRequest predict(PredictRequest r, OvmsGrpcCall<?, ?> call) {
    ResolvedModel target = resolve(r.getModelSpec(), true);
    boolean pictures = target.model() instanceof OvmsImageModel;
    r.getInputsMap().forEach((name, tensor) -> {
      OvmsPrecision.checkTf(target, name, tensor.getDtype().name());
      OvmsTensorContent.checkInput(name, tensor, pictures);
    });
    call.measure(new OvmsMetrics.Series("TensorFlowServing", "gRPC", "Predict", target.name(), target.version()));
    return r.toBuilder().setModelSpec(resolved(r.getModelSpec(), target)).build();
  }

  private ModelInferRequest infer(ModelInferRequest r, OvmsGrpcCall<?, ?> call) {
    ResolvedModel target = models.resolve(r.getModelName(), r.getModelVersion(), true);
    for (ModelInferRequest.InferInputTensor input : r.getInputsList()) {
      if (input.getDatatype().equals("BF16")) {
        throw OvmsError.invalid(OvmsError.INVALID_PRECISION + ": BF16 is not supported");
      }
      if (input.getDatatype().equals("FP16") && r.getRawInputContentsCount() == 0) {
        throw OvmsError.invalid("FP16 input '" + input.getName() + "' can only be sent in raw_input_contents");
      }
      OvmsPrecision.check(target, input.getName(), input.getDatatype());
    }
    call.measure(new OvmsMetrics.Series("KServe", "gRPC", "ModelInfer", target.name(), target.version()));
    return r.toBuilder().setModelVersion(target.version()).build();
  }

  /** The version a TF Serving spec reaches; its label, if any, is ignored as OVMS ignores it. */
  private ResolvedModel resolve(ModelSpec spec, boolean mustBeLoaded) {
    if (spec.getName().isEmpty()) {
      throw OvmsError.invalid("model spec missing");
    }
    String version = spec.hasVersion() ? Long.toString(spec.getVersion().getValue()) : null;
    return models.resolve(spec.getName(), version, mustBeLoaded);
  }

  private static ModelSpec resolved(ModelSpec spec, ResolvedModel target) {
    long version;
    try {
      version = Long.parseLong(target.version());
    } catch (NumberFormatException e) {
      throw OvmsError.versionMissing();
    }
    return spec.toBuilder().setVersion(Int64Value.of(version)).build();
  }
}
