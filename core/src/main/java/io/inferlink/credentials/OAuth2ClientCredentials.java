package io.inferlink.credentials;

import io.inferlink.credentials.internal.RefreshingToken;
import io.inferlink.credentials.internal.TokenEndpoint;
import io.inferlink.internal.RedactionRules;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Bearer tokens from an OAuth 2.0 token endpoint by the client-credentials grant (RFC 6749 §4.4), as an
 * identity provider in front of a model server hands them out. A token is kept until {@linkplain
 * Builder#expirySkew(Duration) shortly before} it expires; {@linkplain Builder#refreshAhead(Duration) ahead
 * of that}, the first attempt past the refresh point asks for a new one while the others go on with the
 * old one, and only one request is ever in flight. When no valid token is left and the endpoint fails, the
 * attempt fails with a {@link TokenEndpointException}; while one is, a failed refresh goes unnoticed by
 * calls. No thread of its own; the JDK's HTTP client does the request. The client secret appears in no
 * {@code toString()}, message or log. Thread-safe.
 */
public final class OAuth2ClientCredentials implements CredentialsProvider {
  /** A token counts as expired this long before the endpoint's {@code expires_in} says, unless set. */
  public static final Duration DEFAULT_EXPIRY_SKEW = Duration.ofSeconds(30);
  /** Refreshing starts this long before a token counts as expired, unless set. */
  public static final Duration DEFAULT_REFRESH_AHEAD = Duration.ofMinutes(1);
  /** The time a token request may take, unless set. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  /** How long a token lives when the endpoint sends no {@code expires_in}. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

  /** How the client proves who it is to the token endpoint (RFC 6749 §2.3.1). */
  public enum ClientAuthentication {
    /** HTTP Basic with the client id and secret ({@code client_secret_basic}); the default. */
    CLIENT_SECRET_BASIC,
    /** {@code client_id} and {@code client_secret} in the form body ({@code client_secret_post}). */
    CLIENT_SECRET_POST;

    /**
     * Reads {@code client_secret_basic} / {@code client_secret_post}, or {@code basic} / {@code post}.
     *
     * @param name the configured name; not null, case, blanks around it and {@code -} for {@code _} do not matter
     * @return the method of that name
     * @throws IllegalArgumentException when the name is none of these
     */
    public static ClientAuthentication fromConfigName(String name) {
      String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
      if (n.equals("client_secret_basic") || n.equals("basic")) {
        return CLIENT_SECRET_BASIC;
      }
      if (n.equals("client_secret_post") || n.equals("post")) {
        return CLIENT_SECRET_POST;
      }
      throw new IllegalArgumentException("client authentication must be client_secret_basic or client_secret_post, got '"
          + name + "'");
    }

    /**
     * The name in configuration and in RFC 7591: {@code client_secret_basic} or {@code client_secret_post}.
     *
     * @return the lower-case RFC 7591 name
     */
    public String configName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Builder settings;
  private final RefreshingToken token;

  private OAuth2ClientCredentials(Builder b) {
    this.settings = b.copy();
    TokenEndpoint endpoint = new TokenEndpoint(b.tokenUrl, b.clientId, b.clientSecret,
        b.clientAuthentication == ClientAuthentication.CLIENT_SECRET_POST, b.scope, b.audience, b.timeout);
    this.token = new RefreshingToken(endpoint::fetch, b.nanoClock, b.expirySkew.toNanos(), b.refreshAhead.toNanos(),
        DEFAULT_LIFETIME.toNanos());
  }

  /**
   * Starts a description; token URL, client id and client secret are required.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@code Bearer <token>}: the cached token, or a new one when it is due.
   *
   * @throws TokenEndpointException when no valid token is cached and the endpoint gives none
   */
  @Override
  public String authorization() {
    return token.authorization();
  }

  /**
   * The token endpoint.
   *
   * @return the token endpoint's URL, http or https; never null
   */
  public URI tokenUrl() {
    return settings.tokenUrl;
  }

  /**
   * The client id.
   *
   * @return the client id, trimmed; never null
   */
  public String clientId() {
    return settings.clientId;
  }

  /**
   * The scope asked for, or {@code null}.
   *
   * @return the space-separated scopes, or {@code null} for the endpoint's default
   */
  public String scope() {
    return settings.scope;
  }

  /**
   * The audience asked for, or {@code null}.
   *
   * @return the audience, or {@code null} when none is asked for
   */
  public String audience() {
    return settings.audience;
  }

  /**
   * How the client authenticates to the token endpoint.
   *
   * @return the client authentication method; never null
   */
  public ClientAuthentication clientAuthentication() {
    return settings.clientAuthentication;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("OAuth2ClientCredentials{tokenUrl=")
        .append(RedactionRules.redactText(settings.tokenUrl.toString()))
        .append(", clientId=").append(settings.clientId)
        .append(", clientSecret=").append(RedactionRules.MASK)
        .append(", clientAuthentication=").append(settings.clientAuthentication.configName());
    if (settings.scope != null) {
      sb.append(", scope=").append(settings.scope);
    }
    if (settings.audience != null) {
      sb.append(", audience=").append(settings.audience);
    }
    return sb.append(", expirySkew=").append(settings.expirySkew).append(", refreshAhead=")
        .append(settings.refreshAhead).append('}').toString();
  }

