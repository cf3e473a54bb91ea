package io.inferlink.spi.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ProviderConfigurationException;
import io.inferlink.TlsMaterial;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TlsSupport against key material made at test time by the JDK's own keytool (core has no test
 * dependency that could make certificates), so no private key is ever committed.
 */
class TlsSupportTest {
  private static final char[] PASS = "changeit".toCharArray();
  private static X509Certificate ca;
  private static Pair rsa;
  private static Pair ec;

  private record Pair(PrivateKey key, X509Certificate cert) {
    byte[] keyPem() {
      return pem("PRIVATE KEY", key.getEncoded());
    }

    byte[] certPem() {
      return TlsSupportTest.certPem(cert);
    }
  }

  @BeforeAll
  static void makeKeys(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("test.p12");
    keytool("-genkeypair", "-keystore", store, "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048",
        "-dname", "CN=Test CA", "-ext", "bc:c", "-keypass", new String(PASS));
    keytool("-genkeypair", "-keystore", store, "-alias", "rsa", "-keyalg", "RSA", "-keysize", "2048",
        "-dname", "CN=localhost", "-keypass", new String(PASS));
    keytool("-genkeypair", "-keystore", store, "-alias", "ec", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=client", "-keypass", new String(PASS));
    keytool("-certreq", "-keystore", store, "-alias", "rsa", "-file", dir.resolve("rsa.csr"));
    keytool("-gencert", "-keystore", store, "-alias", "ca", "-infile", dir.resolve("rsa.csr"),
        "-outfile", dir.resolve("rsa.cer"), "-ext", "san=dns:localhost,ip:127.0.0.1");
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, PASS);
    }
    X509Certificate leaf;
    try (InputStream in = Files.newInputStream(dir.resolve("rsa.cer"))) {
      leaf = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    ca = (X509Certificate) ks.getCertificate("ca");
    rsa = new Pair((PrivateKey) ks.getKey("rsa", PASS), leaf);
    ec = new Pair((PrivateKey) ks.getKey("ec", PASS), (X509Certificate) ks.getCertificate("ec"));
  }

