package io.inferlink.spi;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.ProviderConfigurationException;
import java.util.Set;

/**
 * Creates clients for one or more endpoint schemes. Implementations are found with
 * {@link java.util.ServiceLoader} (a {@code META-INF/services/io.inferlink.spi.InferenceClientProvider}
 * entry), must have a public no-argument constructor, must be thread-safe, and must do no I/O until
 * {@link #create} is called.
 */
public interface InferenceClientProvider {

  /** A short unique name, e.g. {@code kserve-v2-grpc}; used by the {@code inferlink.provider} override. */
  String name();

  /** The endpoint schemes served, lower-case, e.g. {@code kserve-v2+grpc} and {@code kserve-v2+grpcs}. */
  Set<String> schemes();

  /**
   * Rank among providers of the same scheme; the highest wins, and two available providers with the
   * same highest priority are an error. Our own providers use 5; use more to replace one.
   */
  default int priority() {
    return 5;
  }

  /** False when this provider cannot work here (a missing optional library, say). Never throws. */
  default boolean isAvailable() {
    return true;
  }

  /**
   * Creates a client. The options already contain the endpoint's query parameters as text options.
   *
   * @throws ProviderConfigurationException with a reason when this provider refuses the endpoint or
   *     options; the registry then tries the next provider and reports every reason if none accepts
   */
  InferenceClient create(Endpoint endpoint, ClientOptions options);
}
