package io.inferlink.emulator;

import java.util.Objects;
import java.util.Set;

/**
 * The skeleton every frontend of the emulator shares: a protocol name, its scheme (another one with
 * TLS), optional TLS and a request cap, and the one way a server is made for an emulator: named after
 * the protocol, living as long as the emulator says, serving TLS when asked. A frontend extends
 * {@link HttpFrontend} or {@link GrpcFrontend} and says only what its server serves. Immutable and
 * thread-safe when the subclass is.
 *
 * @param <S> the builder of the frontend's kind of server
 */
public abstract class LoopbackFrontend<S extends LoopbackServerBuilder<S>> implements ProtocolFrontend {
  private final String protocol;
  private final String scheme;
  private final String tlsScheme;
  private final ServerTls tls;
  private final int maxRequestBytes;

  LoopbackFrontend(String protocol, String scheme, String tlsScheme, FrontendBuilder<?> settings) {
    this.protocol = Objects.requireNonNull(protocol, "protocol");
    this.scheme = Objects.requireNonNull(scheme, "scheme");
    this.tlsScheme = tlsScheme;
    this.tls = settings == null ? null : settings.serverTls();
    this.maxRequestBytes = settings == null ? LoopbackServer.DEFAULT_MAX_REQUEST_BYTES : settings.maxRequestBytes();
    if (tls != null && tlsScheme == null) {
      throw new IllegalArgumentException("protocol '" + protocol + "' has no TLS scheme");
    }
  }

  /** A server builder of this frontend's kind, named {@code name}, reporting to the context where it must. */
  abstract S newServer(String name, FrontendContext context);

  /**
   * Adds what this frontend serves to its server: routes or services, how failures are answered.
   *
   * @param server the builder of this frontend's server, to add to
   * @param context the emulator's models, recorder and server metadata
   */
  protected abstract void serve(S server, FrontendContext context);

  @Override
  public String protocol() {
    return protocol;
  }

  /** The scheme, or with TLS the TLS scheme. */
  @Override
  public Set<String> schemes() {
    return Set.of(isTls() ? tlsScheme : scheme);
  }

  /**
   * True when the server speaks TLS.
   *
   * @return true when the frontend was configured with TLS
   */
  public final boolean isTls() {
    return tls != null;
  }

  @Override
  public final LoopbackServer create(FrontendContext context) {
    S server = newServer(protocol(), context).maxLifetime(context.maxLifetime()).maxRequestBytes(maxRequestBytes).tls(tls)
        .overload(context.overload());
    serve(server, context);
    return server.build();
  }
}
