package io.inferlink.examples.torchserve.internal;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.examples.torchserve.TorchServeOptions;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.InferenceClientProvider;
import java.util.Set;
import java.util.TreeSet;

/**
 * Serves {@code torchserve+http} and {@code torchserve+https} endpoints with a {@link
 * TorchServeClient}. Found through {@link java.util.ServiceLoader} (the examples' {@code
 * META-INF/services/io.inferlink.spi.InferenceClientProvider} names this class), so an application
 * reaches TorchServe with {@code InferenceClient.create("torchserve+http://host:8080")} and nothing
 * else. Stateless and thread-safe; does no I/O until {@link #create}.
 */
public final class TorchServeProvider implements InferenceClientProvider {
  /** The provider's name, for {@code ClientOptions.providerName} and {@code -Dinferlink.provider}. */
  public static final String NAME = "torchserve";
  /** TorchServe's default inference port. */
  public static final int DEFAULT_PORT = 8080;

  private static final Set<String> KNOWN_OPTIONS =
      Set.of(TorchServeOptions.MANAGEMENT_PORT.name(), TorchServeOptions.MANAGEMENT_TOKEN.name());

  /** The public no-argument constructor {@link java.util.ServiceLoader} needs. */
  public TorchServeProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> schemes() {
    return Set.of("torchserve+http", "torchserve+https");
  }

  /**
   * Creates a client; refuses what this template cannot do, with the reason, rather than ignoring it.
   *
   * @throws ProviderConfigurationException for credentials in the URL, an authority override, an
   *     unknown option or a management port out of range
   */
  @Override
  public InferenceClient create(Endpoint endpoint, ClientOptions options) {
    if (endpoint.userInfo() != null) {
      throw new ProviderConfigurationException(NAME + ": put credentials in the options (bearerToken, basicAuth),"
          + " not in the endpoint");
    }
    if (options.authority() != null) {
      throw new ProviderConfigurationException(NAME + ": the JDK's HTTP client this template uses cannot send a"
          + " Host other than the URL's, so the authority override is not supported (KServe's TorchServe runtime"
          + " behind Knative speaks kserve-v1+http or kserve-v2+http, which support it)");
    }
    Set<String> unknown = new TreeSet<>(options.optionNames());
    unknown.removeAll(KNOWN_OPTIONS);
    if (!unknown.isEmpty()) {
      throw new ProviderConfigurationException(NAME + " does not know the option(s) " + unknown + "; known: "
          + new TreeSet<>(KNOWN_OPTIONS));
    }
    long managementPort = options.get(TorchServeOptions.MANAGEMENT_PORT);
    if (managementPort < 1 || managementPort > 65535) {
      throw new ProviderConfigurationException(NAME + ": management-port " + managementPort + " is outside 1..65535");
    }
    String scheme = endpoint.isSecure() ? "https" : "http";
    // The base path is an ingress prefix of the inference API; the management API is not behind it.
    TorchServePaths paths = new TorchServePaths(
        scheme + "://" + endpoint.authority(DEFAULT_PORT) + endpoint.basePath(),
        scheme + "://" + endpoint.hostForUri() + ":" + managementPort);
    String managementToken = options.get(TorchServeOptions.MANAGEMENT_TOKEN);
    if (managementToken != null) {
      try {
        io.inferlink.spi.support.HeaderRules.check("Authorization", managementToken);
      } catch (IllegalArgumentException e) {
        throw new ProviderConfigurationException(NAME + ": management-token has characters a header cannot carry", e);
      }
    }
    JdkHttpCalls http = new JdkHttpCalls(endpoint.isSecure(), options, NAME);
    return new TorchServeClient(NAME, http, paths, options, managementToken == null ? null : "Bearer " + managementToken);
  }
}
