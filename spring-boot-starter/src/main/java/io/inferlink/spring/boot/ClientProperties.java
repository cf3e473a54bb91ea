package io.inferlink.spring.boot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The properties of one client, {@code inferlink.clients.<name>.*}. Each has the name and the syntax of
 * core's key {@code inferlink.<key>} (see {@code ClientOptions.fromProperties}), which parses it: durations
 * as 30s, 500ms, 2m or PT30S, sizes as 65536 or 64MiB. Unset properties keep core's defaults. Mutable, as
 * Spring binds it; holds secrets, so it has no {@code toString()} of its own.
 *
 * <p>To add a property: a field with its Javadoc here (or in a nested group), and one line in
 * {@link ClientOptionsMapper}.
 */
public class ClientProperties {
  /** The endpoint, for example kserve-v2+grpc://triton:8001 or tfserving+http://host:8501. Required. */
  private String endpoint;
  /** The provider to use when several serve the endpoint's scheme. */
  private String provider;
  /** Time allowed for a whole call, retries included (30s, 500ms, PT1M); 60s by default. */
  private String timeout;
  /** Time allowed to open a connection; 10s by default. */
  private String connectTimeout;
  /** Headers sent with every call, by name. Their values are never shown by the client or its health. */
  private Map<String, String> headers = new LinkedHashMap<>();
  /** A bearer token sent as the Authorization header. */
  private String bearerToken;
  /** Basic credentials as user:password, sent as the Authorization header. */
  private String basicAuth;
  /**
   * A file holding a bearer token, read again when it changes (a Kubernetes projected service-account token,
   * whose ..data link the kubelet swaps). One kind of credentials per client.
   */
  private String bearerTokenFile;
  /** The Host header or gRPC authority to send instead of the endpoint's host (for routing proxies). */
  private String authority;
  /** The largest message accepted from the server (65536, 64MiB); 64MiB by default. */
  private String maxMessageSize;
  /** Most HTTP connections a REST client opens to its server; 256 by default. */
  private Integer maxConnections;
  /** Time an unused HTTP connection stays open; 1m by default. */
  private String connectionIdleTimeout;
  /** Interval of gRPC keep-alive pings (at least 10s); none by default. */
  private String keepAliveTime;
  /** Time a gRPC keep-alive ping waits for its answer; 20s by default. */
  private String keepAliveTimeout;
  /** Whether gRPC keep-alive pings go on while no call runs; false by default. */
  private Boolean keepAliveWithoutCalls;
  /** Compression of request bodies and messages: gzip or none (the default). */
  private String compression;
  /** Endpoints to fail over to, in order, when the endpoint's hosts cannot serve. */
  private List<String> fallbackEndpoints = new ArrayList<>();
  /** How calls spread over several hosts: round-robin or least-in-flight. */
  private String balancing;
  /** Interval of the readiness checks of a client with several endpoints, 0 = off; 10s by default. */
  private String healthCheckInterval;
  /** Delay before a hedged second attempt of an idempotent call, 0 = off (the default). */
  private String hedgeDelay;
  /** The secret of a protected Paperspace Gradient deployment. */
  private String paperspaceSecret;
  /** Protocol options by name (for example api: tfs for OVMS's TF Serving API). */
  private Map<String, String> options = new LinkedHashMap<>();
  /** TLS trust and client certificates. */
  @NestedConfigurationProperty
  private TlsProperties tls = new TlsProperties();
  /** Retries and their budget. */
  @NestedConfigurationProperty
  private RetryProperties retry = new RetryProperties();
  /** Ejection of failing hosts of a client with several endpoints. */
  @NestedConfigurationProperty
  private OutlierProperties outlier = new OutlierProperties();
  /** OAuth 2.0 client credentials: a token from a token endpoint, refreshed before it expires. */
  @NestedConfigurationProperty
  private OAuth2Properties oauth2 = new OAuth2Properties();
  /** What the client's health indicator checks. */
  @NestedConfigurationProperty
  private HealthProperties health = new HealthProperties();

