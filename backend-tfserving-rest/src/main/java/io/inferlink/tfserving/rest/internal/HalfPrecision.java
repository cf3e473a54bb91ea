package io.inferlink.tfserving.rest.internal;

import io.inferlink.DataType;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;

/**
 * TF Serving's JSON has no FP16, BF16 or UINT16 (the server answers 501). When the user asks for it
 * ({@code convert-to-fp32}), such inputs travel as FP32 numbers, which hold every value of those
 * types exactly; otherwise they reach the capability check and are refused before sending.
 */
final class HalfPrecision {
  private HalfPrecision() {}

  static InferenceRequest asFp32(InferenceRequest request) {
    boolean any = request.inputs().values().stream().anyMatch(HalfPrecision::needsConversion);
    if (!any) {
      return request;
    }
    InferenceRequest.Builder b = InferenceRequest.builder(request.model())
        .requestOutputs(request.requestedOutputs().toArray(new String[0]))
        .id(request.id()).signatureName(request.signatureName()).timeout(request.timeout());
    request.parameters().forEach(b::parameter);
    for (Tensor t : request.inputs().values()) {
      b.input(needsConversion(t) ? Tensor.ofFloats(t.name(), toFloats(t), t.shape()) : t);
    }
    return b.build();
  }

  private static boolean needsConversion(Tensor t) {
    return t.dtype() == DataType.FP16 || t.dtype() == DataType.BF16 || t.dtype() == DataType.UINT16;
  }

  private static float[] toFloats(Tensor t) {
    if (t.dtype() == DataType.UINT16) {
      int[] v = t.toIntArray();
      float[] f = new float[v.length];
      for (int i = 0; i < v.length; i++) {
        f[i] = v[i];
      }
      return f;
    }
    return t.toFloatArray(); // FP16 and BF16 widen exactly, through core's one conversion
  }
}
