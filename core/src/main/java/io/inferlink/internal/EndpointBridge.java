package io.inferlink.internal;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.ProviderRegistry;

/**
 * The user API's way to the provider SPI: {@link InferenceClient#create} and {@link ClientOptions}
 * reach the default registry and the endpoint parser through here, so that the API package itself
 * depends on nothing of {@code io.inferlink.spi}. Stateless and thread-safe.
 */
public final class EndpointBridge {
  private EndpointBridge() {}

  /** Parses the endpoint (one host or several) and creates a client with the default registry. */
  public static InferenceClient createClient(String endpoint, ClientOptions options) {
    return ProviderRegistry.getDefault().createClient(endpoint, options);
  }

  /**
   * The user-info part of an endpoint string ({@code user:password}), or {@code null} when it has none.
   *
   * @throws IllegalArgumentException when the endpoint does not parse
   */
  public static String userInfo(String endpoint) {
    return Endpoint.parseHosts(endpoint).get(0).userInfo(); // the same for every host
  }
}