  public String getEndpoint() { return endpoint; }
  public void setEndpoint(String endpoint) { this.endpoint = endpoint; }
  public String getProvider() { return provider; }
  public void setProvider(String provider) { this.provider = provider; }
  public String getTimeout() { return timeout; }
  public void setTimeout(String timeout) { this.timeout = timeout; }
  public String getConnectTimeout() { return connectTimeout; }
  public void setConnectTimeout(String connectTimeout) { this.connectTimeout = connectTimeout; }
  public Map<String, String> getHeaders() { return headers; }
  public void setHeaders(Map<String, String> headers) { this.headers = headers; }
  public String getBearerToken() { return bearerToken; }
  public void setBearerToken(String bearerToken) { this.bearerToken = bearerToken; }
  public String getBasicAuth() { return basicAuth; }
  public void setBasicAuth(String basicAuth) { this.basicAuth = basicAuth; }
  public String getBearerTokenFile() { return bearerTokenFile; }
  public void setBearerTokenFile(String bearerTokenFile) { this.bearerTokenFile = bearerTokenFile; }
  public String getAuthority() { return authority; }
  public void setAuthority(String authority) { this.authority = authority; }
  public String getMaxMessageSize() { return maxMessageSize; }
  public void setMaxMessageSize(String maxMessageSize) { this.maxMessageSize = maxMessageSize; }
  public Integer getMaxConnections() { return maxConnections; }
  public void setMaxConnections(Integer maxConnections) { this.maxConnections = maxConnections; }
  public String getConnectionIdleTimeout() { return connectionIdleTimeout; }
  public void setConnectionIdleTimeout(String value) { this.connectionIdleTimeout = value; }
  public String getKeepAliveTime() { return keepAliveTime; }
  public void setKeepAliveTime(String keepAliveTime) { this.keepAliveTime = keepAliveTime; }
  public String getKeepAliveTimeout() { return keepAliveTimeout; }
  public void setKeepAliveTimeout(String keepAliveTimeout) { this.keepAliveTimeout = keepAliveTimeout; }
  public Boolean getKeepAliveWithoutCalls() { return keepAliveWithoutCalls; }
  public void setKeepAliveWithoutCalls(Boolean value) { this.keepAliveWithoutCalls = value; }
  public String getCompression() { return compression; }
  public void setCompression(String compression) { this.compression = compression; }
  public List<String> getFallbackEndpoints() { return fallbackEndpoints; }
  public void setFallbackEndpoints(List<String> fallbackEndpoints) { this.fallbackEndpoints = fallbackEndpoints; }
  public String getBalancing() { return balancing; }
  public void setBalancing(String balancing) { this.balancing = balancing; }
  public String getHealthCheckInterval() { return healthCheckInterval; }
  public void setHealthCheckInterval(String value) { this.healthCheckInterval = value; }
  public String getHedgeDelay() { return hedgeDelay; }
  public void setHedgeDelay(String hedgeDelay) { this.hedgeDelay = hedgeDelay; }
  public String getPaperspaceSecret() { return paperspaceSecret; }
  public void setPaperspaceSecret(String paperspaceSecret) { this.paperspaceSecret = paperspaceSecret; }
  public Map<String, String> getOptions() { return options; }
  public void setOptions(Map<String, String> options) { this.options = options; }
  public TlsProperties getTls() { return tls; }
  public void setTls(TlsProperties tls) { this.tls = tls; }
  public RetryProperties getRetry() { return retry; }
  public void setRetry(RetryProperties retry) { this.retry = retry; }
  public OutlierProperties getOutlier() { return outlier; }
  public void setOutlier(OutlierProperties outlier) { this.outlier = outlier; }
  public OAuth2Properties getOauth2() { return oauth2; }
  public void setOauth2(OAuth2Properties oauth2) { this.oauth2 = oauth2; }
  public HealthProperties getHealth() { return health; }
  public void setHealth(HealthProperties health) { this.health = health; }
}
