/**
 * Inferlink's API, the provider contract and the provider author's toolkit; JDK only. The machinery the API
 * needs without importing the SPI ({@code io.inferlink.internal}) is not exported.
 */
module io.inferlink.core {
  // Only CappedBodies, for backends on the JDK's HTTP client: they require java.net.http themselves.
  requires static java.net.http;

  exports io.inferlink;
  exports io.inferlink.interceptor;
  exports io.inferlink.routing;
  exports io.inferlink.half;
  exports io.inferlink.npy;
  exports io.inferlink.parity;
  exports io.inferlink.spi;
  exports io.inferlink.spi.support;
  // A tensor's heap array, for the one gRPC encoder of tensor bytes (transport-grpc TensorWireBytes).
  exports io.inferlink.internal.wire to io.inferlink.transport.grpc;

  uses io.inferlink.spi.InferenceClientProvider;
}
