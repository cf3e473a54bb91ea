package io.inferlink.kserve.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import io.inferlink.protos.internal.inference.ModelInferRequest;
import io.inferlink.protos.internal.inference.ModelInferRequest.InferInputTensor;
import io.inferlink.protos.internal.inference.ModelInferResponse;
import io.inferlink.protos.internal.inference.ModelInferResponse.InferOutputTensor;

/** Answers a request the way an identity model on a server would: each input back as an output, same form. */
final class V2GrpcEcho {
  private V2GrpcEcho() {}

  /** The response, serialized and parsed again so the decoder sees what a channel would hand it. */
  static ModelInferResponse echo(ModelInferRequest req) {
    ModelInferResponse.Builder b = ModelInferResponse.newBuilder()
        .setModelName(req.getModelName())
        .setModelVersion(req.getModelVersion())
        .setId(req.getId())
        .putAllParameters(req.getParametersMap());
    for (InferInputTensor in : req.getInputsList()) {
      InferOutputTensor.Builder out = InferOutputTensor.newBuilder()
          .setName(in.getName()).setDatatype(in.getDatatype()).addAllShape(in.getShapeList());
      if (in.hasContents()) {
        out.setContents(in.getContents());
      }
      b.addOutputs(out);
    }
    b.addAllRawOutputContents(req.getRawInputContentsList());
    return reparse(b.build());
  }

  static ModelInferResponse reparse(ModelInferResponse r) {
    try {
      return ModelInferResponse.parseFrom(r.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }
}
