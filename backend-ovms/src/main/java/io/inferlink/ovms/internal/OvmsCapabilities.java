package io.inferlink.ovms.internal;

import io.inferlink.Capabilities;
import io.inferlink.Capability;
import io.inferlink.DataType;
import io.inferlink.ovms.OvmsOptions;
import java.util.EnumSet;
import java.util.Set;

/**
 * What an OVMS client can do: the wrapped client's capabilities, narrowed to what OVMS accepts
 * (PROTOCOLS.md §4.4, §4.5) and widened where OVMS has more. Stateless.
 *
 * <ul>
 *   <li>No version labels (OVMS ignores them) and no model repository (OVMS's models follow its
 *       configuration file; see {@code Ovms#reloadConfig}).</li>
 *   <li>KServe API: every type but BF16.</li>
 *   <li>TF Serving REST API: the numeric types and strings OVMS's JSON takes; no BOOL, FP16, BF16 or
 *       UINT16.</li>
 *   <li>TF Serving gRPC API: what OVMS takes in {@code tensor_content}, {@code half_val},
 *       {@code int_val} and {@code string_val}; no BOOL or BF16. (UINT32 and UINT64 go in, but OVMS
 *       cannot send them back: a model with such outputs fails on the server.)</li>
 *   <li>On the TF Serving API, server liveness, readiness and metadata still answer, through the KServe
 *       API that the same OVMS port serves.</li>
 * </ul>
 */
final class OvmsCapabilities {
  private static final Set<DataType> TFS_REST = EnumSet.of(DataType.FP32, DataType.FP64, DataType.INT8,
      DataType.INT16, DataType.INT32, DataType.INT64, DataType.UINT8, DataType.UINT32, DataType.UINT64, DataType.BYTES);
  private static final Set<DataType> TFS_GRPC = EnumSet.of(DataType.FP16, DataType.FP32, DataType.FP64,
      DataType.INT8, DataType.INT16, DataType.INT32, DataType.INT64, DataType.UINT8, DataType.UINT16,
      DataType.UINT32, DataType.UINT64, DataType.BYTES);

  private OvmsCapabilities() {}

  static Capabilities of(OvmsOptions.Api api, boolean grpc, Capabilities wrapped) {
    EnumSet<Capability> features = EnumSet.noneOf(Capability.class);
    features.addAll(wrapped.features());
    features.remove(Capability.VERSION_LABELS);
    features.remove(Capability.MODEL_REPOSITORY);
    EnumSet<DataType> types = EnumSet.noneOf(DataType.class);
    types.addAll(wrapped.dataTypes());
    if (api == OvmsOptions.Api.KSERVE) {
      types.remove(DataType.BF16);
    } else {
      types.retainAll(grpc ? TFS_GRPC : TFS_REST);
      features.addAll(EnumSet.of(Capability.SERVER_LIVE, Capability.SERVER_READY, Capability.SERVER_METADATA));
    }
    return Capabilities.of(features, types);
  }
}
