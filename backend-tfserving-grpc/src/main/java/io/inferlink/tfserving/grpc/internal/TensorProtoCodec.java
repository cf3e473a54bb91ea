package io.inferlink.tfserving.grpc.internal;

import com.google.protobuf.ByteString;
import io.inferlink.ClientOptions;
import io.inferlink.DataType;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.Tensor;
import io.inferlink.protos.internal.tensorflow.TensorProto;
import io.inferlink.spi.support.Errors;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.tfserving.TfDataTypes;
import io.inferlink.transport.grpc.internal.TensorWireBytes;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Converts between {@link Tensor} and TensorFlow's {@code TensorProto}. Stateless and thread-safe.
 *
 * <p>Encoding picks the one form both TF Serving and OVMS accept for each type: {@code tensor_content}
 * (little-endian, copied once; {@link #encodeForCall} shares the tensor's buffer instead) for the numeric types and BOOL, {@code half_val} for FP16 and BF16,
 * {@code int_val} for UINT16 and {@code string_val} for BYTES. Decoding accepts {@code tensor_content}
 * and the typed fields alike, and reports a proto that no tensor matches as a
 * {@link io.inferlink.ServerException}, a dtype Inferlink has no type for as an
 * {@link io.inferlink.UnsupportedFeatureException}.
 */
public final class TensorProtoCodec {

  private TensorProtoCodec() {}

  /** The TensorProto for {@code t}, in the form TF Serving and OVMS both accept for its type; a snapshot. */
  public static TensorProto encode(Tensor t) {
    return encode(t, true);
  }

  /**
   * As {@link #encode}, but {@code tensor_content} shares the tensor's memory rather than copying it
   * ({@link TensorWireBytes}, over its heap array when it has one, which protobuf writes to the wire in
   * one piece): for a request serialized while its call runs. Writes to
   * a wrapped tensor's memory before the call ends show in the request, which {@link Tensor#wrap}'s
   * contract already rules out (and which V2 REST and V2 gRPC requests share too).
   */
  public static TensorProto encodeForCall(Tensor t) {
    return encode(t, false);
  }

  private static TensorProto encode(Tensor t, boolean copy) {
    TensorProto.Builder b = TensorProto.newBuilder()
        .setDtypeValue(TfDataTypes.number(t.dtype()))
        .setTensorShape(TensorProtoShapes.encode(t.shape()));
    switch (t.dtype()) {
      case FP16:
      case BF16:
        ShortBuffer halves = t.asShortBuffer();
        for (int i = 0; i < halves.limit(); i++) {
          b.addHalfVal(halves.get(i) & 0xFFFF); // the bit pattern, zero-extended as TensorFlow writes it
        }
        break;
      case UINT16:
        // OVMS refuses UINT16 in tensor_content; int_val carries the value zero-extended.
        ShortBuffer shorts = t.asShortBuffer();
        for (int i = 0; i < shorts.limit(); i++) {
          b.addIntVal(shorts.get(i) & 0xFFFF);
        }
        break;
      case BYTES:
        StringElements.toStringVal(t, b);
        break;
      default: // BOOL included: Tensor keeps its bytes 0 or 1, as TensorFlow needs them
        b.setTensorContent(copy ? ByteString.copyFrom(t.data()) : TensorWireBytes.of(t));
        break;
    }
    return b.build();
  }

  /** Decodes {@code p} into a tensor named {@code name}; see {@link #decode(String, TensorProto, String, int)}. */
  public static Tensor decode(String name, TensorProto p) {
    return decode(name, p, null);
  }

  /** As {@link #decode(String, TensorProto, String, int)}, filling up to {@link ClientOptions#DEFAULT_MAX_MESSAGE_SIZE}. */
  public static Tensor decode(String name, TensorProto p, String provider) {
    return decode(name, p, provider, ClientOptions.DEFAULT_MAX_MESSAGE_SIZE);
  }

  /**
   * Decodes {@code p} into a tensor named {@code name}, wrapping a non-empty {@code tensor_content}
   * without copying it, or reading the typed field of the dtype with TensorFlow's fill rule.
   *
   * @param provider the provider name an unsupported type's exception carries, or null
   * @param maxFilledBytes the largest tensor TensorFlow's fill rule may make from a short typed field: the
   *     client's {@link ClientOptions#maxMessageSize()}, since a server could have sent a tensor that large
   *     outright, while a few bytes must not make the client allocate gigabytes
   * @throws io.inferlink.UnsupportedFeatureException when the dtype has no Inferlink type (complex,
   *     quantized, resource, variant, float8, int4, or a number this version does not know)
   * @throws MalformedAnswerException when the proto is malformed: no dtype, unknown rank or
   *     negative dimensions, a size that does not match the shape, too many values, values out of
   *     range for the type, more than {@code Integer.MAX_VALUE - 8} bytes, or more than
   *     {@code maxFilledBytes} made by the fill rule
   */
  public static Tensor decode(String name, TensorProto p, String provider, int maxFilledBytes) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(p, "p");
    DataType dtype = dtype(name, p.getDtypeValue(), provider);
    long[] dims = TensorProtoShapes.decode(name, p.getTensorShape());
    long elements = TensorProtoShapes.elementCount(name, dims);
    ByteBuffer data = p.getTensorContent().isEmpty()
        ? TypedFieldDecoder.decode(name, dtype, dims, elements, p, maxFilledBytes)
        : fromTensorContent(name, dtype, dims, elements, p.getTensorContent());
    try {
      return Tensor.wrap(name, dtype, data, dims);
    } catch (IllegalArgumentException e) {
      // Sizes are checked above, so only what Tensor asks of a name is left, e.g. an empty one.
      throw new MalformedAnswerException(e.getMessage());
    }
  }

  private static DataType dtype(String name, int number, String provider) {
    if (number == 0) {
      throw new MalformedAnswerException("tensor '" + name + "' has no dtype (DT_INVALID)");
    }
    Optional<DataType> dtype = TfDataTypes.fromNumber(number);
    if (dtype.isPresent()) {
      return dtype.get();
    }
    io.inferlink.protos.internal.tensorflow.DataType known =
        io.inferlink.protos.internal.tensorflow.DataType.forNumber(number);
    throw Errors.create(new InferenceException.Details(ErrorCode.UNIMPLEMENTED)
        .message("tensor '" + name + "' has TensorFlow DataType " + number
            + (known != null ? " (" + known.name() + ")" : " (unknown to this version)")
            + ", which Inferlink has no type for")
        .provider(provider));
  }

  private static ByteBuffer fromTensorContent(String name, DataType dtype, long[] dims, long elements,
      ByteString content) {
    if (dtype == DataType.BYTES) {
      return StringElements.fromTensorContent(name, dims, elements, content);
    }
    int expected = TensorProtoShapes.minimumByteSize(name, dtype, dims, elements);
    if (content.size() != expected) {
      throw new MalformedAnswerException("tensor '" + name + "': " + TfDataTypes.name(dtype) + " shape "
          + Arrays.toString(dims) + " needs " + expected + " bytes of tensor_content but it holds "
          + content.size());
    }
    // A view of the proto's own bytes for a flat ByteString (what parsing gives); Tensor.wrap reads it
    // as little-endian whatever order the view reports.
    return content.asReadOnlyByteBuffer();
  }
}
