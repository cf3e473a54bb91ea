package io.inferlink.emulator;

/**
 * A frontend served by an {@link HttpLoopbackServer}: a subclass adds its routes and its failure reply
 * in {@link #serve}; the server, its lifetime, TLS and request cap are the base's. Immutable and
 * thread-safe when the subclass is.
 */
public abstract class HttpFrontend extends LoopbackFrontend<HttpLoopbackServer.Builder> {

  /**
   * A frontend of this protocol; with TLS in {@code settings} its scheme is {@code tlsScheme}.
   * {@code settings} (TLS, request cap) may be null: plaintext, the default cap; {@code tlsScheme} may be
   * null for a frontend that never serves TLS.
   *
   * @param protocol the protocol's name, unique within one emulator
   * @param scheme the endpoint scheme of the plaintext server
   * @param tlsScheme the endpoint scheme when serving TLS, or {@code null}
   * @param settings the builder's TLS and request cap, or {@code null} for the defaults
   */
  protected HttpFrontend(String protocol, String scheme, String tlsScheme, FrontendBuilder<?> settings) {
    super(protocol, scheme, tlsScheme, settings);
  }

  @Override
  final HttpLoopbackServer.Builder newServer(String name, FrontendContext context) {
    return HttpLoopbackServer.builder(name);
  }
}
