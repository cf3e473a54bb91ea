package io.inferlink;

import io.inferlink.credentials.BearerTokenFile;
import io.inferlink.credentials.CredentialsProvider;
import io.inferlink.credentials.OAuth2ClientCredentials;
import io.inferlink.credentials.internal.SuppliedBearerToken;
import io.inferlink.interceptor.InferenceInterceptor;
import io.inferlink.interceptor.RetryBudget;
import io.inferlink.interceptor.RetryPolicy;
import io.inferlink.internal.EndpointBridge;
import io.inferlink.internal.HeaderRule;
import io.inferlink.internal.RedactionRules;
import io.inferlink.routing.Balancing;
import io.inferlink.routing.OutlierEjection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * How a client connects and calls: timeouts, headers and credentials, TLS material, Host/authority
 * override, message size limit, connection pool and keep-alive, retry policy, callback executor,
 * provider choice and protocol-specific options. Immutable and thread-safe; build with {@link #builder()}, or read from configuration with
 * {@link #fromProperties(Properties)} / {@link #fromEnvironment()} so that an application changes
 * server without changing code. {@link #toString()} never shows a credential.
 */
public final class ClientOptions {
  /** Default time to open a connection. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Default time for a whole call. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
  /** Default largest message accepted from a server: 64 MiB (grpc-java's own 4 MiB is too small for images). */
  public static final int DEFAULT_MAX_MESSAGE_SIZE = 64 * 1024 * 1024;
  /** Default largest number of HTTP connections a REST client keeps open to its server. */
  public static final int DEFAULT_MAX_CONNECTIONS = 256;
  /** Default time an HTTP connection may sit unused in the pool before it is closed. */
  public static final Duration DEFAULT_CONNECTION_IDLE_TIMEOUT = Duration.ofMinutes(1);
  /** Default time a gRPC keep-alive ping waits for its answer before the connection counts as dead. */
  public static final Duration DEFAULT_KEEP_ALIVE_TIMEOUT = Duration.ofSeconds(20);
  /** The shortest keep-alive interval: gRPC raises anything shorter to this, and servers punish pings more frequent still. */
  public static final Duration MIN_KEEP_ALIVE_TIME = Duration.ofSeconds(10);
  /** Default interval of the readiness checks a client with several endpoints sends to each. */
  public static final Duration DEFAULT_HEALTH_CHECK_INTERVAL = Duration.ofSeconds(10);
  /** {@link #compression()}: gzip request bodies and gRPC messages, and ask for gzip answers. */
  public static final String COMPRESSION_GZIP = "gzip";
  /** {@link #compression()}: nothing compressed (the default). */
  public static final String COMPRESSION_NONE = "none";

  private static final ClientOptions DEFAULTS = builder().build();

  private final String endpoint;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final Map<String, String> headers;
  private final Supplier<Map<String, String>> headersSupplier;
  private final CredentialsProvider credentials;
  private final String basicAuthUser;
  private final String basicAuthPassword;
  private final TlsMaterial tls;
  private final String authority;
  private final int maxMessageSize;
  private final RetryPolicy retryPolicy;
  private final List<InferenceInterceptor> interceptors;
  private final List<InferenceInterceptor> attemptInterceptors;
  private final Executor executor;
  private final String providerName;
  private final String userAgent;
  private final Map<String, Object> typedOptions;
  private final Map<String, String> textOptions;
  // Connection settings: null means "not set", so an endpoint's query may still fill them in.
  private final Integer maxConnections;
  private final Duration connectionIdleTimeout;
  private final Duration keepAliveTime;
  private final Duration keepAliveTimeout;
  private final Boolean keepAliveWithoutCalls;
  // Retries and routing over several endpoints: null (false for the flag) means "not set", as above.
  private final boolean retryPolicySet;
  private final RetryBudget retryBudget;
  private final List<String> fallbackEndpoints;
  private final Balancing balancing;
  private final Duration healthCheckInterval;
  private final OutlierEjection outlierEjection;
  private final Duration hedgeDelay;
  private final String compression;

  private ClientOptions(Builder b) {
    this.endpoint = b.endpoint;
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    this.headersSupplier = b.headersSupplier;
    this.credentials = b.credentials;
    this.basicAuthUser = b.basicAuthUser;
    this.basicAuthPassword = b.basicAuthPassword;
    this.tls = b.tls;
    this.authority = b.authority;
    this.maxMessageSize = b.maxMessageSize;
    this.retryPolicy = b.retryPolicy;
    this.interceptors = List.copyOf(b.interceptors);
    this.attemptInterceptors = List.copyOf(b.attemptInterceptors);
    this.executor = b.executor;
    this.providerName = b.providerName;
    this.userAgent = b.userAgent;
    this.typedOptions = Collections.unmodifiableMap(new LinkedHashMap<>(b.typedOptions));
    this.textOptions = Collections.unmodifiableMap(new LinkedHashMap<>(b.textOptions));
    this.maxConnections = b.maxConnections;
    this.connectionIdleTimeout = b.connectionIdleTimeout;
    this.keepAliveTime = b.keepAliveTime;
    this.keepAliveTimeout = b.keepAliveTimeout;
    this.keepAliveWithoutCalls = b.keepAliveWithoutCalls;
    this.retryPolicySet = b.retryPolicySet;
    this.retryBudget = b.retryBudget;
    this.fallbackEndpoints = List.copyOf(b.fallbackEndpoints);
    this.balancing = b.balancing;
    this.healthCheckInterval = b.healthCheckInterval;
    this.outlierEjection = b.outlierEjection;
    this.hedgeDelay = b.hedgeDelay;
    this.compression = b.compression;
  }

  /**
   * The defaults: 10 s connect, 60 s per call, 64 MiB messages, no retries, no credentials.
   *
   * @return the default options
   */
  public static ClientOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Starts from the defaults.
   *
   * @return a builder holding the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads options from properties named {@code inferlink.*}. Unknown {@code inferlink.*} keys are an
   * error, so a typo does not pass silently. The keys, and their environment forms for
   * {@link #fromEnvironment()}:
   *
   * <table>
   *   <caption>keys</caption>
   *   <tr><th>property</th><th>environment</th><th>value</th></tr>
   *   <tr><td>inferlink.endpoint</td><td>INFERLINK_ENDPOINT</td><td>endpoint string</td></tr>
   *   <tr><td>inferlink.provider</td><td>INFERLINK_PROVIDER</td><td>provider name</td></tr>
   *   <tr><td>inferlink.timeout</td><td>INFERLINK_TIMEOUT</td><td>duration: 30s, 500ms, 2m, PT30S, or milliseconds</td></tr>
   *   <tr><td>inferlink.connect-timeout</td><td>INFERLINK_CONNECT_TIMEOUT</td><td>duration</td></tr>
   *   <tr><td>inferlink.headers</td><td>INFERLINK_HEADERS</td><td>k=v,k2=v2 (values percent-decoded)</td></tr>
   *   <tr><td>inferlink.bearer-token</td><td>INFERLINK_BEARER_TOKEN</td><td>token</td></tr>
   *   <tr><td>inferlink.bearer-token-file</td><td>INFERLINK_BEARER_TOKEN_FILE</td><td>file holding the token, read again when it changes ({@link BearerTokenFile})</td></tr>
   *   <tr><td>inferlink.oauth2.token-url</td><td>INFERLINK_OAUTH2_TOKEN_URL</td><td>OAuth 2.0 token endpoint ({@link OAuth2ClientCredentials}); with client-id and client-secret</td></tr>
   *   <tr><td>inferlink.oauth2.client-id</td><td>INFERLINK_OAUTH2_CLIENT_ID</td><td>client id</td></tr>
   *   <tr><td>inferlink.oauth2.client-secret</td><td>INFERLINK_OAUTH2_CLIENT_SECRET</td><td>client secret</td></tr>
   *   <tr><td>inferlink.oauth2.scope</td><td>INFERLINK_OAUTH2_SCOPE</td><td>scope to ask for (optional)</td></tr>
   *   <tr><td>inferlink.oauth2.audience</td><td>INFERLINK_OAUTH2_AUDIENCE</td><td>audience to ask for (optional)</td></tr>
   *   <tr><td>inferlink.oauth2.client-authentication</td><td>INFERLINK_OAUTH2_CLIENT_AUTHENTICATION</td><td>client_secret_basic (default) or client_secret_post</td></tr>
   *   <tr><td>inferlink.basic-auth</td><td>INFERLINK_BASIC_AUTH</td><td>user:password</td></tr>
   *   <tr><td>inferlink.authority</td><td>INFERLINK_AUTHORITY</td><td>Host / :authority override</td></tr>
   *   <tr><td>inferlink.max-message-size</td><td>INFERLINK_MAX_MESSAGE_SIZE</td><td>bytes, or with KiB/MiB/GiB</td></tr>
   *   <tr><td>inferlink.tls.trust</td><td>INFERLINK_TLS_TRUST</td><td>PEM file of trusted certificates</td></tr>
   *   <tr><td>inferlink.tls.cert</td><td>INFERLINK_TLS_CERT</td><td>PEM client certificate chain</td></tr>
   *   <tr><td>inferlink.tls.key</td><td>INFERLINK_TLS_KEY</td><td>PEM client private key</td></tr>
   *   <tr><td>inferlink.retry.max-attempts</td><td>INFERLINK_RETRY_MAX_ATTEMPTS</td><td>attempts, 1 = off</td></tr>
   *   <tr><td>inferlink.retry.initial-backoff</td><td>INFERLINK_RETRY_INITIAL_BACKOFF</td><td>duration before the first retry</td></tr>
   *   <tr><td>inferlink.retry.max-backoff</td><td>INFERLINK_RETRY_MAX_BACKOFF</td><td>longest duration between attempts</td></tr>
   *   <tr><td>inferlink.retry.budget-ratio</td><td>INFERLINK_RETRY_BUDGET_RATIO</td><td>share of calls that may be retried: 0.1 or 10%</td></tr>
   *   <tr><td>inferlink.retry.budget-min-per-second</td><td>INFERLINK_RETRY_BUDGET_MIN_PER_SECOND</td><td>retries per second allowed whatever the traffic</td></tr>
   *   <tr><td>inferlink.fallback-endpoints</td><td>INFERLINK_FALLBACK_ENDPOINTS</td><td>endpoints to fail over to, separated by spaces</td></tr>
   *   <tr><td>inferlink.balancing</td><td>INFERLINK_BALANCING</td><td>round-robin or least-in-flight</td></tr>
   *   <tr><td>inferlink.health-check-interval</td><td>INFERLINK_HEALTH_CHECK_INTERVAL</td><td>duration between readiness checks, 0 = off</td></tr>
   *   <tr><td>inferlink.outlier.consecutive-failures</td><td>INFERLINK_OUTLIER_CONSECUTIVE_FAILURES</td><td>failures in a row that eject an endpoint, 0 = off</td></tr>
   *   <tr><td>inferlink.outlier.ejection-time</td><td>INFERLINK_OUTLIER_EJECTION_TIME</td><td>duration of a first ejection (doubles, up to 5 min or this)</td></tr>
   *   <tr><td>inferlink.hedge-delay</td><td>INFERLINK_HEDGE_DELAY</td><td>duration before a hedged attempt of an idempotent call, 0 = off</td></tr>
   *   <tr><td>inferlink.max-connections</td><td>INFERLINK_MAX_CONNECTIONS</td><td>HTTP pool size</td></tr>
   *   <tr><td>inferlink.connection-idle-timeout</td><td>INFERLINK_CONNECTION_IDLE_TIMEOUT</td><td>duration an unused HTTP connection stays open</td></tr>
   *   <tr><td>inferlink.keep-alive-time</td><td>INFERLINK_KEEP_ALIVE_TIME</td><td>duration between gRPC keep-alive pings (at least 10s)</td></tr>
   *   <tr><td>inferlink.keep-alive-timeout</td><td>INFERLINK_KEEP_ALIVE_TIMEOUT</td><td>duration a ping waits for its answer</td></tr>
   *   <tr><td>inferlink.keep-alive-without-calls</td><td>INFERLINK_KEEP_ALIVE_WITHOUT_CALLS</td><td>true/false: ping with no call running</td></tr>
   *   <tr><td>inferlink.compression</td><td>INFERLINK_COMPRESSION</td><td>gzip or none: compress request bodies and messages</td></tr>
   *   <tr><td>inferlink.paperspace-secret</td><td>INFERLINK_PAPERSPACE_SECRET</td><td>secret of a protected Paperspace deployment (protocol option {@code paperspace-secret})</td></tr>
   *   <tr><td>inferlink.option.NAME</td><td>INFERLINK_OPTION_NAME</td><td>protocol option (env: '_' becomes '-')</td></tr>
   * </table>
   *
   * <p>At most one of {@code bearer-token}, {@code bearer-token-file}, {@code oauth2.*} and {@code basic-auth}
   * may be given.
   *
   * <p>The connection, retry and routing settings (every key above from {@code retry.max-attempts} on, except
   * {@code fallback-endpoints} and {@code paperspace-secret}) keep their names in an endpoint's query too:
   * {@code kserve-v2+http://host:8080?max-connections=32&retry.max-attempts=3}; a value set in code or
   * configuration wins over the query's. So does {@code compression} ({@code ?compression=gzip}).
   *
   * @param properties the properties to read; keys outside {@code inferlink.*} are ignored
   * @return the options
   * @throws ProviderConfigurationException naming the key when a key is unknown or a value is wrong
   */
  public static ClientOptions fromProperties(Properties properties) {
    return ConfigurationKeys.fromProperties(properties).build();
  }

  /**
   * Reads options from {@code INFERLINK_*} environment variables; the keys are listed at {@link #fromProperties}.
   *
   * @return the options
   * @throws ProviderConfigurationException naming the variable's key when a key is unknown or a value is wrong
   */
  public static ClientOptions fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * Reads options from a map shaped like the environment (for tests and frameworks).
   *
   * @param environment variable names to values, as {@link System#getenv()} gives them
   * @return the options
   * @throws ProviderConfigurationException naming the key when a key is unknown or a value is wrong
   */
  public static ClientOptions fromEnvironment(Map<String, String> environment) {
    return ConfigurationKeys.fromProperties(ConfigurationKeys.environmentToProperties(environment)).build();
  }

  /**
   * A builder holding these options, to derive a changed copy.
   *
   * @return a new builder; changing it does not change these options
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * The endpoint string given in configuration, or {@code null}.
   *
   * @return the endpoint, or {@code null}
   */
  public String endpoint() {
    return endpoint;
  }

  /**
   * Time allowed to open a connection.
   *
   * @return the connect timeout; positive
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * Time allowed for a whole call (its retries and their waits included), unless the request sets its own.
   *
   * @return the request timeout; positive
   */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /**
   * The timeout for one request: its own, else the client's.
   *
   * @param request the request about to be sent
   * @return the request's timeout if it has one, else {@link #requestTimeout()}
   */
  public Duration timeoutFor(InferenceRequest request) {
    return request.timeout() != null ? request.timeout() : requestTimeout;
  }

  /**
   * The fixed headers.
   *
   * @return the fixed headers by name; unmodifiable
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * The headers to send with the next call: fixed headers, then the supplier's (fresh each call, for
   * rotating tokens), then {@code Authorization} from bearer or basic credentials; a later header replaces an
   * earlier one of the same name in any case. Every value is checked, so a supplier cannot inject
   * headers with line breaks.
   *
   * @throws InvalidRequestException when a supplied header name or value is not allowed
   * @return the headers by name, in sending order; a new map
   */
  public Map<String, String> requestHeaders() {
    Map<String, String> out = new LinkedHashMap<>(headers);
    if (headersSupplier != null) {
      Map<String, String> supplied = headersSupplier.get();
      if (supplied != null) {
        for (Map.Entry<String, String> e : supplied.entrySet()) {
          try {
            HeaderRule.check(e.getKey(), e.getValue());
          } catch (IllegalArgumentException ex) {
            throw new InvalidRequestException("supplied header rejected: " + ex.getMessage());
          }
          putHeader(out, e.getKey(), e.getValue());
        }
      }
    }
    String auth = authorizationHeader();
    if (auth != null) {
      putHeader(out, "Authorization", auth);
    }
    return out;
  }

  /** Header names are case-insensitive: a later value replaces an earlier one whatever its case. */
  private static void putHeader(Map<String, String> headers, String name, String value) {
    headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
    headers.put(name, value);
  }

  /**
   * The supplier of per-call headers, or {@code null}; {@link #requestHeaders()} applies it.
   *
   * @return the supplier, or {@code null}
   */
  public Supplier<Map<String, String>> headersSupplier() {
    return headersSupplier;
  }

  /**
   * The {@code Authorization} value from the {@linkplain #credentials() credentials provider} (asked anew
   * each time: transports ask once per attempt) or from basic credentials, or {@code null}.
   *
   * @throws InferenceException what the provider throws (an {@link AuthenticationException} when it has no
   *     credentials), or an {@link InvalidRequestException} when its value cannot be a header
   * @return the header value, e.g. {@code Bearer ...}, or {@code null} when there are no credentials
   */
  public String authorizationHeader() {
    if (credentials != null) {
      String value = credentials.authorization();
      if (value == null || value.isEmpty()) {
        return null;
      }
      try {
        HeaderRule.check("Authorization", value);
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException("credentials rejected: they contain characters not allowed in a header");
      }
      return value;
    }
    if (basicAuthUser != null) {
      String pair = basicAuthUser + ":" + basicAuthPassword;
      return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
    return null;
  }

  /**
   * The secrets among the options that are not headers, for scrubbing them from messages (never
   * print them): values of protocol options with secret names (by the redaction rules, e.g.
   * an endpoint's {@code ?token=...}), and the user-info of {@link #endpoint()} and of each of the
   * {@link #fallbackEndpoints()} with its password.
   *
   * @return the secret values; a new list, possibly empty
   */
  public java.util.List<String> secretValues() {
    java.util.List<String> out = new java.util.ArrayList<>();
    textOptions.forEach((k, v) -> {
      if (RedactionRules.isSecretName(k)) {
        out.add(v);
      }
    });
    typedOptions.forEach((k, v) -> {
      if (RedactionRules.isSecretName(k)) {
        out.add(String.valueOf(v));
      }
    });
    List<String> endpoints = new java.util.ArrayList<>(fallbackEndpoints);
    if (endpoint != null) {
      endpoints.add(0, endpoint);
    }
    for (String e : endpoints) { // a fallback's credentials are as secret as the endpoint's
      try {
        String userInfo = EndpointBridge.userInfo(e);
        if (userInfo != null) {
          out.add(userInfo);
          out.add(userInfo.substring(userInfo.indexOf(':') + 1));
        }
      } catch (IllegalArgumentException ex) {
        // an endpoint that does not parse is refused when a client is made; nothing to add
      }
    }
    return out;
  }

  /**
   * True when bearer or basic credentials, or a credentials provider, are set.
   *
   * @return whether any credentials are set
   */
  public boolean hasCredentials() {
    return credentials != null || basicAuthUser != null;
  }

  /**
   * The provider of the {@code Authorization} value of each attempt ({@link #authorizationHeader()} asks
   * it), or {@code null}: set by {@link Builder#credentials}, {@link Builder#bearerToken(String)},
   * {@link Builder#bearerTokenFile} or their configuration keys.
   *
   * @return the credentials provider, or {@code null}
   */
  public CredentialsProvider credentials() {
    return credentials;
  }

  /**
   * TLS trust and client-certificate material.
   *
   * @return the TLS material; never null, {@link TlsMaterial#none()} by default
   */
  public TlsMaterial tls() {
    return tls;
  }

  /**
   * The Host / {@code :authority} to send instead of the endpoint's, or {@code null}.
   *
   * @return the authority, or {@code null}
   */
  public String authority() {
    return authority;
  }

  /**
   * The largest message accepted from a server, in bytes.
   *
   * @return the size limit in bytes
   */
  public int maxMessageSize() {
    return maxMessageSize;
  }

  /**
   * The most HTTP connections a REST client opens to its server at once (calls beyond wait for a free
   * one); {@value #DEFAULT_MAX_CONNECTIONS} by default. gRPC clients multiplex every call over one
   * connection and ignore it.
   *
   * @return the connection limit, at least 1
   */
  public int maxConnections() {
    return maxConnections != null ? maxConnections : DEFAULT_MAX_CONNECTIONS;
  }

  /**
   * How long an HTTP connection may sit unused in a REST client's pool before it is closed, so that
   * a burst of calls does not leave its connections open forever; one minute by default.
   *
   * @return the idle timeout; positive
   */
  public Duration connectionIdleTimeout() {
    return connectionIdleTimeout != null ? connectionIdleTimeout : DEFAULT_CONNECTION_IDLE_TIMEOUT;
  }

  /**
   * The interval of gRPC keep-alive pings (HTTP/2 PING frames that keep idle connections open
   * through proxies and find dead ones), or {@code null}: no pings, the default. REST clients ignore it.
   *
   * @return the ping interval, or {@code null}
   */
  public Duration keepAliveTime() {
    return keepAliveTime;
  }

  /**
   * How long a gRPC keep-alive ping waits for its answer before the connection is closed; 20 s by default.
   *
   * @return the ping timeout; positive
   */
  public Duration keepAliveTimeout() {
    return keepAliveTimeout != null ? keepAliveTimeout : DEFAULT_KEEP_ALIVE_TIMEOUT;
  }

  /**
   * Whether gRPC keep-alive pings go on while no call is running; false by default (pings only during calls).
   *
   * @return whether pings go on between calls
   */
  public boolean keepAliveWithoutCalls() {
    return keepAliveWithoutCalls != null && keepAliveWithoutCalls;
  }

  /**
   * How request bodies (REST) and messages (gRPC) are compressed: {@code "gzip"} or {@code "none"}, the
   * default. With gzip, REST answers are asked for gzip too; the {@link #maxMessageSize()} cap counts
   * the decompressed bytes. Backends on the JDK's HTTP client (the TorchServe template) ignore it.
   *
   * @return {@code "gzip"} or {@code "none"}
   */
  public String compression() {
    return compression != null ? compression : COMPRESSION_NONE;
  }

  /**
   * When to retry; {@link RetryPolicy#none()} by default.
   *
   * @return the retry policy; never null
   */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /**
   * How many retries the client may send for its calls; {@link RetryBudget#defaults()} unless set.
   *
   * @return the retry budget; never null
   */
  public RetryBudget retryBudget() {
    return retryBudget != null ? retryBudget : RetryBudget.defaults();
  }

  /**
   * Endpoints to fail over to, in order, when none of {@link #endpoint()}'s hosts can serve: each may be of
   * another protocol and list several hosts itself. Empty by default.
   *
   * @return the fallback endpoints; unmodifiable, possibly empty
   */
  public List<String> fallbackEndpoints() {
    return fallbackEndpoints;
  }

  /**
   * How a client with several endpoints picks one per call; {@link Balancing#ROUND_ROBIN} unless set.
   *
   * @return the balancing policy; never null
   */
  public Balancing balancing() {
    return balancing != null ? balancing : Balancing.ROUND_ROBIN;
  }

  /**
   * True when {@link #balancing()} was set (in code, configuration or the endpoint's query), not defaulted: a
   * gRPC endpoint whose one name resolves to several addresses then spreads calls over them (grpc-java's
   * {@code round_robin}) instead of using the first that answers.
   *
   * @return whether balancing was set explicitly
   */
  public boolean isBalancingSet() {
    return balancing != null;
  }

  /**
   * How often a client with several endpoints asks each whether it is ready ({@code serverReady});
   * {@link #DEFAULT_HEALTH_CHECK_INTERVAL} unless set; {@link Duration#ZERO} turns the checks off.
   *
   * @return the interval, or {@link Duration#ZERO} for no checks
   */
  public Duration healthCheckInterval() {
    return healthCheckInterval != null ? healthCheckInterval : DEFAULT_HEALTH_CHECK_INTERVAL;
  }

  /**
   * When a client with several endpoints takes a failing one out of rotation; {@link OutlierEjection#defaults()} unless set.
   *
   * @return the ejection rule; never null
   */
  public OutlierEjection outlierEjection() {
    return outlierEjection != null ? outlierEjection : OutlierEjection.defaults();
  }

  /**
   * How long an idempotent call waits for its answer before a second, hedged attempt goes to another endpoint
   * (the first answer wins, the other attempt is cancelled); {@link Duration#ZERO}, no hedging, unless set.
   *
   * @return the hedge delay, or {@link Duration#ZERO} for no hedging
   */
  public Duration hedgeDelay() {
    return hedgeDelay != null ? hedgeDelay : Duration.ZERO;
  }

  /**
   * The interceptors every call passes through, outermost first; none by default.
   *
   * @return the call interceptors; unmodifiable
   */
  public List<InferenceInterceptor> interceptors() {
    return interceptors;
  }

  /**
   * The interceptors each attempt passes through, inside the retries, outermost first; none by default.
   *
   * @return the attempt interceptors; unmodifiable
   */
  public List<InferenceInterceptor> attemptInterceptors() {
    return attemptInterceptors;
  }

  /**
   * The executor for callbacks, or {@code null} for the transport's own threads.
   *
   * @return the callback executor, or {@code null}
   */
  public Executor executor() {
    return executor;
  }

  /**
   * The provider to use regardless of priorities, or {@code null}.
   *
   * @return the provider's name, or {@code null} to choose by priority
   */
  public String providerName() {
    return providerName;
  }

  /**
   * The User-Agent to send.
   *
   * @return the User-Agent value; never null
   */
  public String userAgent() {
    return userAgent;
  }

  /**
   * A protocol-specific option: the typed value set in code, else the text value (from an endpoint
   * query, properties or environment) parsed, else the option's default.
   *
   * @throws ProviderConfigurationException when the text value does not parse
   * @param <T> the option's value type
   * @param option the option to read
   * @return the option's value, possibly its {@code null} default
   */
  public <T> T get(ProtocolOption<T> option) {
    Object typed = typedOptions.get(option.name());
    if (typed != null) {
      return option.type().cast(typed);
    }
    String text = textOptions.get(option.name());
    if (text != null) {
      try {
        return option.parse(text);
      } catch (IllegalArgumentException e) {
        throw new ProviderConfigurationException(e.getMessage(), e);
      }
    }
    return option.defaultValue();
  }

  /**
   * True when the option was set, typed or as text.
   *
   * @param option the option asked about
   * @return whether it was set
   */
  public boolean isSet(ProtocolOption<?> option) {
    return typedOptions.containsKey(option.name()) || textOptions.containsKey(option.name());
  }

  /**
   * The names of every protocol option set, so a backend can refuse names it does not know.
   *
   * @return the option names; a new set
   */
  public java.util.Set<String> optionNames() {
    java.util.Set<String> names = new java.util.LinkedHashSet<>(typedOptions.keySet());
    names.addAll(textOptions.keySet());
    return names;
  }

  /**
   * A copy where the given text options (an endpoint's query, say) fill in options not yet set: the
   * connection, retry and routing settings by their configuration key names ({@code max-connections},
   * {@code retry.max-attempts}, {@code balancing}, ... as {@link #fromProperties} lists them), every other
   * name as a protocol option.
   *
   * @throws ProviderConfigurationException naming the option when a setting's value is wrong
   * @param options setting or option names to text values; those already set are left alone
   * @return new options; these ones are unchanged
   */
  public ClientOptions withDefaultTextOptions(Map<String, String> options) {
    Builder b = toBuilder();
    // Asked of the options as given: two query keys of one setting (retry.max-attempts and retry.max-backoff) both apply.
    Builder given = toBuilder();
    for (Map.Entry<String, String> e : options.entrySet()) {
      if (ConfigurationKeys.isEndpointQueryKey(e.getKey())) {
        if (!given.isEndpointQuerySettingSet(e.getKey())) {
          try {
            ConfigurationKeys.applyEndpointQuerySetting(b, e.getKey(), e.getValue());
          } catch (IllegalArgumentException ex) {
            throw new ProviderConfigurationException("endpoint option " + e.getKey() + ": " + ex.getMessage(), ex);
          }
        }
      } else if (!typedOptions.containsKey(e.getKey()) && !textOptions.containsKey(e.getKey())) {
        b.textOptions.put(e.getKey(), e.getValue());
      }
    }
    return b.build();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ClientOptions{");
    if (endpoint != null) {
      sb.append("endpoint=").append(RedactionRules.redactText(endpoint)).append(", ");
    }
    sb.append("connectTimeout=").append(connectTimeout)
        .append(", requestTimeout=").append(requestTimeout)
        .append(", maxMessageSize=").append(maxMessageSize);
    if (!headers.isEmpty()) {
      Map<String, String> shown = new LinkedHashMap<>();
      headers.forEach((k, v) -> shown.put(k, RedactionRules.headerValueForDisplay(k, v)));
      sb.append(", headers=").append(shown);
    }
    if (headersSupplier != null) {
      sb.append(", headersSupplier=set");
    }
    if (credentials instanceof SuppliedBearerToken) {
      sb.append(", bearerToken=").append(RedactionRules.MASK);
    } else if (credentials instanceof BearerTokenFile || credentials instanceof OAuth2ClientCredentials) {
      sb.append(", credentials=").append(credentials); // their toString() shows no secret
    } else if (credentials != null) {
      sb.append(", credentials=").append(credentials.getClass().getName()); // another's may not be so careful
    }
    if (basicAuthUser != null) {
      sb.append(", basicAuth=").append(basicAuthUser).append(':').append(RedactionRules.MASK);
    }
    if (tls != TlsMaterial.none()) {
      sb.append(", tls=").append(tls);
    }
    if (authority != null) {
      sb.append(", authority=").append(authority);
    }
    if (maxConnections != null) {
      sb.append(", maxConnections=").append(maxConnections);
    }
    if (connectionIdleTimeout != null) {
      sb.append(", connectionIdleTimeout=").append(connectionIdleTimeout);
    }
    if (keepAliveTime != null) {
      sb.append(", keepAliveTime=").append(keepAliveTime);
    }
    if (keepAliveTimeout != null) {
      sb.append(", keepAliveTimeout=").append(keepAliveTimeout);
    }
    if (keepAliveWithoutCalls != null) {
      sb.append(", keepAliveWithoutCalls=").append(keepAliveWithoutCalls);
    }
    if (compression != null) {
      sb.append(", compression=").append(compression);
    }
    if (retryPolicy.isEnabled()) {
      sb.append(", retryPolicy=").append(retryPolicy);
    }
    if (retryBudget != null) {
      sb.append(", retryBudget=").append(retryBudget);
    }
    if (!fallbackEndpoints.isEmpty()) {
      List<String> shown = new java.util.ArrayList<>();
      fallbackEndpoints.forEach(e -> shown.add(RedactionRules.redactText(e)));
      sb.append(", fallbackEndpoints=").append(shown);
    }
    if (balancing != null) {
      sb.append(", balancing=").append(balancing.configName());
    }
    if (healthCheckInterval != null) {
      sb.append(", healthCheckInterval=").append(healthCheckInterval);
    }
    if (outlierEjection != null) {
      sb.append(", outlierEjection=").append(outlierEjection);
    }
    if (hedgeDelay != null) {
      sb.append(", hedgeDelay=").append(hedgeDelay);
    }
    if (!interceptors.isEmpty()) {
      List<String> names = new java.util.ArrayList<>();
      interceptors.forEach(i -> names.add(i.getClass().getName()));
      sb.append(", interceptors=").append(names);
    }
    if (!attemptInterceptors.isEmpty()) {
      List<String> names = new java.util.ArrayList<>();
      attemptInterceptors.forEach(i -> names.add(i.getClass().getName()));
      sb.append(", attemptInterceptors=").append(names);
    }
    if (providerName != null) {
      sb.append(", provider=").append(providerName);
    }
    if (!typedOptions.isEmpty() || !textOptions.isEmpty()) {
      Map<String, Object> shown = new LinkedHashMap<>();
      textOptions.forEach((k, v) -> shown.put(k, RedactionRules.isSecretName(k) ? RedactionRules.MASK : v));
      typedOptions.forEach((k, v) -> shown.put(k, RedactionRules.isSecretName(k) ? RedactionRules.MASK : v));
      sb.append(", options=").append(shown);
    }
    return sb.append('}').toString();
  }

  /** Collects options; not thread-safe. Each setter validates its value and names it when wrong. */
  public static final class Builder {
    private String endpoint;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Supplier<Map<String, String>> headersSupplier;
    private CredentialsProvider credentials;
    private String basicAuthUser;
    private String basicAuthPassword;
    private TlsMaterial tls = TlsMaterial.none();
    private String authority;
    private int maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
    private RetryPolicy retryPolicy = RetryPolicy.none();
    private final List<InferenceInterceptor> interceptors = new java.util.ArrayList<>();
    private final List<InferenceInterceptor> attemptInterceptors = new java.util.ArrayList<>();
    private Executor executor;
    private String providerName;
    private String userAgent = "inferlink-java";
    private final Map<String, Object> typedOptions = new LinkedHashMap<>();
    private final Map<String, String> textOptions = new LinkedHashMap<>();
    private Integer maxConnections;
    private Duration connectionIdleTimeout;
    private Duration keepAliveTime;
    private Duration keepAliveTimeout;
    private Boolean keepAliveWithoutCalls;
    private boolean retryPolicySet;
    private RetryBudget retryBudget;
    private final List<String> fallbackEndpoints = new java.util.ArrayList<>();
    private Balancing balancing;
    private Duration healthCheckInterval;
    private OutlierEjection outlierEjection;
    private Duration hedgeDelay;
    private String compression;

    private Builder() {}

    private Builder(ClientOptions o) {
      endpoint = o.endpoint;
      connectTimeout = o.connectTimeout;
      requestTimeout = o.requestTimeout;
      headers.putAll(o.headers);
      headersSupplier = o.headersSupplier;
      credentials = o.credentials;
      basicAuthUser = o.basicAuthUser;
      basicAuthPassword = o.basicAuthPassword;
      tls = o.tls;
      authority = o.authority;
      maxMessageSize = o.maxMessageSize;
      retryPolicy = o.retryPolicy;
      interceptors.addAll(o.interceptors);
      attemptInterceptors.addAll(o.attemptInterceptors);
      executor = o.executor;
      providerName = o.providerName;
      userAgent = o.userAgent;
      typedOptions.putAll(o.typedOptions);
      textOptions.putAll(o.textOptions);
      maxConnections = o.maxConnections;
      connectionIdleTimeout = o.connectionIdleTimeout;
      keepAliveTime = o.keepAliveTime;
      keepAliveTimeout = o.keepAliveTimeout;
      keepAliveWithoutCalls = o.keepAliveWithoutCalls;
      retryPolicySet = o.retryPolicySet;
      retryBudget = o.retryBudget;
      fallbackEndpoints.addAll(o.fallbackEndpoints);
      balancing = o.balancing;
      healthCheckInterval = o.healthCheckInterval;
      outlierEjection = o.outlierEjection;
      hedgeDelay = o.hedgeDelay;
      compression = o.compression;
    }

    /**
     * The endpoint, for {@link InferenceClient#create(ClientOptions)}.
     *
     * @param endpoint the endpoint URI, or {@code null}
     * @return this builder
     */
    public Builder endpoint(String endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    /**
     * Time allowed to open a connection; must be positive.
     *
     * @param timeout the connect timeout
     * @return this builder
     * @throws IllegalArgumentException when {@code timeout} is zero or negative
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connectTimeout", timeout);
      return this;
    }

    /**
     * Time allowed for a whole call, its retries and their waits included; must be positive.
     *
     * @param timeout the request timeout
     * @return this builder
     * @throws IllegalArgumentException when {@code timeout} is zero or negative
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive("requestTimeout", timeout);
      return this;
    }

    /**
     * Adds a fixed header; names and values are checked so they cannot inject other headers.
     *
     * @param name the header's name
     * @param value the header's value
     * @return this builder
     * @throws IllegalArgumentException when the name or value is not allowed in a header
     */
    public Builder header(String name, String value) {
      HeaderRule.check(name, value);
      putHeader(headers, name, value);
      return this;
    }

    /**
     * Adds fixed headers.
     *
     * @param values header names to values; each checked as {@link #header} does
     * @return this builder
     */
    public Builder headers(Map<String, String> values) {
      values.forEach(this::header);
      return this;
    }

    /**
     * Headers computed again for every call (rotating tokens); checked on every call.
     *
     * @param supplier gives the headers for each call, or {@code null} for none; called on the calling thread
     * @return this builder
     */
    public Builder headersSupplier(Supplier<Map<String, String>> supplier) {
      this.headersSupplier = supplier;
      return this;
    }

    /**
     * Sends {@code Authorization: Bearer <token>}; replaces basic credentials.
     *
     * @param token the token, without the {@code Bearer } prefix; not null
     * @return this builder
     */
    public Builder bearerToken(String token) {
      Objects.requireNonNull(token, "token");
      HeaderRule.check("Authorization", token);
      return credentials(new SuppliedBearerToken(() -> token));
    }

    /**
     * Sends a bearer token fetched again for every attempt (rotating tokens); replaces other credentials. As
     * {@code credentials(CredentialsProvider.bearerToken(tokenSupplier))}.
     *
     * @param tokenSupplier gives the current token, without the {@code Bearer } prefix; not null
     * @return this builder
     */
    public Builder bearerToken(Supplier<String> tokenSupplier) {
      return credentials(new SuppliedBearerToken(Objects.requireNonNull(tokenSupplier, "tokenSupplier")));
    }

    /**
     * Sends the bearer token in this file, read again when the file changes (checked at most once a second):
     * a Kubernetes projected service-account token, for one. As {@code credentials(BearerTokenFile.of(file))};
     * replaces other credentials. Reads nothing yet: a missing file fails the first call.
     *
     * @param file the token file
     * @return this builder
     */
    public Builder bearerTokenFile(Path file) {
      return credentials(BearerTokenFile.of(file));
    }

    /**
     * Asks {@code provider} for the {@code Authorization} value of every attempt, retries included
     * ({@link BearerTokenFile}, {@link OAuth2ClientCredentials}, or one of the application's own); replaces
     * bearer and basic credentials.
     *
     * @param provider the credentials provider; not null
     * @return this builder
     */
    public Builder credentials(CredentialsProvider provider) {
      this.credentials = Objects.requireNonNull(provider, "credentials");
      this.basicAuthUser = null;
      this.basicAuthPassword = null;
      return this;
    }

    /**
     * Sends HTTP Basic credentials (also as gRPC metadata); replaces a bearer token.
     *
     * @param user the user name; without {@code :}
     * @param password the password
     * @return this builder
     * @throws IllegalArgumentException when {@code user} contains {@code :}
     */
    public Builder basicAuth(String user, String password) {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      if (user.indexOf(':') >= 0) {
        throw new IllegalArgumentException("basic-auth user must not contain ':'");
      }
      this.basicAuthUser = user;
      this.basicAuthPassword = password;
      this.credentials = null;
      return this;
    }

    /**
     * Trusts these PEM certificates instead of the system's.
     *
     * @param pem the certificates, PEM {@code CERTIFICATE} blocks; copied
     * @return this builder
     */
    public Builder trustCertificatesPem(byte[] pem) {
      this.tls = tls.withTrustCertificates(Objects.requireNonNull(pem, "pem"));
      return this;
    }

    /**
     * Trusts the PEM certificates in this file instead of the system's.
     *
     * @param pemFile the PEM file, read now
     * @return this builder
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    public Builder trustCertificates(Path pemFile) {
      return trustCertificatesPem(TlsMaterial.read(pemFile, "trusted certificates"));
    }

    /**
     * Presents this client certificate chain and private key (PEM, PKCS#8) for mutual TLS.
     *
     * @param chainPem the certificate chain in PEM, leaf first; copied
     * @param privateKeyPem the private key in PEM (PKCS#8); copied
     * @return this builder
     */
    public Builder clientCertificatePem(byte[] chainPem, byte[] privateKeyPem) {
      this.tls = tls.withClientCertificate(
          Objects.requireNonNull(chainPem, "chainPem"), Objects.requireNonNull(privateKeyPem, "privateKeyPem"));
      return this;
    }

    /**
     * Presents the client certificate chain and private key in these PEM files.
     *
     * @param chainPemFile the PEM file of the chain, read now
     * @param privateKeyPemFile the PEM file of the private key (PKCS#8), read now
     * @return this builder
     * @throws java.io.UncheckedIOException when a file cannot be read
     */
    public Builder clientCertificate(Path chainPemFile, Path privateKeyPemFile) {
      return clientCertificatePem(
          TlsMaterial.read(chainPemFile, "client certificate"), TlsMaterial.read(privateKeyPemFile, "client key"));
    }

    /**
     * Sets all TLS material at once.
     *
     * @param material the TLS material; not null
     * @return this builder
     */
    public Builder tls(TlsMaterial material) {
      this.tls = Objects.requireNonNull(material, "material");
      return this;
    }

    /**
     * Sends this Host (REST) or {@code :authority} (gRPC) instead of the endpoint's, as Knative or
     * Istio routing needs. TLS still verifies the certificate against this name.
     *
     * @param authority {@code host[:port]} to send, or {@code null} for the endpoint's
     * @return this builder
     * @throws IllegalArgumentException when {@code authority} is empty or has characters a host cannot have
     */
    public Builder authority(String authority) {
      if (authority != null) {
        if (authority.isEmpty() || !authority.matches("[A-Za-z0-9._~%!$&'()*+,;=:\\[\\]-]+")) {
          throw new IllegalArgumentException("authority '" + authority + "' is not a valid host[:port]");
        }
      }
      this.authority = authority;
      return this;
    }

    /**
     * The largest message accepted from a server, in bytes (at least 1 KiB).
     *
     * @param bytes the limit in bytes
     * @return this builder
     * @throws IllegalArgumentException when {@code bytes} is below 1024
     */
    public Builder maxMessageSize(int bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("maxMessageSize must be at least 1024 bytes, got " + bytes);
      }
      this.maxMessageSize = bytes;
      return this;
    }

    /**
     * The most HTTP connections a REST client opens to its server at once; at least 1 (see {@link ClientOptions#maxConnections()}).
     *
     * @param connections the connection limit
     * @return this builder
     * @throws IllegalArgumentException when {@code connections} is below 1
     */
    public Builder maxConnections(int connections) {
      if (connections < 1) {
        throw new IllegalArgumentException("maxConnections must be at least 1, got " + connections);
      }
      this.maxConnections = connections;
      return this;
    }

    /**
     * How long an unused HTTP connection stays open; must be positive (see {@link ClientOptions#connectionIdleTimeout()}).
     *
     * @param timeout the idle timeout
     * @return this builder
     * @throws IllegalArgumentException when {@code timeout} is zero or negative
     */
    public Builder connectionIdleTimeout(Duration timeout) {
      this.connectionIdleTimeout = positive("connectionIdleTimeout", timeout);
      return this;
    }

    /**
     * Sends gRPC keep-alive pings at this interval, at least {@link #MIN_KEEP_ALIVE_TIME} (servers
     * close connections that ping more often than they allow: gRPC servers allow every 5 minutes by
     * default); see {@link ClientOptions#keepAliveTime()}.
     *
     * @param interval the ping interval
     * @return this builder
     * @throws IllegalArgumentException when {@code interval} is below {@link #MIN_KEEP_ALIVE_TIME}
     */
    public Builder keepAliveTime(Duration interval) {
      positive("keepAliveTime", interval);
      if (interval.compareTo(MIN_KEEP_ALIVE_TIME) < 0) {
        throw new IllegalArgumentException("keepAliveTime must be at least " + MIN_KEEP_ALIVE_TIME.toSeconds()
            + "s (gRPC's minimum), got " + interval);
      }
      this.keepAliveTime = interval;
      return this;
    }

    /**
     * How long a keep-alive ping waits for its answer; must be positive (see {@link ClientOptions#keepAliveTimeout()}).
     *
     * @param timeout the ping timeout
     * @return this builder
     * @throws IllegalArgumentException when {@code timeout} is zero or negative
     */
    public Builder keepAliveTimeout(Duration timeout) {
      this.keepAliveTimeout = positive("keepAliveTimeout", timeout);
      return this;
    }

    /**
     * Whether keep-alive pings go on with no call running (see {@link ClientOptions#keepAliveWithoutCalls()}).
     *
     * @param withoutCalls whether to ping with no call running
     * @return this builder
     */
    public Builder keepAliveWithoutCalls(boolean withoutCalls) {
      this.keepAliveWithoutCalls = withoutCalls;
      return this;
    }

    /**
     * Compresses request bodies and gRPC messages: {@code "gzip"} or {@code "none"} (the default); see
     * {@link ClientOptions#compression()}.
     *
     * @param compression {@code "gzip"} or {@code "none"}, in any case
     * @return this builder
     * @throws IllegalArgumentException for any other value
     */
    public Builder compression(String compression) {
      Objects.requireNonNull(compression, "compression");
      String c = compression.trim().toLowerCase(java.util.Locale.ROOT);
      if (!c.equals(COMPRESSION_GZIP) && !c.equals(COMPRESSION_NONE)) {
        throw new IllegalArgumentException("compression must be " + COMPRESSION_GZIP + " or " + COMPRESSION_NONE
            + ", got '" + compression + "'");
      }
      this.compression = c;
      return this;
    }

    /** Whether the connection setting of this configuration name was set already. */
    boolean isEndpointQuerySettingSet(String key) {
      switch (key) {
        case ConfigurationKeys.MAX_CONNECTIONS: return maxConnections != null;
        case ConfigurationKeys.CONNECTION_IDLE_TIMEOUT: return connectionIdleTimeout != null;
        case ConfigurationKeys.KEEP_ALIVE_TIME: return keepAliveTime != null;
        case ConfigurationKeys.KEEP_ALIVE_TIMEOUT: return keepAliveTimeout != null;
        case ConfigurationKeys.KEEP_ALIVE_WITHOUT_CALLS: return keepAliveWithoutCalls != null;
        case ConfigurationKeys.RETRY_MAX_ATTEMPTS: case ConfigurationKeys.RETRY_INITIAL_BACKOFF:
        case ConfigurationKeys.RETRY_MAX_BACKOFF:
          return retryPolicySet;
        case ConfigurationKeys.RETRY_BUDGET_RATIO: case ConfigurationKeys.RETRY_BUDGET_MIN_PER_SECOND:
          return retryBudget != null;
        case ConfigurationKeys.BALANCING: return balancing != null;
        case ConfigurationKeys.HEALTH_CHECK_INTERVAL: return healthCheckInterval != null;
        case ConfigurationKeys.OUTLIER_CONSECUTIVE_FAILURES: case ConfigurationKeys.OUTLIER_EJECTION_TIME:
          return outlierEjection != null;
        case ConfigurationKeys.HEDGE_DELAY: return hedgeDelay != null;
        case ConfigurationKeys.COMPRESSION: return compression != null;
        default: return false;
      }
    }

    /**
     * Retries retryable failures by this policy.
     *
     * @param policy the retry policy; not null
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
      this.retryPolicySet = true;
      return this;
    }

    /** The policy set so far (for configuration that changes one of its values). */
    RetryPolicy currentRetryPolicy() {
      return retryPolicy;
    }

    /** The budget set so far, or the default (for configuration that changes one of its values). */
    RetryBudget currentRetryBudget() {
      return retryBudget != null ? retryBudget : RetryBudget.defaults();
    }

    /** The outlier ejection set so far, or the default (for configuration that changes one of its values). */
    OutlierEjection currentOutlierEjection() {
      return outlierEjection != null ? outlierEjection : OutlierEjection.defaults();
    }

    /**
     * Limits retries (and hedged attempts) to this budget, per client; {@link RetryBudget#defaults()} otherwise.
     *
     * @param budget the retry budget; not null
     * @return this builder
     */
    public Builder retryBudget(RetryBudget budget) {
      this.retryBudget = Objects.requireNonNull(budget, "retryBudget");
      return this;
    }

    /**
     * Endpoints to fail over to, in this order, when no host of the {@linkplain #endpoint(String) endpoint}
     * can serve a call; any protocol, each possibly with several hosts. Replaces those set before. Each must
     * parse as an endpoint; the client checks that a provider serves it when it is created.
     *
     * @param endpoints the fallback endpoint URIs, in order; none blank
     * @return this builder
     */
    public Builder fallbackEndpoints(List<String> endpoints) {
      Objects.requireNonNull(endpoints, "fallbackEndpoints");
      List<String> copy = new java.util.ArrayList<>();
      for (String e : endpoints) {
        if (e == null || e.isBlank()) {
          throw new IllegalArgumentException("fallbackEndpoints: an endpoint is empty");
        }
        copy.add(e.trim());
      }
      fallbackEndpoints.clear();
      fallbackEndpoints.addAll(copy);
      return this;
    }

    /**
     * As {@link #fallbackEndpoints(List)}.
     *
     * @param endpoints the fallback endpoint URIs, in order; none blank
     * @return this builder
     */
    public Builder fallbackEndpoints(String... endpoints) {
      return fallbackEndpoints(List.of(endpoints));
    }

    /**
     * How calls are spread over several endpoints of one server.
     *
     * @param policy the balancing policy; not null
     * @return this builder
     */
    public Builder balancing(Balancing policy) {
      this.balancing = Objects.requireNonNull(policy, "balancing");
      return this;
    }

    /**
     * How often each endpoint of a client with several is checked for readiness; {@link Duration#ZERO} turns checks off.
     *
     * @param interval the check interval: zero, or at least 10 ms
     * @return this builder
     * @throws IllegalArgumentException when {@code interval} is negative or between zero and 10 ms
     */
    public Builder healthCheckInterval(Duration interval) {
      Objects.requireNonNull(interval, "healthCheckInterval");
      if (interval.isNegative() || (!interval.isZero() && interval.compareTo(Duration.ofMillis(10)) < 0)) {
        throw new IllegalArgumentException("healthCheckInterval must be 0 (off) or at least 10ms, got " + interval);
      }
      this.healthCheckInterval = interval;
      return this;
    }

    /**
     * When a failing endpoint is taken out of rotation; {@link OutlierEjection#disabled()} never.
     *
     * @param ejection the ejection rule; not null
     * @return this builder
     */
    public Builder outlierEjection(OutlierEjection ejection) {
      this.outlierEjection = Objects.requireNonNull(ejection, "outlierEjection");
      return this;
    }

    /**
     * Sends a hedged second attempt of an idempotent call after this delay; {@link Duration#ZERO} turns hedging off.
     *
     * @param delay the hedge delay; zero or positive
     * @return this builder
     * @throws IllegalArgumentException when {@code delay} is negative
     */
    public Builder hedgeDelay(Duration delay) {
      Objects.requireNonNull(delay, "hedgeDelay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("hedgeDelay must not be negative, got " + delay);
      }
      this.hedgeDelay = delay;
      return this;
    }

    /**
     * Adds an interceptor that every call of the client passes through; the first added is the
     * outermost (it sees the call first and the outcome last). The retries of
     * {@link #retryPolicy(RetryPolicy)} run inside all of them, so each interceptor sees a call once
     * whatever the attempts.
     *
     * @param interceptor the interceptor; not null
     * @return this builder
     */
    public Builder interceptor(InferenceInterceptor interceptor) {
      interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
      return this;
    }

    /**
     * Adds an interceptor that each attempt passes through, inside the retries of
     * {@link #retryPolicy(RetryPolicy)} (OkHttp's network interceptors play this part): with retries on,
     * it sees a call once per attempt, numbered by {@link io.inferlink.interceptor.InferenceCall#attempt()};
     * with retries off, once. For what depends on attempts (counting retries, a span per attempt); the
     * first added is the outermost of them.
     *
     * @param interceptor the interceptor; not null
     * @return this builder
     */
    public Builder attemptInterceptor(InferenceInterceptor interceptor) {
      attemptInterceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
      return this;
    }

    /**
     * Removes the interceptors and attempt interceptors added so far, e.g. those
     * {@link ClientOptions#toBuilder()} copied.
     *
     * @return this builder
     */
    public Builder clearInterceptors() {
      interceptors.clear();
      attemptInterceptors.clear();
      return this;
    }

    /**
     * Completes futures on this executor instead of transport threads.
     *
     * @param executor the executor, or {@code null} for the transport's threads
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = executor;
      return this;
    }

    /**
     * Uses the provider of this name, whatever the priorities say.
     *
     * @param name the provider's name, or {@code null} to choose by priority
     * @return this builder
     */
    public Builder providerName(String name) {
      this.providerName = name;
      return this;
    }

    /**
     * The User-Agent to send.
     *
     * @param userAgent the User-Agent value; not null
     * @return this builder
     * @throws IllegalArgumentException when the value is not allowed in a header
     */
    public Builder userAgent(String userAgent) {
      HeaderRule.check("User-Agent", Objects.requireNonNull(userAgent, "userAgent"));
      this.userAgent = userAgent;
      return this;
    }

    /**
     * Sets a protocol-specific option to a typed value.
     *
     * @param <T> the option's value type
     * @param option the option
     * @param value its value; not null
     * @return this builder
     */
    public <T> Builder option(ProtocolOption<T> option, T value) {
      typedOptions.put(option.name(), option.type().cast(Objects.requireNonNull(value, "value")));
      return this;
    }

    /**
     * Sets a protocol-specific option from text, as configuration gives it; parsed when read.
     *
     * @param name the option's name
     * @param value its text form; not null
     * @return this builder
     */
    public Builder option(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      textOptions.put(name, value);
      return this;
    }

    /**
     * Removes a protocol option, typed or text (a provider handing options on to another one).
     *
     * @param name the option's name
     * @return this builder
     */
    public Builder removeOption(String name) {
      typedOptions.remove(name);
      textOptions.remove(name);
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public ClientOptions build() {
      return new ClientOptions(this);
    }

    private static Duration positive(String what, Duration d) {
      Objects.requireNonNull(d, what);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, got " + d);
      }
      return d;
    }
  }
}
