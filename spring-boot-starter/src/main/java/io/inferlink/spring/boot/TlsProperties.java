package io.inferlink.spring.boot;

/** TLS material of a client, {@code inferlink.clients.<name>.tls.*}: PEM files. Mutable, as Spring binds it. */
public class TlsProperties {
  /** PEM file of the certificates to trust instead of the JDK's. */
  private String trust;
  /** PEM file of the client certificate chain (with key, for mutual TLS). */
  private String cert;
  /** PEM file of the client's private key (with cert). */
  private String key;

  /** No TLS material of its own (the JDK's trust store verifies the server), until Spring binds values. */
  public TlsProperties() {}

  /** {@return PEM file of the certificates to trust instead of the JDK's} */
  public String getTrust() { return trust; }
  /**
   * Sets PEM file of the certificates to trust instead of the JDK's.
   *
   * @param trust the value, as bound from the configuration
   */
  public void setTrust(String trust) { this.trust = trust; }
  /** {@return PEM file of the client certificate chain (with key, for mutual TLS)} */
  public String getCert() { return cert; }
  /**
   * Sets PEM file of the client certificate chain (with key, for mutual TLS).
   *
   * @param cert the value, as bound from the configuration
   */
  public void setCert(String cert) { this.cert = cert; }
  /** {@return PEM file of the client's private key (with cert)} */
  public String getKey() { return key; }
  /**
   * Sets PEM file of the client's private key (with cert).
   *
   * @param key the value, as bound from the configuration
   */
  public void setKey(String key) { this.key = key; }
}
