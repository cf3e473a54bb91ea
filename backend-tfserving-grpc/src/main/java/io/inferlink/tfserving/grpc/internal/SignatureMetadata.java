package io.inferlink.tfserving.grpc.internal;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.inferlink.DataType;
import io.inferlink.ErrorCode;
import io.inferlink.InvalidRequestException;
import io.inferlink.ModelMetadata;
import io.inferlink.TensorSpec;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.protos.internal.tensorflow.SignatureDef;
import io.inferlink.protos.internal.tensorflow.TensorInfo;
import io.inferlink.protos.internal.tensorflow.TensorShapeProto;
import io.inferlink.protos.internal.tensorflow.serving.GetModelMetadataResponse;
import io.inferlink.protos.internal.tensorflow.serving.SignatureDefMap;
import io.inferlink.spi.support.Errors;
import io.inferlink.tfserving.TfDataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns {@code GetModelMetadataResponse} into {@link ModelMetadata}: unpacks the
 * {@code signature_def} entry ({@code Any} of {@code tensorflow.serving.SignatureDefMap}) and reads
 * {@code serving_default}, else the only signature.
 */
final class SignatureMetadata {
  static final String FIELD = "signature_def";
  static final String DEFAULT_SIGNATURE = "serving_default";

  private SignatureMetadata() {}

  static ModelMetadata read(GetModelMetadataResponse response, String provider) {
    Any any = response.getMetadataMap().get(FIELD);
    if (any == null || !any.is(SignatureDefMap.class)) {
      throw malformed("the metadata answer has no signature_def map", provider, null);
    }
    SignatureDefMap map;
    try {
      map = any.unpack(SignatureDefMap.class);
    } catch (InvalidProtocolBufferException e) {
      throw malformed("the signature_def map cannot be read: " + e.getMessage(), provider, e);
    }
    String name = response.getModelSpec().getName();
    SignatureDef sig = pick(map.getSignatureDefMap(), name);
    String version = TfGrpcMessages.version(response.getModelSpec());
    return new ModelMetadata(name, version == null ? List.of() : List.of(version), "tensorflow",
        specs(sig.getInputsMap()), specs(sig.getOutputsMap()));
  }

  private static SignatureDef pick(Map<String, SignatureDef> sigs, String model) {
    if (sigs.containsKey(DEFAULT_SIGNATURE)) {
      return sigs.get(DEFAULT_SIGNATURE);
    }
    if (sigs.size() == 1) {
      return sigs.values().iterator().next();
    }
    throw new InvalidRequestException("model '" + model + "' has no '" + DEFAULT_SIGNATURE + "' signature; it has "
        + new TreeSet<>(sigs.keySet()));
  }

  private static List<TensorSpec> specs(Map<String, TensorInfo> tensors) {
    List<TensorSpec> out = new ArrayList<>();
    for (Map.Entry<String, TensorInfo> e : tensors.entrySet()) {
      Optional<DataType> dtype = TfDataTypes.fromNumber(e.getValue().getDtypeValue());
      if (dtype.isEmpty()) {
        throw new UnsupportedFeatureException("signature tensor '" + e.getKey() + "' has TensorFlow type number "
            + e.getValue().getDtypeValue() + ", which Inferlink cannot carry");
      }
      out.add(new TensorSpec(e.getKey(), dtype.get(), shape(e.getValue().getTensorShape())));
    }
    return out;
  }

  private static long[] shape(TensorShapeProto shape) {
    if (shape.getUnknownRank()) {
      return new long[0];
    }
    long[] out = new long[shape.getDimCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.max(-1, shape.getDim(i).getSize());
    }
    return out;
  }

  private static RuntimeException malformed(String message, String provider, Throwable cause) {
    return Errors.create(ErrorCode.UNKNOWN, message, provider, cause);
  }
}
