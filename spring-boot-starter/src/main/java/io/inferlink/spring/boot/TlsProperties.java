package io.inferlink.spring.boot;

/** TLS material of a client, {@code inferlink.clients.<name>.tls.*}: PEM files. Mutable, as Spring binds it. */
public class TlsProperties {
  /** PEM file of the certificates to trust instead of the JDK's. */
  private String trust;
  /** PEM file of the client certificate chain (with key, for mutual TLS). */
  private String cert;
  /** PEM file of the client's private key (with cert). */
  private String key;

  public String getTrust() { return trust; }
  public void setTrust(String trust) { this.trust = trust; }
  public String getCert() { return cert; }
  public void setCert(String cert) { this.cert = cert; }
  public String getKey() { return key; }
  public void setKey(String key) { this.key = key; }
}
