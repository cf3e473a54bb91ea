package io.inferlink.emulator;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS side of an {@link HttpLoopbackServer}: a server identity read from PEM (certificate chain
 * and PKCS#8 key, EC or RSA) and, for mutual TLS, the PEM CA certificates client certificates must
 * chain to. Built once, immutable and thread-safe.
 */
final class HttpTls {
  private static final Pattern PKCS8 =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
  private static final char[] NO_PASSWORD = new char[0];

  private final SSLContext context;
  private final boolean clientAuth;

  private HttpTls(SSLContext context, boolean clientAuth) {
    this.context = context;
    this.clientAuth = clientAuth;
  }

  /**
   * Reads the material; {@code clientCaPem} may be null (no client certificate asked for).
   *
   * @throws IllegalArgumentException naming the part that cannot be read
   */
  static HttpTls fromPem(byte[] chainPem, byte[] keyPem, byte[] clientCaPem) {
    List<Certificate> chain = certificates(chainPem, "server certificate chain");
    PrivateKey key = privateKey(keyPem);
    try {
      KeyStore identity = KeyStore.getInstance("PKCS12");
      identity.load(null, null);
      identity.setKeyEntry("server", key, NO_PASSWORD, chain.toArray(new Certificate[0]));
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(identity, NO_PASSWORD);
      TrustManagerFactory trust = null;
      if (clientCaPem != null) {
        KeyStore cas = KeyStore.getInstance("PKCS12");
        cas.load(null, null);
        int i = 0;
        for (Certificate ca : certificates(clientCaPem, "client CA")) {
          cas.setCertificateEntry("ca-" + i++, ca);
        }
        trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(cas);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
      return new HttpTls(context, clientCaPem != null);
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalArgumentException("TLS material does not fit together: " + e.getMessage(), e);
    }
  }

  /** Opens a listening TLS socket configured like this material says (not yet bound). */
  SSLServerSocket newServerSocket() throws java.io.IOException {
    SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
    socket.setNeedClientAuth(clientAuth);
    return socket;
  }

  private static List<Certificate> certificates(byte[] pem, String what) {
    if (pem == null || pem.length == 0) {
      throw new IllegalArgumentException(what + " is empty");
    }
    try {
      Collection<? extends Certificate> read =
          CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
      if (read.isEmpty()) {
        throw new IllegalArgumentException(what + " holds no PEM certificate");
      }
      return new ArrayList<>(read);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(what + " is not PEM X.509: " + e.getMessage(), e);
    }
  }

  private static PrivateKey privateKey(byte[] pem) {
    Matcher m = PKCS8.matcher(new String(pem == null ? new byte[0] : pem, StandardCharsets.US_ASCII));
    if (!m.find()) {
      throw new IllegalArgumentException("private key must be PEM PKCS#8 (BEGIN PRIVATE KEY)");
    }
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(m.group(1)));
    for (String algorithm : new String[] {"EC", "RSA"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new IllegalArgumentException("private key is neither an EC nor an RSA PKCS#8 key");
  }
}
