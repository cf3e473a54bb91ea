package io.inferlink.emulator;

import io.inferlink.emulator.TestCertificates;
import java.util.Objects;

/**
 * The TLS material of an emulator frontend: a PEM certificate chain (server certificate first), its
 * PEM PKCS#8 key and, for mutual TLS, the PEM CA that client certificates must chain to. The one
 * place every frontend builder keeps it, and hands it to an HTTP or gRPC loopback server. Immutable
 * and thread-safe (the arrays are copied in and never handed out).
 */
public final class ServerTls {
  private final byte[] chainPem;
  private final byte[] keyPem;
  private final byte[] clientCaPem;

  private ServerTls(byte[] chainPem, byte[] keyPem, byte[] clientCaPem) {
    this.chainPem = chainPem;
    this.keyPem = keyPem;
    this.clientCaPem = clientCaPem;
  }

  /** Server TLS with this chain and key. */
  public static ServerTls of(byte[] certificateChainPem, byte[] privateKeyPem) {
    return new ServerTls(Objects.requireNonNull(certificateChainPem, "certificateChainPem").clone(),
        Objects.requireNonNull(privateKeyPem, "privateKeyPem").clone(), null);
  }

  /** Mutual TLS: this chain and key, and client certificates issued by a CA of {@code clientCaPem}. */
  public static ServerTls mutual(byte[] certificateChainPem, byte[] privateKeyPem, byte[] clientCaPem) {
    ServerTls server = of(certificateChainPem, privateKeyPem);
    return new ServerTls(server.chainPem, server.keyPem, Objects.requireNonNull(clientCaPem, "clientCaPem").clone());
  }

  /** Server TLS with the server certificate of {@code certificates}. */
  public static ServerTls of(TestCertificates certificates) {
    return of(certificates.serverCertificateChainPem(), certificates.serverPrivateKeyPem());
  }

  /** Mutual TLS with the server certificate of {@code certificates}, trusting its CA for clients. */
  public static ServerTls mutual(TestCertificates certificates) {
    return mutual(certificates.serverCertificateChainPem(), certificates.serverPrivateKeyPem(),
        certificates.caCertificatePem());
  }

  /** Configures an HTTP loopback server with this material; bad PEM fails here. */
  public HttpLoopbackServer.Builder applyTo(HttpLoopbackServer.Builder server) {
    return server.tls(chainPem, keyPem, clientCaPem);
  }

  /** Configures a gRPC loopback server with this material; bad PEM fails here. */
  public GrpcLoopbackServer.Builder applyTo(GrpcLoopbackServer.Builder server) {
    return server.tls(chainPem, keyPem, clientCaPem);
  }
}
