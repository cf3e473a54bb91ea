package io.inferlink.spring.boot;

import io.inferlink.ClientOptions;
import io.inferlink.ProviderConfigurationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Turns one client's properties into {@link ClientOptions} through core's own configuration keys, so that
 * a value is read the same way in {@code application.yaml}, in {@code inferlink.*} properties and in
 * {@code INFERLINK_*} variables. Stateless and thread-safe.
 */
final class ClientOptionsMapper {
  private ClientOptionsMapper() {}

  /**
   * The options of client {@code name}: its own properties, and {@code defaults} for those it does not set.
   *
   * @throws ProviderConfigurationException naming the property when a value is missing or does not parse
   */
  static ClientOptions.Builder toOptions(String name, ClientProperties defaults, ClientProperties client) {
    String prefix = InferlinkProperties.PREFIX + ".clients." + name + ".";
    Properties core = toCoreProperties(defaults);
    core.putAll(toCoreProperties(client));
    if (core.getProperty(InferlinkProperties.PREFIX + ".endpoint", "").isBlank()) {
      throw new ProviderConfigurationException(prefix + "endpoint is required");
    }
    ClientOptions.Builder options;
    try {
      options = ClientOptions.fromProperties(core).toBuilder();
    } catch (ProviderConfigurationException e) {
      // Core names its own keys (inferlink.timeout); the user wrote this client's (or a default).
      String message = withoutCode(e).replaceFirst("^configuration:? ", "")
          .replace(InferlinkProperties.PREFIX + ".", prefix);
      throw new ProviderConfigurationException(message, e);
    }
    // Headers are a map here: set one by one, so that values need no escaping for core's k=v,k2=v2 form.
    Map<String, String> headers = new LinkedHashMap<>(defaults.getHeaders());
    headers.putAll(client.getHeaders());
    for (Map.Entry<String, String> header : headers.entrySet()) {
      try {
        options.header(header.getKey(), header.getValue());
      } catch (IllegalArgumentException e) {
        // The message of a header check names the header, never its value.
        throw new ProviderConfigurationException(prefix + "headers: " + e.getMessage(), e);
      }
    }
    return options;
  }

  /** The properties core reads, {@code inferlink.<key>}, for what {@code client} sets; headers aside. */
  private static Properties toCoreProperties(ClientProperties client) {
    Properties core = new Properties();
    put(core, "endpoint", client.getEndpoint());
    put(core, "provider", client.getProvider());
    put(core, "timeout", client.getTimeout());
    put(core, "connect-timeout", client.getConnectTimeout());
    put(core, "bearer-token", client.getBearerToken());
    put(core, "basic-auth", client.getBasicAuth());
    put(core, "bearer-token-file", client.getBearerTokenFile());
    OAuth2Properties oauth2 = client.getOauth2();
    put(core, "oauth2.token-url", oauth2.getTokenUrl());
    put(core, "oauth2.client-id", oauth2.getClientId());
    put(core, "oauth2.client-secret", oauth2.getClientSecret());
    put(core, "oauth2.scope", oauth2.getScope());
    put(core, "oauth2.audience", oauth2.getAudience());
    put(core, "oauth2.client-authentication", oauth2.getClientAuthentication());
    put(core, "authority", client.getAuthority());
    put(core, "max-message-size", client.getMaxMessageSize());
    put(core, "max-connections", client.getMaxConnections());
    put(core, "connection-idle-timeout", client.getConnectionIdleTimeout());
    put(core, "keep-alive-time", client.getKeepAliveTime());
    put(core, "keep-alive-timeout", client.getKeepAliveTimeout());
    put(core, "keep-alive-without-calls", client.getKeepAliveWithoutCalls());
    put(core, "compression", client.getCompression());
    put(core, "balancing", client.getBalancing());
    put(core, "health-check-interval", client.getHealthCheckInterval());
    put(core, "hedge-delay", client.getHedgeDelay());
    put(core, "paperspace-secret", client.getPaperspaceSecret());
    if (!client.getFallbackEndpoints().isEmpty()) {
      put(core, "fallback-endpoints", String.join(" ", client.getFallbackEndpoints()));
    }
    put(core, "tls.trust", client.getTls().getTrust());
    put(core, "tls.cert", client.getTls().getCert());
    put(core, "tls.key", client.getTls().getKey());
    RetryProperties retry = client.getRetry();
    put(core, "retry.max-attempts", retry.getMaxAttempts());
    put(core, "retry.initial-backoff", retry.getInitialBackoff());
    put(core, "retry.max-backoff", retry.getMaxBackoff());
    put(core, "retry.budget-ratio", retry.getBudgetRatio());
    put(core, "retry.budget-min-per-second", retry.getBudgetMinPerSecond());
    put(core, "outlier.consecutive-failures", client.getOutlier().getConsecutiveFailures());
    put(core, "outlier.ejection-time", client.getOutlier().getEjectionTime());
    client.getOptions().forEach((option, value) -> put(core, "option." + option, value));
    return core;
  }

  /** The message of {@code e} without its "[CODE...]" suffix, which the exception wrapping it adds again. */
  static String withoutCode(io.inferlink.InferenceException e) {
    return e.getMessage().replaceFirst(" \\[[^\\[]*\\]$", "");
  }

  private static void put(Properties core, String key, Object value) {
    if (value != null) {
      core.setProperty(InferlinkProperties.PREFIX + "." + key, value.toString());
    }
  }
}
