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
 * Serves {@code torchserve+http} and {@code torchserve+https} with a {@link TorchServeClient}. Found
 * through {@link java.util.ServiceLoader} (the examples' {@code META-INF/services} names it), so
 * {@code InferenceClient.create("torchserve+http://host:8080")} is all an application writes.
 * Stateless and thread-safe; does no I/O until {@link #create}.
 */
public final class TorchServeProvider implements InferenceClientProvider {
  /** The provider's name, for {@code ClientOptions.providerName} and {@code -Dinferlink.provider}. */
  public static final String NAME = "torchserve";
  /** TorchServe's default inference port. */
  public static final int DEFAULT_PORT = 8080;

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

  /** Creates a client; what the template cannot do is refused with the reason rather than ignored. */
  @Override
  public InferenceClient create(Endpoint endpoint, ClientOptions options) {
    if (endpoint.userInfo() != null) {
      throw refused("put credentials in the options (bearerToken, basicAuth), not in the endpoint");
    }
    if (options.authority() != null) {
      throw refused("the JDK's HTTP client cannot send a Host other than the URL's, so the authority override is"
          + " not supported (KServe's TorchServe runtime behind Knative speaks kserve-v1+http or kserve-v2+http)");
    }
    Set<String> unknown = new TreeSet<>(options.optionNames());
    unknown.removeAll(KNOWN_OPTIONS);
    if (!unknown.isEmpty()) {
      throw refused("unknown option(s) " + unknown + "; known: " + new TreeSet<>(KNOWN_OPTIONS));
    }
    long managementPort = options.get(TorchServeOptions.MANAGEMENT_PORT);
    if (managementPort < 1 || managementPort > 65535) {
      throw refused("management-port " + managementPort + " is outside 1..65535");
    }
    String token = options.get(TorchServeOptions.MANAGEMENT_TOKEN);
    try {
      if (token != null) {
        HeaderRules.check("Authorization", "Bearer " + token);
      }
    } catch (IllegalArgumentException e) {
      throw new ProviderConfigurationException(NAME + ": management-token has characters a header cannot carry", e);
    }
    String scheme = endpoint.isSecure() ? "https://" : "http://";
    // The base path is an ingress prefix of the inference API; the management API is not behind it.
    TorchServePaths paths = new TorchServePaths(scheme + endpoint.authority(DEFAULT_PORT) + endpoint.basePath(),
        scheme + endpoint.hostForUri() + ":" + managementPort);
    return new TorchServeClient(NAME, endpoint, options, paths, token == null ? null : "Bearer " + token);
  }

  private static ProviderConfigurationException refused(String why) {
    return new ProviderConfigurationException(NAME + ": " + why);
  }
}
