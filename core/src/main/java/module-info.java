/**
 * Inferlink's API, the provider contract and the provider author's toolkit; JDK only. The machinery the API
 * needs without importing the SPI ({@code io.inferlink.internal}) is not exported.
 */
module io.inferlink.core {
  // Required at run time (no longer static): OAuth2ClientCredentials asks its token endpoint with the JDK's
  // HTTP client. CappedBodies, for backends on that client, uses it too.
  requires java.net.http;

  exports io.inferlink;
  exports io.inferlink.interceptor;
  exports io.inferlink.credentials;
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
