package io.inferlink.emulator;

import java.time.Duration;

/**
 * What every loopback server is built with, HTTP and gRPC alike: a name (for its threads), a maximum
 * lifetime, the largest request it accepts, how many requests it handles at once, and optional TLS.
 * Not thread-safe.
 *
 * @param <B> the concrete builder, so calls chain
 */
public abstract class LoopbackServerBuilder<B extends LoopbackServerBuilder<B>> {
  private final String name;
  private final int minThreads;
  private Duration maxLifetime = LoopbackServer.DEFAULT_MAX_LIFETIME;
  private int maxRequestBytes = LoopbackServer.DEFAULT_MAX_REQUEST_BYTES;
  private int threads;
  private ServerTls tls;
  private Overload overload = new Overload();

  LoopbackServerBuilder(String name, int defaultThreads, int minThreads) {
    if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("server name '" + name + "' must be letters, digits, '.', '_' or '-'");
    }
    this.name = name;
    this.threads = defaultThreads;
    this.minThreads = minThreads;
  }

  /**
   * How long the server runs at most before it stops itself; 30 minutes by default.
   *
   * @param lifetime the longest the server runs; positive
   * @return this builder
   */
  public B maxLifetime(Duration lifetime) {
    this.maxLifetime = checkLifetime(lifetime);
    return self();
  }

  /**
   * The largest request accepted, an HTTP body (413 above) or a gRPC message (RESOURCE_EXHAUSTED
   * above); 256 MiB by default.
   *
   * @param bytes the largest request size in bytes
   * @return this builder
   */
  public B maxRequestBytes(int bytes) {
    this.maxRequestBytes = checkRequestBytes(bytes);
    return self();
  }

  /**
   * How many requests are handled at once (further ones queue).
   *
   * @param count the number of request threads; at least the minimum of the server's kind
   * @return this builder
   */
  public B threads(int count) {
    if (count < minThreads) {
      throw new IllegalArgumentException("threads must be at least " + minThreads + ", got " + count);
    }
    this.threads = count;
    return self();
  }

  /**
   * Serves TLS (mutual TLS when {@code tls} has a client CA); {@code null} serves plaintext, the default.
   *
   * @param tls the TLS material to serve with, or {@code null} for plaintext
   * @return this builder
   */
  public B tls(ServerTls tls) {
    this.tls = tls;
    return self();
  }

  /**
   * Serves TLS with a PEM certificate chain (server certificate first) and its PEM PKCS#8 private key
   * (EC or RSA), e.g. from {@link TestCertificates}.
   *
   * @param certificateChainPem the PEM certificate chain, server certificate first
   * @param privateKeyPem the PEM PKCS#8 private key of the server certificate
   * @return this builder
   * @throws IllegalArgumentException when the material cannot be read
   */
  public B tls(byte[] certificateChainPem, byte[] privateKeyPem) {
    return tls(ServerTls.of(certificateChainPem, privateKeyPem));
  }

  /**
   * Serves mutual TLS: like {@link #tls(byte[], byte[])}, and clients must present a certificate that
   * chains to one of the PEM certificates in {@code clientCaPem} ({@code null}: none asked for).
   *
   * @param certificateChainPem the PEM certificate chain, server certificate first
   * @param privateKeyPem the PEM PKCS#8 private key of the server certificate
   * @param clientCaPem the PEM CA certificates client certificates must chain to, or {@code null}
   * @return this builder
   * @throws IllegalArgumentException when the material cannot be read
   */
  public B tls(byte[] certificateChainPem, byte[] privateKeyPem, byte[] clientCaPem) {
    return tls(clientCaPem == null ? ServerTls.of(certificateChainPem, privateKeyPem)
        : ServerTls.mutual(certificateChainPem, privateKeyPem, clientCaPem));
  }

  /**
   * Obeys this overload switch: while it is on, every request is refused before it is served
   * ({@link Overload}). By default the server has a switch of its own that nobody turns on.
   *
   * @param overload the switch to obey; shared with whoever turns it on
   * @return this builder
   */
  public B overload(Overload overload) {
    this.overload = java.util.Objects.requireNonNull(overload, "overload");
    return self();
  }

  /**
   * Builds the server; it binds on {@link LoopbackServer#start()}.
   *
   * @return a new server, not bound yet; the caller closes it
   */
  public abstract LoopbackServer build();

  /** The one rule for a lifetime, of every server and the emulator: positive. */
  static Duration checkLifetime(Duration lifetime) {
    if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("maxLifetime must be positive, got " + lifetime);
    }
    return lifetime;
  }

  /** The one rule for a request cap, of every server and frontend: 1 to 2^31-2 bytes. */
  static int checkRequestBytes(int bytes) {
    if (bytes < 1 || bytes == Integer.MAX_VALUE) {
      throw new IllegalArgumentException("maxRequestBytes must be in 1..2^31-2, got " + bytes);
    }
    return bytes;
  }

  final String name() {
    return name;
  }

  final Duration maxLifetime() {
    return maxLifetime;
  }

  final int maxRequestBytesValue() {
    return maxRequestBytes;
  }

  final int threadCount() {
    return threads;
  }

  final ServerTls serverTls() {
    return tls;
  }

  final Overload overloadSwitch() {
    return overload;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
