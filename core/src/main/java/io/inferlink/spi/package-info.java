/**
 * The provider SPI: how backends plug in ({@link io.inferlink.spi.InferenceClientProvider}), how an
 * endpoint string is parsed ({@link io.inferlink.spi.Endpoint}) and how a provider is chosen
 * ({@link io.inferlink.spi.ProviderRegistry}), plus the shared pieces every backend must use rather
 * than copy: the HTTP and gRPC status tables, the exception factory, redaction and the JSON limits.
 */
package io.inferlink.spi;
