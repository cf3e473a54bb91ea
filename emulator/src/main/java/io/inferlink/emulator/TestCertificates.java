package io.inferlink.emulator;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI made at test time, so backends can test TLS and mutual TLS without checked-in
 * keys: a CA, a server certificate for given names (by default DNS {@code localhost} and IP
 * {@code 127.0.0.1}) and a client certificate, both issued by the CA, valid from an hour ago for a
 * week. Everything is PEM: certificates X.509, keys PKCS#8 ({@code BEGIN PRIVATE KEY}), EC P-256 or
 * RSA 2048. Immutable and thread-safe; the accessors return copies.
 */
public final class TestCertificates {
  /** The subject of the client certificate, which a server may log or check. */
  public static final String CLIENT_SUBJECT = "CN=inferlink-kit-client";

  /** The key algorithm of all three key pairs. */
  public enum KeyType {
    /** ECDSA on NIST P-256 with SHA-256: small and fast, the default. */
    EC_P256,
    /** RSA 2048 with SHA-256, for clients that only take RSA. */
    RSA_2048
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] caPem;
  private final byte[] serverPem;
  private final byte[] serverKeyPem;
  private final byte[] clientPem;
  private final byte[] clientKeyPem;

  private TestCertificates(byte[] caPem, byte[] serverPem, byte[] serverKeyPem, byte[] clientPem, byte[] clientKeyPem) {
    this.caPem = caPem;
    this.serverPem = serverPem;
    this.serverKeyPem = serverKeyPem;
    this.clientPem = clientPem;
    this.clientKeyPem = clientKeyPem;
  }

  /**
   * EC P-256 certificates; the server's for {@code localhost} and {@code 127.0.0.1}.
   *
   * @return new certificates and keys, made in memory
   */
  public static TestCertificates create() {
    return create(KeyType.EC_P256, "localhost", "127.0.0.1");
  }

  /**
   * Certificates of this key type; the server's for these names (IP literals become IP addresses in
   * the subject alternative names, anything else DNS names).
   *
   * @param keyType the type of every key, e.g. EC P-256 or RSA
   * @param serverNames the names the server certificate is valid for; at least one
   * @return new certificates and keys, made in memory
   * @throws IllegalArgumentException when no server name is given
   */
  public static TestCertificates create(KeyType keyType, String... serverNames) {
    Objects.requireNonNull(keyType, "keyType");
    if (serverNames == null || serverNames.length == 0) {
      throw new IllegalArgumentException("give at least one server name");
    }
    try {
      KeyPair caKeys = keyPair(keyType);
      X500Name caName = new X500Name("CN=inferlink-kit-ca");
      X509Certificate ca = sign(keyType, caName, caKeys, caName, caKeys, null, builder -> {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      });
      KeyPair serverKeys = keyPair(keyType);
      X509Certificate server = sign(keyType, new X500Name("CN=" + serverNames[0]), serverKeys, caName, caKeys, ca,
          builder -> {
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(serverNames));
          });
      KeyPair clientKeys = keyPair(keyType);
      X509Certificate client = sign(keyType, new X500Name(CLIENT_SUBJECT), clientKeys, caName, caKeys, ca,
          builder -> builder.addExtension(Extension.extendedKeyUsage, false,
              new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth)));
      return new TestCertificates(pem("CERTIFICATE", ca.getEncoded()), pem("CERTIFICATE", server.getEncoded()),
          pem("PRIVATE KEY", serverKeys.getPrivate().getEncoded()), pem("CERTIFICATE", client.getEncoded()),
          pem("PRIVATE KEY", clientKeys.getPrivate().getEncoded()));
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("cannot make test certificates: " + e.getMessage(), e);
    }
  }

  /**
   * The CA certificate: what clients trust, and what a mutual-TLS server checks client certificates against.
   *
   * @return the CA certificate in PEM; a fresh copy
   */
  public byte[] caCertificatePem() {
    return caPem.clone();
  }

  /**
   * The server certificate alone.
   *
   * @return the server certificate in PEM; a fresh copy
   */
  public byte[] serverCertificatePem() {
    return serverPem.clone();
  }

  /**
   * The server certificate followed by the CA certificate, as a server presents it.
   *
   * @return the server's PEM certificate chain; a fresh copy
   */
  public byte[] serverCertificateChainPem() {
    return concat(serverPem, caPem);
  }

  /**
   * The server's private key, PKCS#8.
   *
   * @return the server's private key in PEM; a fresh copy
   */
  public byte[] serverPrivateKeyPem() {
    return serverKeyPem.clone();
  }

  /**
   * The client certificate alone (subject {@value #CLIENT_SUBJECT}).
   *
   * @return the client certificate in PEM; a fresh copy
   */
  public byte[] clientCertificatePem() {
    return clientPem.clone();
  }

  /**
   * The client certificate followed by the CA certificate, as a client presents it.
   *
   * @return the client's PEM certificate chain; a fresh copy
   */
  public byte[] clientCertificateChainPem() {
    return concat(clientPem, caPem);
  }

  /**
   * The client's private key, PKCS#8.
   *
   * @return the client's private key in PEM; a fresh copy
   */
  public byte[] clientPrivateKeyPem() {
    return clientKeyPem.clone();
  }

  @Override
  public String toString() {
    return "TestCertificates{ca, server, client; keys hidden}";
  }

  private static KeyPair keyPair(KeyType type) throws GeneralSecurityException {
    if (type == KeyType.RSA_2048) {
      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(2048, RANDOM);
      return rsa.generateKeyPair();
    }
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return ec.generateKeyPair();
  }

  private static X509Certificate sign(KeyType type, X500Name subject, KeyPair subjectKeys, X500Name issuer,
      KeyPair issuerKeys, X509Certificate issuerCert, Extensions extensions)
      throws GeneralSecurityException, OperatorCreationException, CertIOException {
    Instant now = Instant.now();
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).add(BigInteger.ONE),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(7))), subject, subjectKeys.getPublic());
    JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
    builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKeys.getPublic()));
    builder.addExtension(Extension.authorityKeyIdentifier, false, issuerCert == null
        ? utils.createAuthorityKeyIdentifier(issuerKeys.getPublic()) : utils.createAuthorityKeyIdentifier(issuerCert));
    if (issuerCert != null) {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.digitalSignature | (type == KeyType.RSA_2048 ? KeyUsage.keyEncipherment : 0)));
    }
    extensions.add(builder);
    String algorithm = type == KeyType.RSA_2048 ? "SHA256withRSA" : "SHA256withECDSA";
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKeys.getPrivate())));
  }

  private static GeneralNames alternativeNames(String[] names) {
    List<GeneralName> list = new ArrayList<>();
    for (String n : names) {
      boolean ip = n.matches("\\d{1,3}(\\.\\d{1,3}){3}") || n.contains(":");
      list.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, n));
    }
    return new GeneralNames(list.toArray(new GeneralName[0]));
  }

  private static byte[] pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n").getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }

  /** Adds the extensions particular to one certificate. */
  @FunctionalInterface
  private interface Extensions {
    void add(X509v3CertificateBuilder builder) throws CertIOException;
  }
}
