package io.inferlink.kserve.internal;

import io.inferlink.UnsupportedFeatureException;
import io.inferlink.protos.internal.inference.InferParameter;
import io.inferlink.spi.support.MalformedAnswerException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Converts request and response parameters to and from {@code InferParameter}. Stateless and
 * thread-safe.
 *
 * <p>Doubles travel only in {@code double_param} (4), which Triton and OVMS define but KServe's own
 * proto lacks: a KServe Python server sees an empty parameter. A {@code uint64_param} above
 * {@code Long.MAX_VALUE} has no lossless Inferlink value and is refused rather than wrapped negative.
 */
final class V2GrpcParameters {

  private V2GrpcParameters() {}

  /** The wire form of one value: a String, Boolean, Long or Double, as core's Parameters guarantees. */
  static InferParameter encode(String key, Object value) {
    InferParameter.Builder b = InferParameter.newBuilder();
    if (value instanceof String) {
      return b.setStringParam((String) value).build();
    }
    if (value instanceof Boolean) {
      return b.setBoolParam((Boolean) value).build();
    }
    if (value instanceof Long) {
      return b.setInt64Param((Long) value).build();
    }
    if (value instanceof Double) {
      return b.setDoubleParam((Double) value).build();
    }
    throw new IllegalArgumentException("parameter '" + key + "' has unsupported type "
        + (value == null ? "null" : value.getClass().getName()));
  }

  /** The values of a wire parameter map, in the order the parser kept. */
  static Map<String, Object> decode(Map<String, InferParameter> params) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, InferParameter> e : params.entrySet()) {
      out.put(e.getKey(), decode(e.getKey(), e.getValue()));
    }
    return out;
  }

  static Object decode(String key, InferParameter p) {
    switch (p.getParameterChoiceCase()) {
      case BOOL_PARAM:
        return p.getBoolParam();
      case INT64_PARAM:
        return p.getInt64Param();
      case STRING_PARAM:
        return p.getStringParam();
      case DOUBLE_PARAM:
        return p.getDoubleParam();
      case UINT64_PARAM:
        long bits = p.getUint64Param();
        if (bits < 0) {
          throw new UnsupportedFeatureException("parameter '" + key + "' is uint64 "
              + Long.toUnsignedString(bits) + ", above the largest Long Inferlink can hold");
        }
        return bits;
      default:
        throw new MalformedAnswerException("parameter '" + key + "' has no value (no field of"
            + " InferParameter is set, or only one this version does not know)");
    }
  }
}
