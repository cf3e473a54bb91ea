package io.inferlink.emulator;

import io.inferlink.emulator.TestCertificates;

/**
 * The TLS settings every frontend builder offers, in one place: plaintext unless one of these is
 * called. {@code B} is the concrete builder, so calls chain. Not thread-safe.
 */
public abstract class TlsFrontendBuilder<B extends TlsFrontendBuilder<B>> {
  private ServerTls tls;

  protected TlsFrontendBuilder() {}

  /** Serves TLS with this PEM certificate chain (server certificate first) and PEM PKCS#8 key. */
  public B tls(byte[] certificateChainPem, byte[] privateKeyPem) {
    this.tls = ServerTls.of(certificateChainPem, privateKeyPem);
    return self();
  }

  /** Serves TLS and requires client certificates issued by a CA of {@code clientCaPem}. */
  public B mutualTls(byte[] certificateChainPem, byte[] privateKeyPem, byte[] clientCaPem) {
    this.tls = ServerTls.mutual(certificateChainPem, privateKeyPem, clientCaPem);
    return self();
  }

  /** Serves TLS with the server certificate of {@code certificates}. */
  public B tls(TestCertificates certificates) {
    this.tls = ServerTls.of(certificates);
    return self();
  }

  /** Serves TLS with the server certificate of {@code certificates} and requires its client certificate's CA. */
  public B mutualTls(TestCertificates certificates) {
    this.tls = ServerTls.mutual(certificates);
    return self();
  }

  /** The TLS to serve, or null for plaintext. */
  public final ServerTls serverTls() {
    return tls;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