  /** Runs keytool with the command, then the store options every command takes, then the rest. */
  private static void keytool(Object... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC", args[0].toString(), // faster start-up
        "-storetype", "PKCS12", "-storepass", new String(PASS)));
    if (!args[0].equals("-certreq")) {
      cmd.addAll(List.of("-validity", "2"));
    }
    for (int i = 1; i < args.length; i++) {
      cmd.add(args[i].toString());
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool timed out");
    assertEquals(0, p.exitValue(), "keytool " + cmd + " failed: " + out);
  }

  private static byte[] certPem(X509Certificate cert) {
    try {
      return pem("CERTIFICATE", cert.getEncoded());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] pem(String label, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return ("-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[]... parts) {
    StringBuilder sb = new StringBuilder();
    for (byte[] p : parts) {
      sb.append(new String(p, StandardCharsets.US_ASCII));
    }
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static X509KeyManager keyManager(KeyManagerFactory f) {
    return (X509KeyManager) Arrays.stream(f.getKeyManagers()).filter(k -> k instanceof X509KeyManager)
        .findFirst().orElseThrow();
  }

  private static X509TrustManager trustManager(TrustManagerFactory f) {
    return (X509TrustManager) Arrays.stream(f.getTrustManagers()).filter(k -> k instanceof X509TrustManager)
        .findFirst().orElseThrow();
  }

  @Test
  void rsaPkcs8KeyAndCertificateAreLoaded() {
    KeyManagerFactory f = TlsSupport.keyManagers(TlsMaterial.none().withClientCertificate(rsa.certPem(), rsa.keyPem()));
    X509KeyManager km = keyManager(f);
    String alias = km.chooseClientAlias(new String[] {"RSA"}, null, null);
    assertNotNull(alias);
    assertArrayEquals(rsa.key().getEncoded(), km.getPrivateKey(alias).getEncoded());
    assertEquals(List.of(rsa.cert()), List.of(km.getCertificateChain(alias)));
  }

  @Test
  void ecPkcs8KeyIsLoaded() {
    X509KeyManager km = keyManager(TlsSupport.keyManagers(
        TlsMaterial.none().withClientCertificate(ec.certPem(), ec.keyPem())));
    String alias = km.chooseClientAlias(new String[] {"EC"}, null, null);
    assertNotNull(alias);
    assertEquals("EC", km.getPrivateKey(alias).getAlgorithm());
    assertArrayEquals(ec.key().getEncoded(), km.getPrivateKey(alias).getEncoded());
  }

  @Test
  void pkcs1RsaKeyIsAccepted() {
    // PKCS#8 for RSA ends with the PKCS#1 key as an OCTET STRING: peel the wrapper off.
    byte[] pkcs8 = rsa.key().getEncoded();
    int i = 2 + (pkcs8[1] & 0x7f) + 3 + 15; // outer SEQUENCE header, version, algorithm
    int lengthBytes = (pkcs8[i + 1] & 0x80) != 0 ? pkcs8[i + 1] & 0x7f : 0;
    byte[] pkcs1 = Arrays.copyOfRange(pkcs8, i + 2 + lengthBytes, pkcs8.length);
    PrivateKey key = TlsSupport.privateKey(pem("RSA PRIVATE KEY", pkcs1));
    assertArrayEquals(rsa.key().getEncoded(), key.getEncoded());
  }

  @Test
  void certificateChainKeepsOrderAndSkipsOtherBlocks() {
    byte[] chain = concat("leading text\n".getBytes(StandardCharsets.US_ASCII), rsa.certPem(), rsa.keyPem(), certPem(ca));
    assertEquals(List.of(rsa.cert(), ca), TlsSupport.certificates(chain, "chain"));
    X509KeyManager km = keyManager(TlsSupport.keyManagers(TlsMaterial.none().withClientCertificate(chain, rsa.keyPem())));
    assertEquals(2, km.getCertificateChain(km.chooseClientAlias(new String[] {"RSA"}, null, null)).length);
  }

  @Test
  void trustedCertificatesReplaceTheSystemStore() {
    X509TrustManager custom = trustManager(TlsSupport.trustManagers(
        TlsMaterial.none().withTrustCertificates(concat(rsa.certPem(), ec.certPem()))));
    assertEquals(List.of(rsa.cert(), ec.cert()).size(), custom.getAcceptedIssuers().length);
    assertTrue(Arrays.asList(custom.getAcceptedIssuers()).containsAll(List.of(rsa.cert(), ec.cert())));
    X509TrustManager system = trustManager(TlsSupport.trustManagers(TlsMaterial.none()));
    assertFalse(Arrays.asList(system.getAcceptedIssuers()).contains(rsa.cert()));
  }

  @Test
  void noClientCertificateMeansNoKeyManagers() {
    assertNull(TlsSupport.keyManagers(TlsMaterial.none()));
    assertNull(TlsSupport.keyManagers(TlsMaterial.none().withTrustCertificates(rsa.certPem())));
  }

  @Test
  void garbageIsRejectedNamingThePart() {
    ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class, () ->
        TlsSupport.trustManagers(TlsMaterial.none().withTrustCertificates("hello".getBytes(StandardCharsets.US_ASCII))));
    assertTrue(e.getMessage().contains("trusted certificates") && e.getMessage().contains("BEGIN CERTIFICATE"), e.getMessage());

    byte[] badBase64 = "-----BEGIN CERTIFICATE-----\n@@@@\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII);
    e = assertThrows(ProviderConfigurationException.class, () ->
        TlsSupport.sslContext(TlsMaterial.none().withTrustCertificates(badBase64)));
    assertTrue(e.getMessage().contains("trusted certificates") && e.getMessage().contains("Base64"), e.getMessage());

    byte[] notDer = pem("CERTIFICATE", new byte[] {1, 2, 3, 4});
    e = assertThrows(ProviderConfigurationException.class, () ->
        TlsSupport.sslContext(TlsMaterial.none().withClientCertificate(notDer, rsa.keyPem())));
    assertTrue(e.getMessage().contains("client certificate chain: certificate #1"), e.getMessage());
  }

  @Test
  void badKeysAreRejectedWithoutEchoingThem() {
    byte[] secret = "SECRETSECRETSECRET".getBytes(StandardCharsets.US_ASCII);
    ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class, () ->
        TlsSupport.keyManagers(TlsMaterial.none().withClientCertificate(rsa.certPem(), pem("PRIVATE KEY", secret))));
    assertTrue(e.getMessage().contains("client private key: not a PKCS#8"), e.getMessage());
    String encoded = Base64.getEncoder().encodeToString(secret);
    assertFalse(e.getMessage().contains(encoded) || e.getMessage().contains("SECRET"), e.getMessage());
    assertNull(e.getCause());

    e = assertThrows(ProviderConfigurationException.class, () ->
        TlsSupport.keyManagers(TlsMaterial.none().withClientCertificate(rsa.certPem(), rsa.certPem())));
    assertTrue(e.getMessage().contains("client private key: no PEM 'BEGIN PRIVATE KEY'"), e.getMessage());

    e = assertThrows(ProviderConfigurationException.class, () -> TlsSupport.privateKey(pem("EC PRIVATE KEY", secret)));
    assertTrue(e.getMessage().contains("SEC1") && e.getMessage().contains("openssl pkcs8"), e.getMessage());

    e = assertThrows(ProviderConfigurationException.class, () -> TlsSupport.privateKey(pem("ENCRYPTED PRIVATE KEY", secret)));
    assertTrue(e.getMessage().contains("encrypted"), e.getMessage());
  }

  @Test
  void keyThatDoesNotMatchTheCertificateIsRejected() throws Exception {
    ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class, () ->
        TlsSupport.keyManagers(TlsMaterial.none().withClientCertificate(rsa.certPem(), ec.keyPem())));
    assertTrue(e.getMessage().contains("does not match") && e.getMessage().contains("CN=localhost"), e.getMessage());
    // Same algorithm, different modulus: the pair check must still catch it.
    java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    byte[] other = pem("PRIVATE KEY", g.generateKeyPair().getPrivate().getEncoded());
    assertThrows(ProviderConfigurationException.class, () ->
        TlsSupport.keyManagers(TlsMaterial.none().withClientCertificate(rsa.certPem(), other)));
  }

  @Test
  void handshakeWorksWithTrustedServerAndClientCertificates() throws Exception {
    SSLContext server = serverContext(rsa, ec);
    SSLContext client = TlsSupport.sslContext(TlsMaterial.none().withTrustCertificates(certPem(ca))
        .withClientCertificate(ec.certPem(), ec.keyPem()));
    assertEquals("CN=client", handshake(server, client));
  }

  @Test
  void handshakeFailsWhenServerIsNotTrustedOrClientHasNoCertificate() throws Exception {
    SSLContext server = serverContext(rsa, ec);
    SSLContext untrusting = TlsSupport.sslContext(TlsMaterial.none().withTrustCertificates(ec.certPem())
        .withClientCertificate(ec.certPem(), ec.keyPem()));
    assertThrows(SSLException.class, () -> handshake(server, untrusting));
    SSLContext anonymous = TlsSupport.sslContext(TlsMaterial.none().withTrustCertificates(certPem(ca)));
    assertThrows(Exception.class, () -> handshake(server, anonymous));
  }

  private static SSLContext serverContext(Pair identity, Pair trustedClient) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("server", identity.key(), PASS, new X509Certificate[] {identity.cert(), ca});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, PASS);
    KeyStore ts = KeyStore.getInstance("PKCS12");
    ts.load(null, null);
    ts.setCertificateEntry("client", trustedClient.cert());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ts);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return ctx;
  }

  /** Runs one handshake plus a one-byte exchange; returns the client principal the server saw. */
  private static String handshake(SSLContext server, SSLContext client) throws Exception {
    try (SSLServerSocket ss = (SSLServerSocket) server.getServerSocketFactory()
        .createServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      ss.setNeedClientAuth(true);
      ss.setSoTimeout(10_000);
      CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> {
        try (SSLSocket s = (SSLSocket) ss.accept()) {
          s.setSoTimeout(10_000);
          s.startHandshake();
          String principal = s.getSession().getPeerPrincipal().getName();
          s.getOutputStream().write(s.getInputStream().read());
          return principal;
        } catch (Exception e) {
          return "server failed: " + e;
        }
      });
      try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket(ss.getInetAddress(), ss.getLocalPort())) {
        s.setSoTimeout(10_000);
        s.startHandshake();
        OutputStream out = s.getOutputStream();
        out.write(42);
        out.flush();
        int echoed = s.getInputStream().read();
        if (echoed != 42) {
          throw new SSLException("server closed the connection: " + seen.get(10, TimeUnit.SECONDS));
        }
      }
      return seen.get(10, TimeUnit.SECONDS);
    }
  }
}
