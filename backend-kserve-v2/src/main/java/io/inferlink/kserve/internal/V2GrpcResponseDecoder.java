package io.inferlink.kserve.internal;

import com.google.protobuf.ByteString;
import io.inferlink.DataType;
import io.inferlink.InferenceResponse;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.protos.internal.inference.ModelInferResponse;
import io.inferlink.protos.internal.inference.ModelInferResponse.InferOutputTensor;
import io.inferlink.spi.support.MalformedAnswerException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads an {@link InferenceResponse} from the Open Inference Protocol {@code ModelInferResponse}.
 * Stateless and thread-safe.
 *
 * <p>Outputs come from {@code raw_output_contents} when it is present (index-aligned with
 * {@code outputs}, wrapped without a further copy) and from each output's typed contents otherwise.
 * Anything no valid response matches is a {@link MalformedAnswerException}; a datatype Inferlink has
 * no type for is an {@link UnsupportedFeatureException}.
 */
public final class V2GrpcResponseDecoder {

  private V2GrpcResponseDecoder() {}

  /**
   * Decodes {@code response}.
   *
   * @throws MalformedAnswerException when the raw contents do not match the outputs in count or
   *     size, BYTES framing is broken, typed contents do not match the shape, an output mixes raw and
   *     typed data, a shape or name is invalid, or outputs repeat a name
   * @throws UnsupportedFeatureException for an unknown datatype or a uint64 parameter above
   *     {@code Long.MAX_VALUE}
   */
  public static InferenceResponse decode(ModelInferResponse response) {
    Objects.requireNonNull(response, "response");
    InferenceResponse.Builder b = InferenceResponse.builder();
    if (!response.getModelName().isEmpty()) {
      b.modelName(response.getModelName());
    }
    if (!response.getModelVersion().isEmpty()) {
      b.modelVersion(response.getModelVersion());
    }
    if (!response.getId().isEmpty()) {
      b.id(response.getId());
    }
    for (Map.Entry<String, Object> p : V2GrpcParameters.decode(response.getParametersMap()).entrySet()) {
      b.parameter(p.getKey(), p.getValue());
    }
    List<InferOutputTensor> outputs = response.getOutputsList();
    List<ByteString> raw = response.getRawOutputContentsList();
    boolean useRaw = !raw.isEmpty();
    if (useRaw && raw.size() != outputs.size()) {
      throw new MalformedAnswerException("the response has " + outputs.size() + " outputs but "
          + raw.size() + " raw_output_contents; the protocol needs one for each output or none");
    }
    for (int i = 0; i < outputs.size(); i++) {
      Tensor t = useRaw ? fromRaw(outputs.get(i), raw.get(i)) : fromTyped(outputs.get(i));
      try {
        b.output(t);
      } catch (IllegalArgumentException e) {
        throw new MalformedAnswerException(e.getMessage(), e);
      }
    }
    return b.build();
  }

  private static Tensor fromRaw(InferOutputTensor out, ByteString raw) {
    DataType dtype = dtype(out);
    int typed = V2GrpcTypedContents.total(out.getContents());
    if (typed != 0) {
      throw new MalformedAnswerException("output '" + out.getName() + "' has " + typed
          + " typed values besides raw_output_contents; the protocol allows one or the other");
    }
    // A view of the parsed message's own bytes (asReadOnlyByteBuffer copies only a rope, which
    // parsing does not produce); Tensor.wrap checks size and BYTES framing against the shape.
    return wrap(out, dtype, raw.asReadOnlyByteBuffer(), "raw_output_contents");
  }

  private static Tensor fromTyped(InferOutputTensor out) {
    DataType dtype = dtype(out);
    long[] shape = shape(out);
    long elements = 1;
    for (long d : shape) {
      if (d < 0) {
        throw new MalformedAnswerException("output '" + out.getName() + "' has negative dimension "
            + d + " in shape " + out.getShapeList());
      }
      if (d > 0 && elements > Integer.MAX_VALUE / d) {
        throw new MalformedAnswerException("output '" + out.getName() + "' has shape "
            + out.getShapeList() + ", more elements than one buffer holds");
      }
      elements *= d;
    }
    if (!V2GrpcTypedContents.hasTypedField(dtype) && elements > 0) {
      throw new MalformedAnswerException("output '" + out.getName() + "' is " + dtype.wireName()
          + ", which has no typed field, but the response has no raw_output_contents");
    }
    ByteBuffer data = V2GrpcTypedContents.decode(out.getName(), dtype, elements, out.getContents());
    return wrap(out, dtype, data, V2GrpcTypedContents.fieldName(dtype));
  }

  private static Tensor wrap(InferOutputTensor out, DataType dtype, ByteBuffer data, String field) {
    try {
      return Tensor.wrap(out.getName(), dtype, data, shape(out));
    } catch (IllegalArgumentException e) {
      throw new MalformedAnswerException("output '" + out.getName() + "' (" + field + "): "
          + e.getMessage(), e);
    }
  }

  private static DataType dtype(InferOutputTensor out) {
    String name = out.getDatatype();
    if (name.isEmpty()) {
      throw new MalformedAnswerException("output '" + out.getName() + "' has no datatype");
    }
    try {
      return DataType.fromWireName(name);
    } catch (IllegalArgumentException e) {
      throw new UnsupportedFeatureException("output '" + out.getName() + "' has datatype '" + name
          + "', which Inferlink has no type for", e);
    }
  }

  private static long[] shape(InferOutputTensor out) {
    long[] shape = new long[out.getShapeCount()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = out.getShape(i);
    }
    return shape;
  }
}
