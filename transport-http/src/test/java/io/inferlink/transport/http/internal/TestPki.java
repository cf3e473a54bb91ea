package io.inferlink.transport.http.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throw-away PKI made at test time with BouncyCastle: CAs, server and client certificates (EC P-256). */
final class TestPki {
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
  private static final char[] PASS = "test".toCharArray();

  /** A key and its certificate, issued by {@code issuer} (itself for a CA). */
  record Identity(PrivateKey key, X509Certificate cert, X509Certificate issuer) {
    byte[] certPem() {
      return pem("CERTIFICATE", encoded(cert));
    }

    byte[] keyPem() {
      return pem("PRIVATE KEY", key.getEncoded());
    }
  }

  private TestPki() {}

  static Identity ca(String name) throws Exception {
    KeyPair kp = keyPair();
    X500Name subject = new X500Name("CN=" + name);
    JcaX509v3CertificateBuilder b = builder(subject, subject, kp);
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    X509Certificate cert = sign(b, kp.getPrivate());
    return new Identity(kp.getPrivate(), cert, cert);
  }

  /** A server certificate for these names ("ip:1.2.3.4" or a DNS name). */
  static Identity server(Identity ca, String... names) throws Exception {
    return leaf(ca, "CN=" + names[0], KeyPurposeId.id_kp_serverAuth, names);
  }

  static Identity client(Identity ca, String name) throws Exception {
    return leaf(ca, "CN=" + name, KeyPurposeId.id_kp_clientAuth);
  }

  private static Identity leaf(Identity ca, String subject, KeyPurposeId purpose, String... names) throws Exception {
    KeyPair kp = keyPair();
    JcaX509v3CertificateBuilder b = builder(new X500Name(ca.cert().getSubjectX500Principal().getName()),
        new X500Name(subject.replace(":", "-")), kp);
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
    if (names.length > 0) {
      GeneralName[] san = new GeneralName[names.length];
      for (int i = 0; i < names.length; i++) {
        san[i] = names[i].startsWith("ip:")
            ? new GeneralName(GeneralName.iPAddress, names[i].substring(3))
            : new GeneralName(GeneralName.dNSName, names[i]);
      }
      b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san));
    }
    return new Identity(kp.getPrivate(), sign(b, ca.key()), ca.cert());
  }

  /** A server-side context presenting {@code identity}, trusting {@code clientCa} for client certificates. */
  static SSLContext serverContext(Identity identity, Identity clientCa) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("server", identity.key(), PASS, new X509Certificate[] {identity.cert(), identity.issuer()});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, PASS);
    KeyStore ts = KeyStore.getInstance("PKCS12");
    ts.load(null, null);
    if (clientCa != null) {
      ts.setCertificateEntry("client-ca", clientCa.cert());
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ts);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return ctx;
  }

  private static KeyPair keyPair() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private static JcaX509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair kp) {
    long now = System.currentTimeMillis();
    return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
        new Date(now - 3_600_000L), new Date(now + 86_400_000L), subject, kp.getPublic());
  }

  private static X509Certificate sign(JcaX509v3CertificateBuilder b, PrivateKey issuerKey) throws Exception {
    return new JcaX509CertificateConverter().getCertificate(
        b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
  }

  private static byte[] encoded(X509Certificate cert) {
    try {
      return cert.getEncoded();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static byte[] pem(String label, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return ("-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n").getBytes(StandardCharsets.US_ASCII);
  }
}
