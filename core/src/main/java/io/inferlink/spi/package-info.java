/**
 * The provider contract: how backends plug in ({@link io.inferlink.spi.InferenceClientProvider}), how
 * an endpoint string is parsed ({@link io.inferlink.spi.Endpoint}) and how a provider is chosen
 * ({@link io.inferlink.spi.ProviderRegistry}). The building blocks of a provider are in
 * {@code io.inferlink.spi.support}.
 */
package io.inferlink.spi;