  /** Collects the settings; not thread-safe. Each setter checks its value and names it when wrong. */
  public static final class Builder {
    private URI tokenUrl;
    private String clientId;
    private String clientSecret;
    private String scope;
    private String audience;
    private ClientAuthentication clientAuthentication = ClientAuthentication.CLIENT_SECRET_BASIC;
    private Duration expirySkew = DEFAULT_EXPIRY_SKEW;
    private Duration refreshAhead = DEFAULT_REFRESH_AHEAD;
    private Duration timeout = DEFAULT_TIMEOUT;
    private LongSupplier nanoClock = System::nanoTime;

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.tokenUrl = tokenUrl;
      b.clientId = clientId;
      b.scope = scope;
      b.audience = audience;
      b.clientAuthentication = clientAuthentication;
      b.expirySkew = expirySkew;
      b.refreshAhead = refreshAhead;
      b.timeout = timeout;
      return b; // without the secret: the endpoint alone keeps it
    }

    /**
     * The token endpoint, http or https (https outside tests: the client secret travels in the request).
     *
     * @param url the absolute http(s) URL of the token endpoint; not null
     * @return this builder
     * @throws IllegalArgumentException when it is not an http(s) URL with a host (the message masks secret-looking
     *     parts)
     */
    public Builder tokenUrl(String url) {
      Objects.requireNonNull(url, "tokenUrl");
      URI u;
      try {
        u = URI.create(url.trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("tokenUrl is not a URL: " + RedactionRules.redactText(url));
      }
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || u.getHost() == null) {
        throw new IllegalArgumentException("tokenUrl must be an http(s) URL with a host, got "
            + RedactionRules.redactText(url));
      }
      this.tokenUrl = u;
      return this;
    }

    /**
     * The client id.
     *
     * @param id the client id; not null, not blank, trimmed
     * @return this builder
     */
    public Builder clientId(String id) {
      this.clientId = nonEmpty("clientId", id);
      return this;
    }

    /**
     * The client secret; kept by the provider alone and never shown.
     *
     * @param secret the client secret; not null, not empty
     * @return this builder
     */
    public Builder clientSecret(String secret) {
      Objects.requireNonNull(secret, "clientSecret");
      if (secret.isEmpty()) {
        throw new IllegalArgumentException("clientSecret must not be empty");
      }
      this.clientSecret = secret;
      return this;
    }

    /**
     * The scope to ask for (space-separated scopes), or {@code null} for the endpoint's default.
     *
     * @param scope space-separated scopes, or {@code null} or blank for none
     * @return this builder
     */
    public Builder scope(String scope) {
      this.scope = scope == null || scope.isBlank() ? null : scope.trim();
      return this;
    }

    /**
     * The {@code audience} to ask for (Auth0, Keycloak and others use it), or {@code null}.
     *
     * @param audience the audience, or {@code null} or blank for none
     * @return this builder
     */
    public Builder audience(String audience) {
      this.audience = audience == null || audience.isBlank() ? null : audience.trim();
      return this;
    }

    /**
     * How the client authenticates: {@link ClientAuthentication#CLIENT_SECRET_BASIC} unless set.
     *
     * @param how the client authentication method; not null
     * @return this builder
     */
    public Builder clientAuthentication(ClientAuthentication how) {
      this.clientAuthentication = Objects.requireNonNull(how, "clientAuthentication");
      return this;
    }

    /**
     * A token counts as expired this long before its end ({@link #DEFAULT_EXPIRY_SKEW}); not negative.
     *
     * @param skew the margin before a token's end; not null, not negative
     * @return this builder
     */
    public Builder expirySkew(Duration skew) {
      this.expirySkew = notNegative("expirySkew", skew);
      return this;
    }

    /**
     * Refreshing starts this long before a token counts as expired ({@link #DEFAULT_REFRESH_AHEAD}); not negative.
     *
     * @param ahead the lead time of a refresh; not null, not negative
     * @return this builder
     */
    public Builder refreshAhead(Duration ahead) {
      this.refreshAhead = notNegative("refreshAhead", ahead);
      return this;
    }

    /**
     * The time one token request may take, connecting included ({@link #DEFAULT_TIMEOUT}); positive.
     *
     * @param timeout the longest a token request may take; not null, positive
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** The clock deciding expiry, as {@link System#nanoTime()} (tests move it instead of waiting). */
    Builder nanoClock(LongSupplier clock) {
      this.nanoClock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the provider; no request is sent before the first attempt asks for a token.
     *
     * @return the provider, ready to use; it owns the secret from now on
     * @throws IllegalStateException when the token URL, client id or client secret is missing
     */
    public OAuth2ClientCredentials build() {
      if (tokenUrl == null || clientId == null || clientSecret == null) {
        throw new IllegalStateException("OAuth2ClientCredentials needs tokenUrl, clientId and clientSecret; missing:"
            + (tokenUrl == null ? " tokenUrl" : "") + (clientId == null ? " clientId" : "")
            + (clientSecret == null ? " clientSecret" : ""));
      }
      return new OAuth2ClientCredentials(this);
    }

    private static String nonEmpty(String what, String value) {
      Objects.requireNonNull(value, what);
      if (value.isBlank()) {
        throw new IllegalArgumentException(what + " must not be empty");
      }
      return value.trim();
    }

    private static Duration notNegative(String what, Duration d) {
      Objects.requireNonNull(d, what);
      if (d.isNegative()) {
        throw new IllegalArgumentException(what + " must not be negative, got " + d);
      }
      return d;
    }
  }
}
