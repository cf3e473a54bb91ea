package io.inferlink.emulator;

import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The TLS side of a {@link GrpcLoopbackServer}: PEM server identity and, for mutual TLS, the PEM CA
 * certificates client certificates must chain to. Checked when made, with the same PEM rules as
 * the HTTP servers, so bad material fails at build time rather than when the server starts.
 * Immutable and thread-safe.
 */
final class GrpcTls {
  private final byte[] chain;
  private final byte[] key;
  private final byte[] clientCa;

  /**
   * @param clientCa PEM CA certificates clients must present a certificate of, or {@code null}
   * @throws IllegalArgumentException naming the part that cannot be read
   */
  GrpcTls(byte[] chain, byte[] key, byte[] clientCa) {
    HttpTls.fromPem(chain, key, clientCa);
    this.chain = chain.clone();
    this.key = key.clone();
    this.clientCa = clientCa == null ? null : clientCa.clone();
  }

  /** grpc-java's credentials for this material; a client without a certificate is refused in mutual mode. */
  ServerCredentials credentials() {
    try {
      TlsServerCredentials.Builder b = TlsServerCredentials.newBuilder()
          .keyManager(new ByteArrayInputStream(chain), new ByteArrayInputStream(key));
      if (clientCa != null) {
        b.trustManager(new ByteArrayInputStream(clientCa)).clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
      }
      return b.build();
    } catch (IOException e) {
      throw new UncheckedIOException("TLS material cannot be read", e);
    }
  }
}
