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

  /** Properties with nothing set: core's defaults apply until Spring binds values. */
  public ClientProperties() {}

  /** {@return the endpoint, for example kserve-v2+grpc://triton:8001 or tfserving+http://host:8501. Required} */
  public String getEndpoint() { return endpoint; }
  /**
   * Sets the endpoint, for example kserve-v2+grpc://triton:8001 or tfserving+http://host:8501. Required.
   *
   * @param endpoint the value, as bound from the configuration
   */
  public void setEndpoint(String endpoint) { this.endpoint = endpoint; }
  /** {@return the provider to use when several serve the endpoint's scheme} */
  public String getProvider() { return provider; }
  /**
   * Sets the provider to use when several serve the endpoint's scheme.
   *
   * @param provider the value, as bound from the configuration
   */
  public void setProvider(String provider) { this.provider = provider; }
  /** {@return time allowed for a whole call, retries included (30s, 500ms, PT1M); 60s by default} */
  public String getTimeout() { return timeout; }
  /**
   * Sets time allowed for a whole call, retries included (30s, 500ms, PT1M); 60s by default.
   *
   * @param timeout the value, as bound from the configuration
   */
  public void setTimeout(String timeout) { this.timeout = timeout; }
  /** {@return time allowed to open a connection; 10s by default} */
  public String getConnectTimeout() { return connectTimeout; }
  /**
   * Sets time allowed to open a connection; 10s by default.
   *
   * @param connectTimeout the value, as bound from the configuration
   */
  public void setConnectTimeout(String connectTimeout) { this.connectTimeout = connectTimeout; }
  /** {@return headers sent with every call, by name. Their values are never shown by the client or its health} */
  public Map<String, String> getHeaders() { return headers; }
  /**
   * Sets headers sent with every call, by name. Their values are never shown by the client or its health.
   *
   * @param headers the value, as bound from the configuration
   */
  public void setHeaders(Map<String, String> headers) { this.headers = headers; }
  /** {@return a bearer token sent as the Authorization header} */
  public String getBearerToken() { return bearerToken; }
  /**
   * Sets a bearer token sent as the Authorization header.
   *
   * @param bearerToken the value, as bound from the configuration
   */
  public void setBearerToken(String bearerToken) { this.bearerToken = bearerToken; }
  /** {@return basic credentials as user:password, sent as the Authorization header} */
  public String getBasicAuth() { return basicAuth; }
  /**
   * Sets basic credentials as user:password, sent as the Authorization header.
   *
   * @param basicAuth the value, as bound from the configuration
   */
  public void setBasicAuth(String basicAuth) { this.basicAuth = basicAuth; }
  /**
   * {@return a file holding a bearer token, read again when it changes (a Kubernetes projected service-account token,
   * whose ..data link the kubelet swaps). One kind of credentials per client}
   */
  public String getBearerTokenFile() { return bearerTokenFile; }
  /**
   * Sets a file holding a bearer token, read again when it changes (a Kubernetes projected service-account token,
   * whose ..data link the kubelet swaps). One kind of credentials per client.
   *
   * @param bearerTokenFile the value, as bound from the configuration
   */
  public void setBearerTokenFile(String bearerTokenFile) { this.bearerTokenFile = bearerTokenFile; }
  /** {@return the Host header or gRPC authority to send instead of the endpoint's host (for routing proxies)} */
  public String getAuthority() { return authority; }
  /**
   * Sets the Host header or gRPC authority to send instead of the endpoint's host (for routing proxies).
   *
   * @param authority the value, as bound from the configuration
   */
  public void setAuthority(String authority) { this.authority = authority; }
  /** {@return the largest message accepted from the server (65536, 64MiB); 64MiB by default} */
  public String getMaxMessageSize() { return maxMessageSize; }
  /**
   * Sets the largest message accepted from the server (65536, 64MiB); 64MiB by default.
   *
   * @param maxMessageSize the value, as bound from the configuration
   */
  public void setMaxMessageSize(String maxMessageSize) { this.maxMessageSize = maxMessageSize; }
  /** {@return most HTTP connections a REST client opens to its server; 256 by default} */
  public Integer getMaxConnections() { return maxConnections; }
  /**
   * Sets most HTTP connections a REST client opens to its server; 256 by default.
   *
   * @param maxConnections the value, as bound from the configuration
   */
  public void setMaxConnections(Integer maxConnections) { this.maxConnections = maxConnections; }
  /** {@return time an unused HTTP connection stays open; 1m by default} */
  public String getConnectionIdleTimeout() { return connectionIdleTimeout; }
  /**
   * Sets time an unused HTTP connection stays open; 1m by default.
   *
   * @param value the value, as bound from the configuration
   */
  public void setConnectionIdleTimeout(String value) { this.connectionIdleTimeout = value; }
  /** {@return interval of gRPC keep-alive pings (at least 10s); none by default} */
  public String getKeepAliveTime() { return keepAliveTime; }
  /**
   * Sets interval of gRPC keep-alive pings (at least 10s); none by default.
   *
   * @param keepAliveTime the value, as bound from the configuration
   */
  public void setKeepAliveTime(String keepAliveTime) { this.keepAliveTime = keepAliveTime; }
  /** {@return time a gRPC keep-alive ping waits for its answer; 20s by default} */
  public String getKeepAliveTimeout() { return keepAliveTimeout; }
  /**
   * Sets time a gRPC keep-alive ping waits for its answer; 20s by default.
   *
   * @param keepAliveTimeout the value, as bound from the configuration
   */
  public void setKeepAliveTimeout(String keepAliveTimeout) { this.keepAliveTimeout = keepAliveTimeout; }
  /** {@return whether gRPC keep-alive pings go on while no call runs; false by default} */
  public Boolean getKeepAliveWithoutCalls() { return keepAliveWithoutCalls; }
  /**
   * Sets whether gRPC keep-alive pings go on while no call runs; false by default.
   *
   * @param value the value, as bound from the configuration
   */
  public void setKeepAliveWithoutCalls(Boolean value) { this.keepAliveWithoutCalls = value; }
  /** {@return compression of request bodies and messages: gzip or none (the default)} */
  public String getCompression() { return compression; }
  /**
   * Sets compression of request bodies and messages: gzip or none (the default).
   *
   * @param compression the value, as bound from the configuration
   */
  public void setCompression(String compression) { this.compression = compression; }
  /** {@return endpoints to fail over to, in order, when the endpoint's hosts cannot serve} */
  public List<String> getFallbackEndpoints() { return fallbackEndpoints; }
  /**
   * Sets endpoints to fail over to, in order, when the endpoint's hosts cannot serve.
   *
   * @param fallbackEndpoints the value, as bound from the configuration
   */
  public void setFallbackEndpoints(List<String> fallbackEndpoints) { this.fallbackEndpoints = fallbackEndpoints; }
  /** {@return how calls spread over several hosts: round-robin or least-in-flight} */
  public String getBalancing() { return balancing; }
  /**
   * Sets how calls spread over several hosts: round-robin or least-in-flight.
   *
   * @param balancing the value, as bound from the configuration
   */
  public void setBalancing(String balancing) { this.balancing = balancing; }
  /** {@return interval of the readiness checks of a client with several endpoints, 0 = off; 10s by default} */
  public String getHealthCheckInterval() { return healthCheckInterval; }
  /**
   * Sets interval of the readiness checks of a client with several endpoints, 0 = off; 10s by default.
   *
   * @param value the value, as bound from the configuration
   */
  public void setHealthCheckInterval(String value) { this.healthCheckInterval = value; }
  /** {@return delay before a hedged second attempt of an idempotent call, 0 = off (the default)} */
  public String getHedgeDelay() { return hedgeDelay; }
  /**
   * Sets delay before a hedged second attempt of an idempotent call, 0 = off (the default).
   *
   * @param hedgeDelay the value, as bound from the configuration
   */
  public void setHedgeDelay(String hedgeDelay) { this.hedgeDelay = hedgeDelay; }
  /** {@return the secret of a protected Paperspace Gradient deployment} */
  public String getPaperspaceSecret() { return paperspaceSecret; }
  /**
   * Sets the secret of a protected Paperspace Gradient deployment.
   *
   * @param paperspaceSecret the value, as bound from the configuration
   */
  public void setPaperspaceSecret(String paperspaceSecret) { this.paperspaceSecret = paperspaceSecret; }
  /** {@return protocol options by name (for example api: tfs for OVMS's TF Serving API)} */
  public Map<String, String> getOptions() { return options; }
  /**
   * Sets protocol options by name (for example api: tfs for OVMS's TF Serving API).
   *
   * @param options the value, as bound from the configuration
   */
  public void setOptions(Map<String, String> options) { this.options = options; }
  /** {@return TLS trust and client certificates} */
  public TlsProperties getTls() { return tls; }
  /**
   * Sets TLS trust and client certificates.
   *
   * @param tls the value, as bound from the configuration
   */
  public void setTls(TlsProperties tls) { this.tls = tls; }
  /** {@return retries and their budget} */
  public RetryProperties getRetry() { return retry; }
  /**
   * Sets retries and their budget.
   *
   * @param retry the value, as bound from the configuration
   */
  public void setRetry(RetryProperties retry) { this.retry = retry; }
  /** {@return ejection of failing hosts of a client with several endpoints} */
  public OutlierProperties getOutlier() { return outlier; }
  /**
   * Sets ejection of failing hosts of a client with several endpoints.
   *
   * @param outlier the value, as bound from the configuration
   */
  public void setOutlier(OutlierProperties outlier) { this.outlier = outlier; }
  /** {@return OAuth 2.0 client credentials: a token from a token endpoint, refreshed before it expires} */
  public OAuth2Properties getOauth2() { return oauth2; }
  /**
   * Sets OAuth 2.0 client credentials: a token from a token endpoint, refreshed before it expires.
   *
   * @param oauth2 the value, as bound from the configuration
   */
  public void setOauth2(OAuth2Properties oauth2) { this.oauth2 = oauth2; }
  /** {@return what the client's health indicator checks} */
  public HealthProperties getHealth() { return health; }
  /**
   * Sets what the client's health indicator checks.
   *
   * @param health the value, as bound from the configuration
   */
  public void setHealth(HealthProperties health) { this.health = health; }
}
