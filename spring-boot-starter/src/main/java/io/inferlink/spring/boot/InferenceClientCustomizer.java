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
  /**
   * Changes the options of one client before it is created.
   *
   * @param clientName the client's bean name, the key under {@code inferlink.clients}
   * @param options its options as read from the properties, to change in place
   */
  void customize(String clientName, ClientOptions.Builder options);
}
