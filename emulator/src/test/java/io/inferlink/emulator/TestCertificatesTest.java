package io.inferlink.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestCertificatesTest {
  private static final TestCertificates EC = TestCertificates.create();

  @Test
  void serverCertificateNamesLocalhostAndTheLoopbackIpAndIsIssuedByTheCa() throws Exception {
    X509Certificate ca = cert(EC.caCertificatePem());
    X509Certificate server = cert(EC.serverCertificatePem());
    server.verify(ca.getPublicKey());
    ca.verify(ca.getPublicKey());
    List<String> names = new ArrayList<>();
    server.getSubjectAlternativeNames().forEach(n -> names.add(n.get(0) + "=" + n.get(1)));
    assertEquals(List.of("2=localhost", "7=127.0.0.1"), names);
    assertEquals(List.of("1.3.6.1.5.5.7.3.1"), server.getExtendedKeyUsage());
    assertTrue(ca.getBasicConstraints() >= 0, "the CA can issue");
    assertEquals(-1, server.getBasicConstraints(), "the server certificate cannot issue");
  }

  @Test
  void clientCertificateIsForClientAuthentication() throws Exception {
    X509Certificate client = cert(EC.clientCertificatePem());
    client.verify(cert(EC.caCertificatePem()).getPublicKey());
    assertEquals(List.of("1.3.6.1.5.5.7.3.2"), client.getExtendedKeyUsage());
    assertEquals(TestCertificates.CLIENT_SUBJECT, client.getSubjectX500Principal().getName());
  }

  @Test
  void keysArePkcs8AndMatchTheirCertificates() throws Exception {
    assertTrue(new String(EC.serverPrivateKeyPem(), StandardCharsets.US_ASCII).startsWith("-----BEGIN PRIVATE KEY-----\n"));
    assertSigns(key(EC.serverPrivateKeyPem(), "EC"), cert(EC.serverCertificatePem()), "SHA256withECDSA");
    assertSigns(key(EC.clientPrivateKeyPem(), "EC"), cert(EC.clientCertificatePem()), "SHA256withECDSA");
  }

  @Test
  void chainsAreTheLeafThenTheCa() throws Exception {
    var chain = CertificateFactory.getInstance("X.509")
        .generateCertificates(new ByteArrayInputStream(EC.clientCertificateChainPem())).toArray();
    assertEquals(2, chain.length);
    assertEquals(cert(EC.clientCertificatePem()), chain[0]);
    assertEquals(cert(EC.caCertificatePem()), chain[1]);
  }

  @Test
  void rsaAndCustomNames() throws Exception {
    TestCertificates rsa = TestCertificates.create(TestCertificates.KeyType.RSA_2048, "model.test", "10.1.2.3");
    X509Certificate server = cert(rsa.serverCertificatePem());
    assertEquals(2048, ((RSAKey) server.getPublicKey()).getModulus().bitLength());
    assertTrue(server.getSubjectAlternativeNames().stream().anyMatch(n -> n.get(1).equals("model.test")));
    assertTrue(server.getSubjectAlternativeNames().stream().anyMatch(n -> n.get(1).equals("10.1.2.3")));
    assertSigns(key(rsa.serverPrivateKeyPem(), "RSA"), server, "SHA256withRSA");
    assertThrows(IllegalArgumentException.class, () -> TestCertificates.create(TestCertificates.KeyType.EC_P256));
  }

  @Test
  void everyCallMakesAFreshPkiAndAccessorsCopy() {
    assertNotEquals(new String(EC.caCertificatePem(), StandardCharsets.US_ASCII),
        new String(TestCertificates.create().caCertificatePem(), StandardCharsets.US_ASCII));
    byte[] copy = EC.serverPrivateKeyPem();
    copy[0] = 'X';
    assertArrayEquals("-----BEGIN".getBytes(StandardCharsets.US_ASCII), java.util.Arrays.copyOf(EC.serverPrivateKeyPem(), 10));
  }

  private static void assertSigns(PrivateKey key, X509Certificate cert, String algorithm) throws Exception {
    byte[] data = "inferlink".getBytes(StandardCharsets.US_ASCII);
    Signature signer = Signature.getInstance(algorithm);
    signer.initSign(key);
    signer.update(data);
    Signature verifier = Signature.getInstance(algorithm);
    verifier.initVerify(cert.getPublicKey());
    verifier.update(data);
    assertTrue(verifier.verify(signer.sign()), "the key does not belong to " + cert.getSubjectX500Principal());
  }

  private static X509Certificate cert(byte[] pem) throws Exception {
    return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem));
  }

  private static PrivateKey key(byte[] pem, String algorithm) throws Exception {
    String body = new String(pem, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "");
    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(body)));
  }
}
