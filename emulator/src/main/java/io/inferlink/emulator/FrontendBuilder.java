package io.inferlink.emulator;

/**
 * The settings every frontend builder offers, in one place: TLS (plaintext unless one of the
 * {@code tls} methods is called) and the largest request accepted. {@code B} is the concrete builder,
 * so calls chain. Not thread-safe.
 *
 * @param <B> the concrete builder
 */
public abstract class FrontendBuilder<B extends FrontendBuilder<B>> {
  private ServerTls tls;
  private int maxRequestBytes = LoopbackServer.DEFAULT_MAX_REQUEST_BYTES;

  /** For the concrete builders of the frontends; starts plaintext, with the default request limit. */
  protected FrontendBuilder() {}

  /**
   * Serves TLS with this PEM certificate chain (server certificate first) and PEM PKCS#8 key.
   *
   * @param certificateChainPem the PEM certificate chain, server certificate first
   * @param privateKeyPem the PEM PKCS#8 private key of the server certificate
   * @return this builder
   * @throws IllegalArgumentException when the material cannot be read
   */
  public B tls(byte[] certificateChainPem, byte[] privateKeyPem) {
    this.tls = ServerTls.of(certificateChainPem, privateKeyPem);
    return self();
  }

  /**
   * Serves TLS and requires client certificates issued by a CA of {@code clientCaPem}.
   *
   * @param certificateChainPem the PEM certificate chain, server certificate first
   * @param privateKeyPem the PEM PKCS#8 private key of the server certificate
   * @param clientCaPem the PEM CA certificates that client certificates must chain to
   * @return this builder
   * @throws IllegalArgumentException when the material cannot be read
   */
  public B mutualTls(byte[] certificateChainPem, byte[] privateKeyPem, byte[] clientCaPem) {
    this.tls = ServerTls.mutual(certificateChainPem, privateKeyPem, clientCaPem);
    return self();
  }

  /**
   * Serves TLS with the server certificate of {@code certificates}.
   *
   * @param certificates the test certificates whose server certificate and key to serve
   * @return this builder
   */
  public B tls(TestCertificates certificates) {
    this.tls = ServerTls.of(certificates);
    return self();
  }

  /**
   * Serves TLS with the server certificate of {@code certificates} and requires its client certificate's CA.
   *
   * @param certificates the test certificates whose server certificate to serve and whose CA client certificates must chain to
   * @return this builder
   */
  public B mutualTls(TestCertificates certificates) {
    this.tls = ServerTls.mutual(certificates);
    return self();
  }

  /**
   * The largest request accepted, an HTTP body (413 above) or a gRPC message (RESOURCE_EXHAUSTED
   * above); 256 MiB by default.
   *
   * @param bytes the largest request size in bytes
   * @return this builder
   * @throws IllegalArgumentException outside 1..2^31-2
   */
  public B maxRequestBytes(int bytes) {
    this.maxRequestBytes = LoopbackServerBuilder.checkRequestBytes(bytes);
    return self();
  }

  /**
   * The TLS to serve, or null for plaintext.
   *
   * @return the TLS material, or {@code null} for plaintext
   */
  public final ServerTls serverTls() {
    return tls;
  }

  /**
   * The largest request to accept.
   *
   * @return the largest request size in bytes
   */
  public final int maxRequestBytes() {
    return maxRequestBytes;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
