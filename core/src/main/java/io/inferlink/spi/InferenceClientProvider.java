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

  /**
   * A short unique name, e.g. {@code kserve-v2-grpc}; used by the {@code inferlink.provider} override.
   *
   * @return the provider's name, unique among providers; never null
   */
  String name();

  /**
   * The endpoint schemes served, lower-case, e.g. {@code kserve-v2+grpc} and {@code kserve-v2+grpcs}.
   *
   * @return the lower-case schemes this provider serves; not empty
   */
  Set<String> schemes();

  /**
   * Rank among providers of the same scheme; the highest wins, and two available providers with the
   * same highest priority are an error. Our own providers use 5; use more to replace one.
   *
   * @return the priority; higher wins
   */
  default int priority() {
    return 5;
  }

  /**
   * False when this provider cannot work here (a missing optional library, say). Never throws.
   *
   * @return whether this provider can create clients in this runtime
   */
  default boolean isAvailable() {
    return true;
  }

  /**
   * Creates a client. The options already contain the endpoint's query parameters as text options.
   *
   * @param endpoint the parsed endpoint, whose scheme is one of {@link #schemes()}; not null
   * @param options the client's options, the endpoint's query parameters included; not null
   * @return a new client, owned and closed by the caller
   * @throws ProviderConfigurationException with a reason when this provider refuses the endpoint or
   *     options; the registry then tries the next provider and reports every reason if none accepts
   */
  InferenceClient create(Endpoint endpoint, ClientOptions options);
}
