package io.inferlink.ovms.internal;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.InferenceClientProvider;
import java.util.Set;

/**
 * Serves {@code ovms+http} and {@code ovms+https} (port 8000 when none is given): OVMS's KServe REST
 * API, or its TF Serving REST API with {@code api=tfs}. Thread-safe.
 */
public final class OvmsRestProvider implements InferenceClientProvider {
  /** The provider's name. */
  public static final String NAME = "ovms-rest";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> schemes() {
    return Set.of("ovms+http", "ovms+https");
  }

  @Override
  public InferenceClient create(Endpoint endpoint, ClientOptions options) {
    return OvmsClients.create(NAME, endpoint, options, false);
  }
}
