/**
 * The TorchServe template's provider, client and codec: {@link
 * io.inferlink.examples.torchserve.internal.TorchServeProvider} is found through {@code
 * META-INF/services/io.inferlink.spi.InferenceClientProvider}; nothing here is meant to be called
 * directly. The client speaks HTTP through the JDK's {@code java.net.http.HttpClient} and JSON through
 * Jackson's streaming API; see {@link io.inferlink.examples.torchserve} for the wire convention.
 */
package io.inferlink.examples.torchserve.internal;
