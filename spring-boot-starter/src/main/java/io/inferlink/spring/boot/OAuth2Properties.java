package io.inferlink.spring.boot;

/**
 * OAuth 2.0 client credentials of a client, {@code inferlink.clients.<name>.oauth2.*}: core's
 * {@code OAuth2ClientCredentials} asks the token endpoint for a token, keeps it until shortly before it
 * expires and refreshes it ahead. Token URL, client id and secret go together. Mutable, as Spring binds it;
 * holds a secret, so it has no {@code toString()} of its own.
 */
public class OAuth2Properties {
  /** The token endpoint, for example https://login.example.com/oauth2/token. */
  private String tokenUrl;
  /** The client id the token endpoint knows this application by. */
  private String clientId;
  /** The client secret. Never shown by the client, its errors or its health. */
  private String clientSecret;
  /** The scope to ask for, space-separated; none by default. */
  private String scope;
  /** The audience to ask for (a parameter some token endpoints want); none by default. */
  private String audience;
  /** How the client authenticates to the token endpoint: client_secret_basic (the default) or client_secret_post. */
  private String clientAuthentication;

  /** No OAuth 2.0 credentials, until Spring binds values. */
  public OAuth2Properties() {}

  /** {@return the token endpoint, for example https://login.example.com/oauth2/token} */
  public String getTokenUrl() { return tokenUrl; }
  /**
   * Sets the token endpoint, for example https://login.example.com/oauth2/token.
   *
   * @param tokenUrl the value, as bound from the configuration
   */
  public void setTokenUrl(String tokenUrl) { this.tokenUrl = tokenUrl; }
  /** {@return the client id the token endpoint knows this application by} */
  public String getClientId() { return clientId; }
  /**
   * Sets the client id the token endpoint knows this application by.
   *
   * @param clientId the value, as bound from the configuration
   */
  public void setClientId(String clientId) { this.clientId = clientId; }
  /** {@return the client secret. Never shown by the client, its errors or its health} */
  public String getClientSecret() { return clientSecret; }
  /**
   * Sets the client secret. Never shown by the client, its errors or its health.
   *
   * @param clientSecret the value, as bound from the configuration
   */
  public void setClientSecret(String clientSecret) { this.clientSecret = clientSecret; }
  /** {@return the scope to ask for, space-separated; none by default} */
  public String getScope() { return scope; }
  /**
   * Sets the scope to ask for, space-separated; none by default.
   *
   * @param scope the value, as bound from the configuration
   */
  public void setScope(String scope) { this.scope = scope; }
  /** {@return the audience to ask for (a parameter some token endpoints want); none by default} */
  public String getAudience() { return audience; }
  /**
   * Sets the audience to ask for (a parameter some token endpoints want); none by default.
   *
   * @param audience the value, as bound from the configuration
   */
  public void setAudience(String audience) { this.audience = audience; }
  /**
   * {@return how the client authenticates to the token endpoint: client_secret_basic (the default) or
   * client_secret_post}
   */
  public String getClientAuthentication() { return clientAuthentication; }
  /**
   * Sets how the client authenticates to the token endpoint: client_secret_basic (the default) or client_secret_post.
   *
   * @param value the value, as bound from the configuration
   */
  public void setClientAuthentication(String value) { this.clientAuthentication = value; }
}
