package io.inferlink.tfserving.grpc.internal;

import io.inferlink.Capabilities;
import io.inferlink.Capability;
import io.inferlink.ClientOptions;
import io.inferlink.DataType;
import io.inferlink.InferenceClient;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.InferenceClientProvider;
import io.inferlink.transport.grpc.internal.GrpcChannels;
import java.util.EnumSet;
import java.util.Set;

/** Serves {@code tfserving+grpc} and {@code tfserving+grpcs} (default port 8500). Thread-safe. */
public final class TfGrpcProvider implements InferenceClientProvider {
  /** The provider's name. */
  public static final String NAME = "tfserving-grpc";
  static final int DEFAULT_PORT = 8500;

  /**
   * What TF Serving's gRPC API carries: every element type (tensor_content, half_val, string_val),
   * scalars and zero-size tensors, versions and labels, output filters, signatures; no request id or
   * parameters, and no server-level health or metadata RPC.
   */
  static final Capabilities CAPABILITIES = Capabilities.of(EnumSet.of(Capability.MODEL_METADATA,
      Capability.MODEL_READY, Capability.MODEL_VERSIONS, Capability.VERSION_LABELS, Capability.REQUESTED_OUTPUTS,
      Capability.SIGNATURE_NAME, Capability.SCALAR_TENSORS, Capability.ZERO_SIZE_TENSORS, Capability.OUTPUT_NAMES),
      EnumSet.allOf(DataType.class));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> schemes() {
    return Set.of("tfserving+grpc", "tfserving+grpcs");
  }

  @Override
  public InferenceClient create(Endpoint endpoint, ClientOptions options) {
    if (!options.optionNames().isEmpty()) {
      throw new ProviderConfigurationException(NAME + " has no protocol options; got " + options.optionNames());
    }
    return new TfGrpcClient(NAME, endpoint, GrpcChannels.create(endpoint, DEFAULT_PORT, options), options, CAPABILITIES);
  }
}
