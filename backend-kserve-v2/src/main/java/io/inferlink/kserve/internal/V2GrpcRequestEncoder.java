package io.inferlink.kserve.internal;

import com.google.protobuf.ByteString;
import io.inferlink.InferenceRequest;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.protos.internal.inference.ModelInferRequest;
import io.inferlink.protos.internal.inference.ModelInferRequest.InferInputTensor;
import io.inferlink.protos.internal.inference.ModelInferRequest.InferRequestedOutputTensor;
import io.inferlink.transport.grpc.internal.TensorWireBytes;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the Open Inference Protocol {@code ModelInferRequest} for an {@link InferenceRequest}.
 * Stateless and thread-safe.
 *
 * <p>All inputs go one way, as the protocol demands: all raw or all typed ({@link V2GrpcContentMode}).
 * Model labels and signature names have no place in the protocol and are refused with
 * {@link UnsupportedFeatureException} rather than dropped.
 */
public final class V2GrpcRequestEncoder {

  private V2GrpcRequestEncoder() {}

  /** The request with every input in {@code raw_input_contents}. */
  public static ModelInferRequest encode(InferenceRequest request) {
    return encode(request, V2GrpcContentMode.RAW);
  }

  /**
   * The request with its inputs carried as {@code mode} says; {@link V2GrpcContentMode#TYPED} falls
   * back to RAW for the whole request when an input is FP16 or BF16, which have no typed field.
   *
   * @throws UnsupportedFeatureException when the model is addressed by label or a signature is named
   */
  public static ModelInferRequest encode(InferenceRequest request, V2GrpcContentMode mode) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(mode, "mode");
    ModelRef model = request.model();
    if (model.hasLabel()) {
      throw new UnsupportedFeatureException("model '" + model.name() + "' is addressed by label '"
          + model.label() + "', which the Open Inference Protocol has no field for; use a version");
    }
    if (request.signatureName() != null) {
      throw new UnsupportedFeatureException("signature '" + request.signatureName()
          + "' was named, but the Open Inference Protocol has no signatures");
    }
    ModelInferRequest.Builder b = ModelInferRequest.newBuilder().setModelName(model.name());
    if (model.version() != null) {
      b.setModelVersion(model.version());
    }
    if (request.id() != null) {
      b.setId(request.id());
    }
    for (Map.Entry<String, Object> p : request.parameters().entrySet()) {
      b.putParameters(p.getKey(), V2GrpcParameters.encode(p.getKey(), p.getValue()));
    }
    boolean raw = mode == V2GrpcContentMode.RAW
        || request.inputs().values().stream().anyMatch(t -> !V2GrpcTypedContents.hasTypedField(t.dtype()));
    for (Tensor t : request.inputs().values()) {
      InferInputTensor.Builder in = InferInputTensor.newBuilder()
          .setName(t.name())
          .setDatatype(t.dtype().wireName());
      for (long d : t.shape()) {
        in.addShape(d);
      }
      if (raw) {
        b.addRawInputContents(rawContents(t));
      } else {
        in.setContents(V2GrpcTypedContents.encode(t));
      }
      b.addInputs(in);
    }
    for (String name : request.requestedOutputs()) {
      b.addOutputs(InferRequestedOutputTensor.newBuilder().setName(name));
    }
    return b.build();
  }

  /**
   * The tensor's bytes, not copied: its memory shared through {@link TensorWireBytes} (over its heap array
   * when it has one, which protobuf writes to the wire in one piece); BYTES buffers already carry the
   * protocol's length prefixes.
   */
  static ByteString rawContents(Tensor t) {
    // BOOL bytes are already 0 or 1: Tensor keeps them canonical.
    return TensorWireBytes.of(t);
  }

}
