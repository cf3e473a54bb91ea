package io.inferlink.spring.boot;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceException;
import io.inferlink.ProviderConfigurationException;
import java.util.List;

/**
 * Creates the client of each {@code inferlink.clients} entry: its properties, then every
 * {@link InferenceClientCustomizer}, then the provider found on the class path. Thread-safe.
 */
public final class InferenceClientFactory {
  private final InferlinkProperties properties;
  private final List<InferenceClientCustomizer> customizers;

  /**
   * A factory that reads its clients from bound properties.
   *
   * @param properties the bound {@code inferlink.*} properties
   * @param customizers applied to every client's options, in the order given
   */
  public InferenceClientFactory(InferlinkProperties properties, List<InferenceClientCustomizer> customizers) {
    this.properties = properties;
    this.customizers = List.copyOf(customizers);
  }

  /**
   * A new client for the entry {@code name}; the caller closes it.
   *
   * @param name the key under {@code inferlink.clients}
   * @return a new client, owned and closed by the caller
   * @throws ProviderConfigurationException when the entry is missing, a value is wrong, or no backend on
   *     the class path serves the endpoint; the message names the property
   */
  public InferenceClient create(String name) {
    ClientProperties client = properties.getClients().get(name);
    if (client == null) {
      throw new ProviderConfigurationException("no client " + name + " under " + InferlinkProperties.PREFIX + ".clients");
    }
    ClientOptions.Builder options = ClientOptionsMapper.toOptions(name, properties.getDefaults(), client);
    customizers.forEach(c -> c.customize(name, options));
    ClientOptions built = options.build();
    try {
      return InferenceClient.create(built);
    } catch (InferenceException e) {
      // Core's message already hides the endpoint's credentials; say which client it was.
      throw new ProviderConfigurationException(endpointProperty(name) + ClientOptionsMapper.withoutCode(e), e);
    } catch (IllegalArgumentException e) {
      throw new ProviderConfigurationException(endpointProperty(name) + e.getMessage(), e);
    }
  }

  private static String endpointProperty(String name) {
    return InferlinkProperties.PREFIX + ".clients." + name + ".endpoint: ";
  }
}
