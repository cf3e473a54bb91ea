package io.inferlink.ovms.internal;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.InferenceClientProvider;
import java.util.Set;

/**
 * Serves {@code ovms+grpc} and {@code ovms+grpcs} (port 9000 when none is given): OVMS's KServe gRPC
 * API, or its TF Serving gRPC API with {@code api=tfs}. Thread-safe.
 */
public final class OvmsGrpcProvider implements InferenceClientProvider {
  /** The provider's name. */
  public static final String NAME = "ovms-grpc";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> schemes() {
    return Set.of("ovms+grpc", "ovms+grpcs");
  }

  @Override
  public InferenceClient create(Endpoint endpoint, ClientOptions options) {
    return OvmsClients.create(NAME, endpoint, options, true);
  }
}
