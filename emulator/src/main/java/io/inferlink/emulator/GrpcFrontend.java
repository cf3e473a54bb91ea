package io.inferlink.emulator;

/**
 * A frontend served by a {@link GrpcLoopbackServer}: a subclass adds its services in {@link #serve};
 * the server, its lifetime, TLS, message cap and the recording of every call's metadata are the
 * base's. Immutable and thread-safe when the subclass is.
 */
public abstract class GrpcFrontend extends LoopbackFrontend<GrpcLoopbackServer.Builder> {

  /**
   * A frontend of this protocol; with TLS in {@code settings} its scheme is {@code tlsScheme}.
   * {@code settings} (TLS, message cap) may be null: plaintext, the default cap; {@code tlsScheme} may be
   * null for a frontend that never serves TLS.
   *
   * @param protocol the protocol's name, unique within one emulator
   * @param scheme the endpoint scheme of the plaintext server
   * @param tlsScheme the endpoint scheme when serving TLS, or {@code null}
   * @param settings the builder's TLS and message cap, or {@code null} for the defaults
   */
  protected GrpcFrontend(String protocol, String scheme, String tlsScheme, FrontendBuilder<?> settings) {
    super(protocol, scheme, tlsScheme, settings);
  }

  @Override
  final GrpcLoopbackServer.Builder newServer(String name, FrontendContext context) {
    return GrpcLoopbackServer.builder(name).recorder(context.recorder());
  }
}
