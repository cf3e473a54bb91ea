package io.inferlink.spi.support;

import io.inferlink.ProviderConfigurationException;
import io.inferlink.TlsMaterial;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Turns {@link TlsMaterial} (PEM text) into the JDK's TLS objects, for every transport: the REST
 * backends use {@link #sslContext}, the gRPC backends the two factories. JDK only. Stateless and
 * thread-safe.
 *
 * <p>Certificates are PEM X.509 ({@code BEGIN CERTIFICATE}); private keys are PEM PKCS#8
 * ({@code BEGIN PRIVATE KEY}: RSA, EC or EdDSA) or PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY}).
 * Bad material gives a {@link ProviderConfigurationException} naming the part that is wrong; no
 * message ever repeats key bytes.
 */
public final class TlsSupport {
  private static final Pattern PEM_BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
  private static final String[] KEY_ALGORITHMS = {"RSA", "EC", "EdDSA", "RSASSA-PSS"};
  // Protects the in-memory key store only; the key never leaves this process.
  private static final char[] STORE_PASSWORD = "inferlink".toCharArray();
  private static final String TRUST = "trusted certificates";
  private static final String CHAIN = "client certificate chain";
  private static final String KEY = "client private key";

  private TlsSupport() {}

  /**
   * A TLS context that trusts the material's certificates (else the system's) and presents its
   * client certificate, if any. Host-name checks are the caller's (HTTP client or gRPC channel).
   *
   * @param material the certificates and key to use; not null
   * @return a new TLS context, initialized
   * @throws ProviderConfigurationException when the material does not parse
   */
  public static SSLContext sslContext(TlsMaterial material) {
    Objects.requireNonNull(material, "material");
    KeyManagerFactory keys = keyManagers(material);
    TrustManagerFactory trust = trustManagers(material);
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new ProviderConfigurationException("cannot create the TLS context: " + e.getMessage(), e);
    }
  }

  /**
   * Trust managers for the material's trusted certificates, or the system's defaults when it has none.
   *
   * @param material the certificates to trust; not null
   * @return a new factory, initialized
   * @throws ProviderConfigurationException when the certificates do not parse
   */
  public static TrustManagerFactory trustManagers(TlsMaterial material) {
    Objects.requireNonNull(material, "material");
    byte[] pem = material.trustCertificatesPem();
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      if (pem == null) {
        factory.init((KeyStore) null);
        return factory;
      }
      KeyStore store = emptyStore();
      List<X509Certificate> certificates = certificates(pem, TRUST);
      for (int i = 0; i < certificates.size(); i++) {
        store.setCertificateEntry("trusted-" + i, certificates.get(i));
      }
      factory.init(store);
      return factory;
    } catch (GeneralSecurityException e) {
      throw new ProviderConfigurationException("cannot load the " + TRUST + ": " + e.getMessage(), e);
    }
  }

  /**
   * Key managers presenting the material's client certificate chain and key, or {@code null} when it
   * has no client certificate.
   *
   * @param material the client certificate chain and key; not null
   * @return a new factory, initialized, or {@code null} without a client certificate
   * @throws ProviderConfigurationException when the chain or key does not parse, or they do not match
   */
  public static KeyManagerFactory keyManagers(TlsMaterial material) {
    Objects.requireNonNull(material, "material");
    if (!material.hasClientCertificate()) {
      return null;
    }
    byte[] keyPem = material.clientPrivateKeyPem();
    if (keyPem == null) {
      throw new ProviderConfigurationException(KEY + ": missing (a client certificate needs its key)");
    }
    List<X509Certificate> chain = certificates(material.clientCertificateChainPem(), CHAIN);
    PrivateKey key = privateKey(keyPem);
    checkPair(key, chain.get(0));
    try {
      KeyStore store = emptyStore();
      store.setKeyEntry("client", key, STORE_PASSWORD, chain.toArray(new X509Certificate[0]));
      KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, STORE_PASSWORD);
      return factory;
    } catch (GeneralSecurityException e) {
      // The JDK's messages here name algorithms and aliases, never key material.
      throw new ProviderConfigurationException("cannot load the client certificate and key: " + e.getMessage(), e);
    }
  }

  /**
   * Parses every {@code CERTIFICATE} block of a PEM text, in order.
   *
   * @param what names the material in error messages ("trusted certificates")
   * @param pem the PEM text's bytes (US-ASCII); not null, not empty
   * @return the certificates, in the text's order; never empty
   * @throws ProviderConfigurationException when there is none or one does not parse
   */
  public static List<X509Certificate> certificates(byte[] pem, String what) {
    List<X509Certificate> out = new ArrayList<>();
    Matcher m = PEM_BLOCK.matcher(text(pem, what));
    CertificateFactory factory;
    try {
      factory = CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new ProviderConfigurationException("X.509 is not available in this JDK", e);
    }
    while (m.find()) {
      if (!m.group(1).equals("CERTIFICATE")) {
        continue;
      }
      byte[] der = base64(m.group(2), what + ": certificate #" + (out.size() + 1));
      try {
        out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
      } catch (CertificateException | ClassCastException e) {
        throw new ProviderConfigurationException(
            what + ": certificate #" + (out.size() + 1) + " is not a valid X.509 certificate (" + e.getMessage() + ")", e);
      }
    }
    if (out.isEmpty()) {
      throw new ProviderConfigurationException(what + ": no PEM 'BEGIN CERTIFICATE' block found");
    }
    return out;
  }

  /**
   * Parses the first private-key block of a PEM text: PKCS#8 (RSA, EC, EdDSA) or PKCS#1 RSA.
   *
   * @param pem the PEM text's bytes (US-ASCII); not null, not empty
   * @return the private key
   * @throws ProviderConfigurationException when there is none, it is encrypted, or it does not parse
   */
  public static PrivateKey privateKey(byte[] pem) {
    Matcher m = PEM_BLOCK.matcher(text(pem, KEY));
    while (m.find()) {
      String label = m.group(1);
      if (!label.endsWith("PRIVATE KEY")) {
        continue;
      }
      switch (label) {
        case "PRIVATE KEY":
          return pkcs8(base64(m.group(2), KEY), "a PKCS#8 RSA, EC or EdDSA key");
        case "RSA PRIVATE KEY":
          if (m.group(2).contains("ENCRYPTED")) {
            throw unsupported("an encrypted PKCS#1 key");
          }
          return pkcs8(rsaPkcs1ToPkcs8(base64(m.group(2), KEY)), "a PKCS#1 RSA key");
        case "EC PRIVATE KEY":
          throw unsupported("a SEC1 EC key ('BEGIN EC PRIVATE KEY')");
        case "ENCRYPTED PRIVATE KEY":
          throw unsupported("an encrypted PKCS#8 key");
        default:
          throw unsupported("a '" + label + "' block");
      }
    }
    throw new ProviderConfigurationException(KEY + ": no PEM 'BEGIN PRIVATE KEY' block found");
  }

  private static ProviderConfigurationException unsupported(String what) {
    return new ProviderConfigurationException(KEY + ": " + what + " is not supported; convert it to an "
        + "unencrypted PKCS#8 PEM with 'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem'");
  }

  private static PrivateKey pkcs8(byte[] der, String expected) {
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException | RuntimeException e) {
        // Try the next algorithm; the JDK reports a wrong one only by failing.
      }
    }
    // No cause attached: parser messages can quote the bytes they choked on.
    throw new ProviderConfigurationException(KEY + ": not " + expected + " (the PEM block does not decode as one)");
  }

  /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo with the rsaEncryption algorithm. */
  private static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
    byte[] versionAndAlgorithm = {
      0x02, 0x01, 0x00,
      0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };
    ByteArrayOutputStream octets = new ByteArrayOutputStream();
    octets.write(0x04);
    derLength(octets, pkcs1.length);
    octets.writeBytes(pkcs1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x30);
    derLength(out, versionAndAlgorithm.length + octets.size());
    out.writeBytes(versionAndAlgorithm);
    out.writeBytes(octets.toByteArray());
    return out.toByteArray();
  }

  private static void derLength(ByteArrayOutputStream out, int length) {
    if (length < 0x80) {
      out.write(length);
      return;
    }
    int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
    out.write(0x80 | bytes);
    for (int i = bytes - 1; i >= 0; i--) {
      out.write(length >>> (8 * i));
    }
  }

  /** Signs a probe with the key and checks it with the certificate, so a mismatch fails here, not in a handshake. */
  private static void checkPair(PrivateKey key, X509Certificate certificate) {
    String algorithm;
    switch (key.getAlgorithm()) {
      case "RSA": algorithm = "SHA256withRSA"; break;
      case "EC": algorithm = "SHA256withECDSA"; break;
      case "EdDSA": case "Ed25519": case "Ed448": algorithm = key.getAlgorithm(); break;
      default: return; // RSASSA-PSS needs parameters; the handshake will tell
    }
    byte[] probe = "inferlink key check".getBytes(StandardCharsets.US_ASCII);
    boolean matches;
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      matches = verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      matches = false;
    }
    if (!matches) {
      throw new ProviderConfigurationException(KEY + " does not match the first certificate of the "
          + CHAIN + " (" + certificate.getSubjectX500Principal().getName() + ")");
    }
  }

  private static KeyStore emptyStore() throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (java.io.IOException e) {
      throw new GeneralSecurityException("cannot create an in-memory key store", e);
    }
    return store;
  }

  private static String text(byte[] pem, String what) {
    if (pem == null || pem.length == 0) {
      throw new ProviderConfigurationException(what + ": empty");
    }
    return new String(pem, StandardCharsets.US_ASCII);
  }

  private static byte[] base64(String body, String what) {
    try {
      return Base64.getDecoder().decode(body.replaceAll("\\s+", ""));
    } catch (IllegalArgumentException e) {
      throw new ProviderConfigurationException(what + ": the PEM block is not valid Base64");
    }
  }
}
