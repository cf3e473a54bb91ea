package io.inferlink.spring.boot;

import io.inferlink.ClientOptions;

/**
 * Changes the options of the clients the starter creates, after their properties are read: interceptors,
 * header suppliers, credentials from a vault. Beans of this type are applied in their {@code @Order}; the
 * starter's tracing customizer comes first, so that its span covers the others' work. Implementations
 * must be thread-safe if they keep state.
 */
@FunctionalInterface
public interface InferenceClientCustomizer {
  /** Changes {@code options} of the client named {@code clientName} (its bean name). */
  void customize(String clientName, ClientOptions.Builder options);
}
