package io.inferlink.ovms.internal;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.InferenceClientProvider;
import io.inferlink.spi.ProviderRegistry;

/**
 * Finds the KServe and TF Serving providers the OVMS providers build on, by name, through the same
 * {@link java.util.ServiceLoader} discovery as any provider, so no internal class of those backends is
 * named here. The lookup runs on first use; thread-safe.
 */
final class InnerProviders {
  static final String KSERVE_REST = "kserve-v2-rest";
  static final String KSERVE_GRPC = "kserve-v2-grpc";
  static final String TFS_REST = "tfserving-rest";
  static final String TFS_GRPC = "tfserving-grpc";

  private InnerProviders() {}

  /** A client of the named provider for the endpoint; the options must carry no OVMS option. */
  static InferenceClient create(String name, Endpoint endpoint, ClientOptions options) {
    return provider(name).create(endpoint, options);
  }

  private static InferenceClientProvider provider(String name) {
    for (InferenceClientProvider p : Holder.REGISTRY.providers()) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new ProviderConfigurationException("the OVMS providers build on provider '" + name
        + "', which is not on the class path; add io.inferlink:inferlink-backend-"
        + (name.startsWith("kserve") ? "kserve-v2" : name.equals(TFS_REST) ? "tfserving-rest" : "tfserving-grpc"));
  }

  /** The providers visible to this module's class loader, found once. */
  private static final class Holder {
    static final ProviderRegistry REGISTRY = ProviderRegistry.load(InnerProviders.class.getClassLoader());
  }
}
