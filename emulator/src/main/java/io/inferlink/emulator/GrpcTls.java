package io.inferlink.emulator;

import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The TLS side of a {@link GrpcLoopbackServer}: PEM server identity and, for mutual TLS, the PEM CA
 * certificates client certificates must chain to, as {@link ServerTls} read and checked them.
 * Immutable and thread-safe.
 */
final class GrpcTls {
  private final byte[] chain;
  private final byte[] key;
  private final byte[] clientCa;

  /** The arrays are {@link ServerTls}'s own copies, never handed out further. */
  GrpcTls(byte[] chain, byte[] key, byte[] clientCa) {
    this.chain = chain;
    this.key = key;
    this.clientCa = clientCa;
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
