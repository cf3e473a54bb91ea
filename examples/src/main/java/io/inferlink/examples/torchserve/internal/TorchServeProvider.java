package io.inferlink.examples.torchserve.internal;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.examples.torchserve.TorchServeOptions;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.InferenceClientProvider;
import io.inferlink.spi.support.HeaderRules;
import java.util.Set;
import java.util.TreeSet;

/**
 * Serves {@code torchserve+http(s)}, found by {@link java.util.ServiceLoader} through {@code META-INF/services}.
 * Stateless; what the template cannot do is refused with the reason.
 */
public final class TorchServeProvider implements InferenceClientProvider {
  /** The provider's name, for {@code ClientOptions.providerName} and {@code -Dinferlink.provider}. */
  public static final String NAME = "torchserve";
  private static final Set<String> KNOWN_OPTIONS =
      Set.of(TorchServeOptions.MANAGEMENT_PORT.name(), TorchServeOptions.MANAGEMENT_TOKEN.name());

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> schemes() {
    return Set.of("torchserve+http", "torchserve+https");
  }

  @Override
  public InferenceClient create(Endpoint endpoint, ClientOptions options) {
    Set<String> unknown = new TreeSet<>(options.optionNames());
    unknown.removeAll(KNOWN_OPTIONS);
    long managementPort = options.get(TorchServeOptions.MANAGEMENT_PORT);
    String token = options.get(TorchServeOptions.MANAGEMENT_TOKEN);
    String why = endpoint.userInfo() != null ? "put credentials in the options (bearerToken, basicAuth), not the endpoint"
        : options.authority() != null ? "the JDK's HTTP client sends no Host but the URL's, so there is no authority"
            + " override (KServe's TorchServe runtime behind Knative speaks kserve-v1+http or kserve-v2+http)"
        : !unknown.isEmpty() ? "unknown option(s) " + unknown + "; known: " + new TreeSet<>(KNOWN_OPTIONS)
        : managementPort < 1 || managementPort > 65535 ? "management-port " + managementPort + " is outside 1..65535"
        : null;
    if (why != null) {
      throw new ProviderConfigurationException(NAME + ": " + why);
    }
    try {
      HeaderRules.check("Authorization", "Bearer " + (token == null ? "" : token));
    } catch (IllegalArgumentException e) {
      throw new ProviderConfigurationException(NAME + ": management-token has characters a header cannot carry", e);
    }
    String scheme = endpoint.isSecure() ? "https://" : "http://";
    // The base path is an ingress prefix of the inference API; the management API is not behind it.
    TorchServePaths paths = new TorchServePaths(scheme + endpoint.authority(8080) + endpoint.basePath(),
        scheme + endpoint.hostForUri() + ":" + managementPort);
    return new TorchServeClient(NAME, endpoint, options, paths, token == null ? null : "Bearer " + token);
  }
}
