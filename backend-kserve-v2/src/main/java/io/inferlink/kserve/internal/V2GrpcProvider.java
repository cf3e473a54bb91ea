package io.inferlink.kserve.internal;

import io.inferlink.Capabilities;
import io.inferlink.Capability;
import io.inferlink.ClientOptions;
import io.inferlink.DataType;
import io.inferlink.InferenceClient;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.kserve.KServeOptions;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.InferenceClientProvider;
import io.inferlink.transport.grpc.internal.GrpcChannels;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/** Serves {@code kserve-v2+grpc} and {@code kserve-v2+grpcs} (default port 8081). Thread-safe. */
public final class V2GrpcProvider implements InferenceClientProvider {
  /** The provider's name. */
  public static final String NAME = "kserve-v2-grpc";
  static final int DEFAULT_PORT = 8081;

  /**
   * What the Open Inference Protocol over gRPC carries: every element type (raw contents), scalars
   * and zero-size tensors, versions (no labels, no signatures), requested outputs, request ids and
   * parameters, server health and metadata, and the model repository extension (KServe's form has no
   * index over gRPC; load and unload work in both forms).
   */
  static final Capabilities CAPABILITIES = Capabilities.of(EnumSet.of(Capability.SERVER_LIVE, Capability.SERVER_READY,
      Capability.SERVER_METADATA, Capability.MODEL_READY, Capability.MODEL_METADATA, Capability.MODEL_VERSIONS,
      Capability.REQUESTED_OUTPUTS, Capability.REQUEST_ID, Capability.REQUEST_PARAMETERS, Capability.SCALAR_TENSORS,
      Capability.ZERO_SIZE_TENSORS, Capability.OUTPUT_NAMES, Capability.MODEL_REPOSITORY), EnumSet.allOf(DataType.class));
  private static final Set<String> OPTIONS = Set.of(KServeOptions.CONTENTS.name(), KServeOptions.REPOSITORY.name());

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> schemes() {
    return Set.of("kserve-v2+grpc", "kserve-v2+grpcs");
  }

  @Override
  public InferenceClient create(Endpoint endpoint, ClientOptions options) {
    Set<String> unknown = new TreeSet<>(options.optionNames());
    unknown.removeAll(OPTIONS);
    if (!unknown.isEmpty()) {
      throw new ProviderConfigurationException(NAME + " does not know the option(s) " + unknown
          + "; it knows " + new TreeSet<>(OPTIONS));
    }
    // Bad values fail here, not on the first call.
    options.get(KServeOptions.CONTENTS);
    options.get(KServeOptions.REPOSITORY);
    return new V2GrpcClient(NAME, endpoint, GrpcChannels.create(endpoint, DEFAULT_PORT, options), options, CAPABILITIES);
  }
}
