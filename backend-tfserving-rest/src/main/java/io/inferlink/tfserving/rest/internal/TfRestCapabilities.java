package io.inferlink.tfserving.rest.internal;

import io.inferlink.Capabilities;
import io.inferlink.Capability;
import io.inferlink.DataType;
import io.inferlink.tfserving.rest.TfServingRestOptions.RequestFormat;
import java.util.EnumSet;

/**
 * What TF Serving's REST API can carry. No FP16, BF16 or UINT16 (its JSON has no form for them);
 * no zero-size tensors (a JSON {@code []} loses the dimensions after a zero); scalars only in the
 * columnar form; no request id or parameters; no server-level health or metadata endpoints. With
 * {@code convert-to-fp32} the client carries FP16, BF16 and UINT16 inputs as FP32 numbers.
 */
final class TfRestCapabilities {
  private TfRestCapabilities() {}

  static Capabilities of(RequestFormat format, boolean labels, boolean halfAsFp32) {
    EnumSet<Capability> features = EnumSet.of(Capability.MODEL_METADATA, Capability.MODEL_READY,
        Capability.MODEL_VERSIONS, Capability.REQUESTED_OUTPUTS, Capability.SIGNATURE_NAME, Capability.OUTPUT_NAMES);
    if (labels) {
      features.add(Capability.VERSION_LABELS);
    }
    if (format == RequestFormat.COLUMNAR) {
      features.add(Capability.SCALAR_TENSORS);
    }
    EnumSet<DataType> types = halfAsFp32 ? EnumSet.allOf(DataType.class)
        : EnumSet.complementOf(EnumSet.of(DataType.FP16, DataType.BF16, DataType.UINT16));
    return Capabilities.of(features, types);
  }
}
