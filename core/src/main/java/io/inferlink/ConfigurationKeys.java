package io.inferlink;

import io.inferlink.interceptor.RetryBudget;
import io.inferlink.interceptor.RetryPolicy;
import io.inferlink.routing.Balancing;
import io.inferlink.routing.OutlierEjection;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the configuration keys that {@link ClientOptions#fromProperties} and
 * {@link ClientOptions#fromEnvironment} document (and the README lists). Stateless and thread-safe.
 */
final class ConfigurationKeys {
  /** Prefix of every property. */
  public static final String PREFIX = "inferlink.";
  /** Prefix of protocol options. */
  public static final String OPTION_PREFIX = "inferlink.option.";

  /** Name of {@link ClientOptions#maxConnections()} in properties, environment and endpoint queries. */
  public static final String MAX_CONNECTIONS = "max-connections";
  /** Name of {@link ClientOptions#connectionIdleTimeout()}, likewise. */
  public static final String CONNECTION_IDLE_TIMEOUT = "connection-idle-timeout";
  /** Name of {@link ClientOptions#keepAliveTime()}, likewise. */
  public static final String KEEP_ALIVE_TIME = "keep-alive-time";
  /** Name of {@link ClientOptions#keepAliveTimeout()}, likewise. */
  public static final String KEEP_ALIVE_TIMEOUT = "keep-alive-timeout";
  /** Name of {@link ClientOptions#keepAliveWithoutCalls()}, likewise. */
  public static final String KEEP_ALIVE_WITHOUT_CALLS = "keep-alive-without-calls";
  /** {@link RetryPolicy#maxAttempts()}, likewise. */
  public static final String RETRY_MAX_ATTEMPTS = "retry.max-attempts";
  /** {@link RetryPolicy#initialBackoff()}, likewise. */
  public static final String RETRY_INITIAL_BACKOFF = "retry.initial-backoff";
  /** {@link RetryPolicy#maxBackoff()}, likewise. */
  public static final String RETRY_MAX_BACKOFF = "retry.max-backoff";
  /** {@link RetryBudget#ratio()}, likewise. */
  public static final String RETRY_BUDGET_RATIO = "retry.budget-ratio";
  /** {@link RetryBudget#minRetriesPerSecond()}, likewise. */
  public static final String RETRY_BUDGET_MIN_PER_SECOND = "retry.budget-min-per-second";
  /** {@link ClientOptions#balancing()}, likewise. */
  public static final String BALANCING = "balancing";
  /** {@link ClientOptions#healthCheckInterval()}, likewise. */
  public static final String HEALTH_CHECK_INTERVAL = "health-check-interval";
  /** {@link OutlierEjection#consecutiveFailures()}, likewise. */
  public static final String OUTLIER_CONSECUTIVE_FAILURES = "outlier.consecutive-failures";
  /** {@link OutlierEjection#baseEjectionTime()}, likewise. */
  public static final String OUTLIER_EJECTION_TIME = "outlier.ejection-time";
  /** {@link ClientOptions#hedgeDelay()}, likewise. */
  public static final String HEDGE_DELAY = "hedge-delay";
  /** {@link ClientOptions#fallbackEndpoints()} in properties and environment (not in a query). */
  public static final String FALLBACK_ENDPOINTS = "fallback-endpoints";
  /** Name of {@link ClientOptions#compression()}, likewise (a transport setting read like the connection ones). */
  public static final String COMPRESSION = "compression";

  /** {@link ClientOptions.Builder#bearerTokenFile} in properties and environment. */
  public static final String BEARER_TOKEN_FILE = "bearer-token-file";
  /** {@link io.inferlink.credentials.OAuth2ClientCredentials.Builder#tokenUrl}, likewise; the other oauth2 keys need it. */
  public static final String OAUTH2_TOKEN_URL = "oauth2.token-url";
  /** {@link io.inferlink.credentials.OAuth2ClientCredentials.Builder#clientId}, likewise. */
  public static final String OAUTH2_CLIENT_ID = "oauth2.client-id";
  /** {@link io.inferlink.credentials.OAuth2ClientCredentials.Builder#clientSecret}, likewise (a secret: never shown). */
  public static final String OAUTH2_CLIENT_SECRET = "oauth2.client-secret";
  /** {@link io.inferlink.credentials.OAuth2ClientCredentials.Builder#scope}, likewise. */
  public static final String OAUTH2_SCOPE = "oauth2.scope";
  /** {@link io.inferlink.credentials.OAuth2ClientCredentials.Builder#audience}, likewise. */
  public static final String OAUTH2_AUDIENCE = "oauth2.audience";
  /** {@link io.inferlink.credentials.OAuth2ClientCredentials.Builder#clientAuthentication}, likewise. */
  public static final String OAUTH2_CLIENT_AUTHENTICATION = "oauth2.client-authentication";

  private static final String[] OAUTH2_KEYS = {
    OAUTH2_TOKEN_URL, OAUTH2_CLIENT_ID, OAUTH2_CLIENT_SECRET, OAUTH2_SCOPE, OAUTH2_AUDIENCE, OAUTH2_CLIENT_AUTHENTICATION,
  };

  private static final String[] KEYS = {
    "endpoint", "provider", "timeout", "connect-timeout", "headers", "bearer-token", "basic-auth",
    "authority", "max-message-size", "tls.trust", "tls.cert", "tls.key", RETRY_MAX_ATTEMPTS,
    RETRY_INITIAL_BACKOFF, RETRY_MAX_BACKOFF, RETRY_BUDGET_RATIO, RETRY_BUDGET_MIN_PER_SECOND,
    "paperspace-secret", MAX_CONNECTIONS, CONNECTION_IDLE_TIMEOUT, KEEP_ALIVE_TIME, KEEP_ALIVE_TIMEOUT,
    KEEP_ALIVE_WITHOUT_CALLS, FALLBACK_ENDPOINTS, BALANCING, HEALTH_CHECK_INTERVAL, OUTLIER_CONSECUTIVE_FAILURES,
    OUTLIER_EJECTION_TIME, HEDGE_DELAY, COMPRESSION, BEARER_TOKEN_FILE, OAUTH2_TOKEN_URL, OAUTH2_CLIENT_ID,
    OAUTH2_CLIENT_SECRET, OAUTH2_SCOPE, OAUTH2_AUDIENCE, OAUTH2_CLIENT_AUTHENTICATION,
  };

  private ConfigurationKeys() {}

  /** Maps {@code INFERLINK_FOO_BAR} to {@code inferlink.foo-bar} (and the TLS/retry/option forms). */
  static Properties environmentToProperties(Map<String, String> env) {
    Properties p = new Properties();
    for (Map.Entry<String, String> e : env.entrySet()) {
      String k = e.getKey();
      if (!k.startsWith("INFERLINK_")) {
        continue;
      }
      String rest = k.substring("INFERLINK_".length()).toLowerCase(Locale.ROOT);
      String key;
      if (rest.startsWith("option_")) {
        key = OPTION_PREFIX + rest.substring("option_".length()).replace('_', '-');
      } else if (rest.startsWith("tls_")) {
        key = PREFIX + "tls." + rest.substring(4).replace('_', '-');
      } else if (rest.startsWith("retry_")) {
        key = PREFIX + "retry." + rest.substring(6).replace('_', '-');
      } else if (rest.startsWith("oauth2_")) {
        key = PREFIX + "oauth2." + rest.substring(7).replace('_', '-');
      } else if (rest.startsWith("outlier_")) {
        key = PREFIX + "outlier." + rest.substring(8).replace('_', '-');
      } else {
        key = PREFIX + rest.replace('_', '-');
      }
      p.setProperty(key, e.getValue());
    }
    return p;
  }

  static ClientOptions.Builder fromProperties(Properties p) {
    ClientOptions.Builder b = ClientOptions.builder();
    for (String name : p.stringPropertyNames()) {
      if (!name.startsWith(PREFIX)) {
        continue;
      }
      String value = p.getProperty(name).trim();
      String key = name.substring(PREFIX.length());
      try {
        apply(b, name, key, value);
      } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
        throw new ProviderConfigurationException("configuration " + name + ": " + e.getMessage(), e);
      }
    }
    String cert = p.getProperty(PREFIX + "tls.cert");
    String key = p.getProperty(PREFIX + "tls.key");
    if (cert != null || key != null) {
      if (cert == null || key == null) {
        throw new ProviderConfigurationException(
            "configuration: " + PREFIX + "tls.cert and " + PREFIX + "tls.key must be given together");
      }
      try {
        b.clientCertificate(Path.of(cert.trim()), Path.of(key.trim()));
      } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
        throw new ProviderConfigurationException(
            "configuration " + PREFIX + "tls.cert / " + PREFIX + "tls.key: " + e.getMessage(), e);
      }
    }
    applyCredentials(b, p);
    return b;
  }

  /**
   * The credentials keys, read together: at most one kind may be given, and the oauth2 keys make one
   * provider. The secret's value is never part of a message.
   */
  private static void applyCredentials(ClientOptions.Builder b, Properties p) {
    java.util.List<String> kinds = new java.util.ArrayList<>();
    for (String k : new String[] {"bearer-token", BEARER_TOKEN_FILE, "basic-auth"}) {
      if (p.getProperty(PREFIX + k) != null) {
        kinds.add(PREFIX + k);
      }
    }
    boolean oauth2 = false;
    for (String k : OAUTH2_KEYS) {
      oauth2 |= p.getProperty(PREFIX + k) != null;
    }
    if (oauth2) {
      kinds.add(PREFIX + "oauth2.*");
    }
    if (kinds.size() > 1) {
      throw new ProviderConfigurationException("configuration: give only one kind of credentials, got " + kinds);
    }
    String file = p.getProperty(PREFIX + BEARER_TOKEN_FILE);
    if (file != null) {
      try {
        b.bearerTokenFile(Path.of(file.trim()));
      } catch (IllegalArgumentException e) { // InvalidPathException too
        throw new ProviderConfigurationException("configuration " + PREFIX + BEARER_TOKEN_FILE + ": " + e.getMessage(), e);
      }
    }
    if (!oauth2) {
      return;
    }
    java.util.List<String> missing = new java.util.ArrayList<>();
    for (String k : new String[] {OAUTH2_TOKEN_URL, OAUTH2_CLIENT_ID, OAUTH2_CLIENT_SECRET}) {
      if (p.getProperty(PREFIX + k) == null || p.getProperty(PREFIX + k).isBlank()) {
        missing.add(PREFIX + k);
      }
    }
    if (!missing.isEmpty()) {
      throw new ProviderConfigurationException("configuration: OAuth 2.0 client credentials need " + missing);
    }
    io.inferlink.credentials.OAuth2ClientCredentials.Builder o = io.inferlink.credentials.OAuth2ClientCredentials.builder();
    String current = OAUTH2_TOKEN_URL;
    try {
      o.tokenUrl(p.getProperty(PREFIX + OAUTH2_TOKEN_URL));
      current = OAUTH2_CLIENT_ID;
      o.clientId(p.getProperty(PREFIX + OAUTH2_CLIENT_ID));
      current = OAUTH2_CLIENT_SECRET;
      o.clientSecret(p.getProperty(PREFIX + OAUTH2_CLIENT_SECRET).trim());
      current = OAUTH2_SCOPE;
      o.scope(p.getProperty(PREFIX + OAUTH2_SCOPE));
      current = OAUTH2_AUDIENCE;
      o.audience(p.getProperty(PREFIX + OAUTH2_AUDIENCE));
      current = OAUTH2_CLIENT_AUTHENTICATION;
      String how = p.getProperty(PREFIX + OAUTH2_CLIENT_AUTHENTICATION);
      if (how != null) {
        o.clientAuthentication(io.inferlink.credentials.OAuth2ClientCredentials.ClientAuthentication.fromConfigName(how));
      }
    } catch (IllegalArgumentException e) {
      // No message of a setter repeats a secret; the secret's own setter only says it is empty.
      throw new ProviderConfigurationException("configuration " + PREFIX + current + ": " + e.getMessage(), e);
    }
    b.credentials(o.build());
  }

  private static void apply(ClientOptions.Builder b, String name, String key, String value) {
    if (name.startsWith(OPTION_PREFIX)) {
      b.option(name.substring(OPTION_PREFIX.length()), value);
      return;
    }
    switch (key) {
      case "endpoint": b.endpoint(value); break;
      case "provider": b.providerName(value); break;
      case "timeout": b.requestTimeout(parseDuration(value)); break;
      case "connect-timeout": b.connectTimeout(parseDuration(value)); break;
      case "headers": parseHeaders(b, value); break;
      case "bearer-token": b.bearerToken(value); break;
      case "basic-auth": {
        int colon = value.indexOf(':');
        if (colon < 0) {
          throw new IllegalArgumentException("expected user:password");
        }
        b.basicAuth(value.substring(0, colon), value.substring(colon + 1));
        break;
      }
      case "authority": b.authority(value); break;
      // Named in Paperspace's own terms so deployments can pass the secret as they document it.
      case "paperspace-secret": b.option("paperspace-secret", value); break;
      case "max-message-size": b.maxMessageSize(parseSize(value)); break;
      case "tls.trust": b.trustCertificates(Path.of(value)); break;
      case "tls.cert": case "tls.key": break; // a pair: read together in fromProperties
      case BEARER_TOKEN_FILE: case OAUTH2_TOKEN_URL: case OAUTH2_CLIENT_ID: case OAUTH2_CLIENT_SECRET: case OAUTH2_SCOPE:
      case OAUTH2_AUDIENCE: case OAUTH2_CLIENT_AUTHENTICATION:
        break; // credentials: read together in applyCredentials
      case FALLBACK_ENDPOINTS: b.fallbackEndpoints(java.util.List.of(value.split("\\s+"))); break;
      default:
        if (isEndpointQueryKey(key)) {
          applyEndpointQuerySetting(b, key, value);
          break;
        }
        throw new IllegalArgumentException("unknown key; known keys are " + PREFIX + String.join(", " + PREFIX, KEYS)
            + " and " + OPTION_PREFIX + "<name>");
    }
  }

  /**
   * Whether {@code key} names a client setting that endpoint queries may carry too (connection, retry and
   * routing settings); any other query key is a protocol option.
   */
  static boolean isEndpointQueryKey(String key) {
    switch (key) {
      case MAX_CONNECTIONS: case CONNECTION_IDLE_TIMEOUT: case KEEP_ALIVE_TIME: case KEEP_ALIVE_TIMEOUT:
      case KEEP_ALIVE_WITHOUT_CALLS:
      case RETRY_MAX_ATTEMPTS: case RETRY_INITIAL_BACKOFF: case RETRY_MAX_BACKOFF: case RETRY_BUDGET_RATIO:
      case RETRY_BUDGET_MIN_PER_SECOND: case BALANCING: case HEALTH_CHECK_INTERVAL: case OUTLIER_CONSECUTIVE_FAILURES:
      case OUTLIER_EJECTION_TIME: case HEDGE_DELAY: case COMPRESSION:
        return true;
      default:
        return false;
    }
  }

  /** Sets the client setting {@code key} from text; IllegalArgumentException when the value does not fit. */
  static void applyEndpointQuerySetting(ClientOptions.Builder b, String key, String value) {
    String v = value.trim();
    switch (key) {
      case MAX_CONNECTIONS: b.maxConnections(parseWholeNumber(v)); break;
      case RETRY_MAX_ATTEMPTS: {
        RetryPolicy p = withBackoffs(b.currentRetryPolicy());
        b.retryPolicy(new RetryPolicy(Math.max(1, parseWholeNumber(v)), p.initialBackoff(), p.maxBackoff(),
            p.multiplier(), p.retryWhenOutcomeUnknown()));
        break;
      }
      case RETRY_INITIAL_BACKOFF: case RETRY_MAX_BACKOFF: {
        RetryPolicy p = withBackoffs(b.currentRetryPolicy());
        Duration d = parseDuration(v);
        Duration initial = key.equals(RETRY_INITIAL_BACKOFF) ? d : p.initialBackoff();
        Duration max = key.equals(RETRY_MAX_BACKOFF) ? d : p.maxBackoff();
        // The keys come in any order: the longest wait grows to fit the first one, and shrinking it
        // below the first one pulls the first one down with it.
        if (key.equals(RETRY_MAX_BACKOFF) && initial.compareTo(max) > 0) {
          initial = max;
        }
        b.retryPolicy(new RetryPolicy(p.maxAttempts(), initial, max.compareTo(initial) < 0 ? initial : max,
            p.multiplier(), p.retryWhenOutcomeUnknown()));
        break;
      }
      case RETRY_BUDGET_RATIO: b.retryBudget(b.currentRetryBudget().withRatio(parseRatio(v))); break;
      case RETRY_BUDGET_MIN_PER_SECOND:
        b.retryBudget(b.currentRetryBudget().withMinRetriesPerSecond(parseWholeNumber(v)));
        break;
      case BALANCING: b.balancing(Balancing.fromConfigName(v)); break;
      case HEALTH_CHECK_INTERVAL: b.healthCheckInterval(parseDuration(v)); break;
      case OUTLIER_CONSECUTIVE_FAILURES: {
        OutlierEjection o = b.currentOutlierEjection();
        b.outlierEjection(new OutlierEjection(parseWholeNumber(v), o.baseEjectionTime(), o.maxEjectionTime()));
        break;
      }
      case OUTLIER_EJECTION_TIME: {
        OutlierEjection o = b.currentOutlierEjection();
        Duration d = parseDuration(v);
        b.outlierEjection(new OutlierEjection(o.consecutiveFailures(), d,
            d.compareTo(o.maxEjectionTime()) > 0 ? d : o.maxEjectionTime()));
        break;
      }
      case HEDGE_DELAY: b.hedgeDelay(parseDuration(v)); break;
      case CONNECTION_IDLE_TIMEOUT: b.connectionIdleTimeout(parseDuration(v)); break;
      case KEEP_ALIVE_TIME: b.keepAliveTime(parseDuration(v)); break;
      case KEEP_ALIVE_TIMEOUT: b.keepAliveTimeout(parseDuration(v)); break;
      case KEEP_ALIVE_WITHOUT_CALLS: b.keepAliveWithoutCalls(parseBoolean(value)); break;
      case COMPRESSION: b.compression(v); break;
      default: throw new IllegalArgumentException("'" + key + "' is not a client setting");
    }
  }

  /** {@code p}, or {@link RetryPolicy#exponential}'s waits when it has none yet (retries off), for one key to change. */
  private static RetryPolicy withBackoffs(RetryPolicy p) {
    if (!p.initialBackoff().isZero() || !p.maxBackoff().isZero()) {
      return p;
    }
    RetryPolicy e = RetryPolicy.exponential(2);
    return new RetryPolicy(p.maxAttempts(), e.initialBackoff(), e.maxBackoff(), e.multiplier(), p.retryWhenOutcomeUnknown());
  }

  private static int parseWholeNumber(String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a whole number");
    }
  }

  /** A share: 0.1 or 10%. */
  private static double parseRatio(String text) {
    String t = text.trim();
    try {
      return t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100
          : Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a share such as 0.1 or 10%");
    }
  }

  private static boolean parseBoolean(String text) {
    switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true": case "yes": case "on": case "1":
        return true;
      case "false": case "no": case "off": case "0":
        return false;
      default:
        throw new IllegalArgumentException("'" + text + "' is not true or false");
    }
  }

  /** Parses 30s, 500ms, 2m, 1h, 1d, an ISO-8601 duration (PT30S) or a plain number of milliseconds. */
  public static Duration parseDuration(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (s.startsWith("pt") || s.startsWith("p")) {
        return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
      }
      if (s.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).trim()));
      }
      if (s.endsWith("s")) {
        return Duration.ofMillis(Math.round(Double.parseDouble(s.substring(0, s.length() - 1).trim()) * 1000));
      }
      if (s.endsWith("m")) {
        return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1).trim()) * 60);
      }
      if (s.endsWith("h")) {
        return Duration.ofHours(Long.parseLong(s.substring(0, s.length() - 1).trim()));
      }
      if (s.endsWith("d")) {
        return Duration.ofDays(Long.parseLong(s.substring(0, s.length() - 1).trim()));
      }
      return Duration.ofMillis(Long.parseLong(s));
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a duration (examples: 30s, 500ms, 2m, PT30S)");
    }
  }

  /** Parses a byte count: 1048576, 512KiB, 64MiB, 1GiB (KB/MB/GB are read as the binary units too). */
  public static int parseSize(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    long mult = 1;
    for (String[] unit : new String[][] {{"kib", "1024"}, {"kb", "1024"}, {"k", "1024"},
        {"mib", "1048576"}, {"mb", "1048576"}, {"m", "1048576"},
        {"gib", "1073741824"}, {"gb", "1073741824"}, {"g", "1073741824"}, {"b", "1"}}) {
      if (s.endsWith(unit[0])) {
        mult = Long.parseLong(unit[1]);
        s = s.substring(0, s.length() - unit[0].length());
        break;
      }
    }
    try {
      long v = Math.multiplyExact(Long.parseLong(s), mult);
      if (v < 0) {
        throw new IllegalArgumentException("'" + text + "' is not a size: it is negative");
      }
      if (v > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("'" + text + "' is larger than 2 GiB");
      }
      return (int) v;
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("'" + text + "' is not a size (examples: 65536, 64MiB)");
    }
  }

  private static void parseHeaders(ClientOptions.Builder b, String value) {
    int index = 0;
    for (String part : value.split(",")) {
      index++;
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq <= 0) {
        // The entry may be a secret written with the wrong separator: never repeat it.
        throw new IllegalArgumentException("entry " + index + " is not name=value");
      }
      String name = part.substring(0, eq).trim();
      String v;
      try {
        // Percent-decoding only: a '+' in a value (base64 keys) is a plus sign, not a space.
        v = URLDecoder.decode(part.substring(eq + 1).trim().replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("header '" + name + "' value has bad percent-encoding");
      }
      b.header(name, v);
    }
  }
}
