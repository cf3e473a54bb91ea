package io.inferlink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * PEM-encoded certificates and key for TLS: the certificates to trust instead of the system's, and a
 * client certificate chain with its private key for mutual TLS. Any part may be absent. Immutable and
 * thread-safe; {@link #toString()} never shows the key.
 */
public final class TlsMaterial {
  private static final TlsMaterial NONE = new TlsMaterial(null, null, null);

  private final byte[] trustCertificatesPem;
  private final byte[] clientCertificateChainPem;
  private final byte[] clientPrivateKeyPem;

  private TlsMaterial(byte[] trust, byte[] chain, byte[] key) {
    this.trustCertificatesPem = trust;
    this.clientCertificateChainPem = chain;
    this.clientPrivateKeyPem = key;
  }

  /**
   * No custom material: the system trust store, no client certificate.
   *
   * @return the shared empty material
   */
  public static TlsMaterial none() {
    return NONE;
  }

  /**
   * A copy that trusts these PEM certificates (instead of the system's).
   *
   * @param pem one or more PEM {@code CERTIFICATE} blocks; copied, not null
   * @return a new material with the other parts unchanged
   */
  public TlsMaterial withTrustCertificates(byte[] pem) {
    return new TlsMaterial(pem.clone(), clientCertificateChainPem, clientPrivateKeyPem);
  }

  /**
   * A copy that presents this PEM certificate chain and PEM (PKCS#8) private key.
   *
   * @param chainPem the client's certificate chain in PEM, leaf first; copied, not null
   * @param privateKeyPem the matching private key in PEM (PKCS#8); copied, not null
   * @return a new material with the trusted certificates unchanged
   */
  public TlsMaterial withClientCertificate(byte[] chainPem, byte[] privateKeyPem) {
    return new TlsMaterial(trustCertificatesPem, chainPem.clone(), privateKeyPem.clone());
  }

  /** Reads a PEM file, with a message naming it when it cannot be read. */
  static byte[] read(Path file, String what) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + what + " from " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The PEM certificates to trust, or {@code null} for the system trust store. A copy.
   *
   * @return a new array with the PEM text, or {@code null}
   */
  public byte[] trustCertificatesPem() {
    return trustCertificatesPem == null ? null : trustCertificatesPem.clone();
  }

  /**
   * The client certificate chain in PEM, or {@code null}. A copy.
   *
   * @return a new array with the PEM text, or {@code null}
   */
  public byte[] clientCertificateChainPem() {
    return clientCertificateChainPem == null ? null : clientCertificateChainPem.clone();
  }

  /**
   * The client private key in PEM, or {@code null}. A copy.
   *
   * @return a new array with the PEM key, or {@code null}; the caller should clear it after use
   */
  public byte[] clientPrivateKeyPem() {
    return clientPrivateKeyPem == null ? null : clientPrivateKeyPem.clone();
  }

  /**
   * True when a client certificate is configured.
   *
   * @return whether a chain and key are set
   */
  public boolean hasClientCertificate() {
    return clientCertificateChainPem != null;
  }

  @Override
  public String toString() {
    return "TlsMaterial{trust=" + (trustCertificatesPem == null ? "system" : "custom")
        + ", clientCertificate=" + (clientCertificateChainPem == null ? "none" : "set, key " + io.inferlink.internal.RedactionRules.MASK) + "}";
  }
}
