package io.inferlink.emulator;

import java.util.Objects;

/**
 * The TLS material of an emulator server: a PEM certificate chain (server certificate first), its PEM
 * PKCS#8 key and, for mutual TLS, the PEM CA that client certificates must chain to. Read when made,
 * so bad material fails where it is given rather than when a server starts; the one place every
 * frontend and server builder keeps it. Immutable and thread-safe (the arrays are copied in and never
 * handed out).
 */
public final class ServerTls {
  private final byte[] chainPem;
  private final byte[] keyPem;
  private final byte[] clientCaPem;
  private final HttpTls http;

  private ServerTls(byte[] chainPem, byte[] keyPem, byte[] clientCaPem) {
    this.chainPem = Objects.requireNonNull(chainPem, "certificateChainPem").clone();
    this.keyPem = Objects.requireNonNull(keyPem, "privateKeyPem").clone();
    this.clientCaPem = clientCaPem == null ? null : clientCaPem.clone();
    this.http = HttpTls.fromPem(this.chainPem, this.keyPem, this.clientCaPem);
  }

  /**
   * Server TLS with this chain and key.
   *
   * @param certificateChainPem the PEM certificate chain, server certificate first
   * @param privateKeyPem the PEM PKCS#8 private key of the server certificate
   * @return TLS material without client authentication
   * @throws IllegalArgumentException naming the part that cannot be read
   */
  public static ServerTls of(byte[] certificateChainPem, byte[] privateKeyPem) {
    return new ServerTls(certificateChainPem, privateKeyPem, null);
  }

  /**
   * Mutual TLS: this chain and key, and client certificates issued by a CA of {@code clientCaPem}.
   *
   * @param certificateChainPem the PEM certificate chain, server certificate first
   * @param privateKeyPem the PEM PKCS#8 private key of the server certificate
   * @param clientCaPem the PEM CA certificates that client certificates must chain to
   * @return TLS material that requires a client certificate
   * @throws IllegalArgumentException naming the part that cannot be read
   */
  public static ServerTls mutual(byte[] certificateChainPem, byte[] privateKeyPem, byte[] clientCaPem) {
    return new ServerTls(certificateChainPem, privateKeyPem, Objects.requireNonNull(clientCaPem, "clientCaPem"));
  }

  /**
   * Server TLS with the server certificate of {@code certificates}.
   *
   * @param certificates the test certificates whose server certificate and key to serve
   * @return TLS material without client authentication
   */
  public static ServerTls of(TestCertificates certificates) {
    return of(certificates.serverCertificateChainPem(), certificates.serverPrivateKeyPem());
  }

  /**
   * Mutual TLS with the server certificate of {@code certificates}, trusting its CA for clients.
   *
   * @param certificates the test certificates to serve and whose CA client certificates must chain to
   * @return TLS material that requires a client certificate
   */
  public static ServerTls mutual(TestCertificates certificates) {
    return mutual(certificates.serverCertificateChainPem(), certificates.serverPrivateKeyPem(),
        certificates.caCertificatePem());
  }

  /** The material as an HTTP server uses it. */
  HttpTls http() {
    return http;
  }

  /** The material as a gRPC server uses it. */
  GrpcTls grpc() {
    return new GrpcTls(chainPem, keyPem, clientCaPem);
  }
}
