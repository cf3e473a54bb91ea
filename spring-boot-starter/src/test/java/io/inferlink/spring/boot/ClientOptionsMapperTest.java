package io.inferlink.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.routing.Balancing;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Properties become core's options through core's own keys, and a bad value names the client's property. */
class ClientOptionsMapperTest {
  private final ClientProperties defaults = new ClientProperties();
  private final ClientProperties client = new ClientProperties();

  private ClientOptions options() {
    return ClientOptionsMapper.toOptions("ranker", defaults, client).build();
  }

  private String failure() {
    return assertThrows(ProviderConfigurationException.class, this::options).getMessage();
  }

  @Test
  void everySettingReachesTheOptions() {
    client.setEndpoint("kserve-v2+http://127.0.0.1:8080");
    client.setProvider("kserve-v2-rest");
    client.setTimeout("1500ms");
    client.setConnectTimeout("2s");
    client.setHeaders(Map.of("X-Team", "ranking, search"));
    client.setBearerToken("token-123");
    client.setAuthority("models.internal");
    client.setMaxMessageSize("1MiB");
    client.setMaxConnections(8);
    client.setConnectionIdleTimeout("30s");
    client.setKeepAliveTime("15s");
    client.setKeepAliveTimeout("5s");
    client.setKeepAliveWithoutCalls(true);
    client.setCompression("gzip");
    client.setFallbackEndpoints(List.of("ovms+http://127.0.0.1:9001", "tfserving+http://127.0.0.1:9002"));
    client.setBalancing("least-in-flight");
    client.setHealthCheckInterval("0");
    client.setHedgeDelay("250ms");
    client.setOptions(Map.of("api", "tfs"));
    client.getRetry().setMaxAttempts(3);
    client.getRetry().setInitialBackoff("100ms");
    client.getRetry().setMaxBackoff("2s");
    client.getRetry().setBudgetRatio("20%");
    client.getRetry().setBudgetMinPerSecond(5);
    client.getOutlier().setConsecutiveFailures(4);
    client.getOutlier().setEjectionTime("10s");

    ClientOptions o = options();
    assertEquals("kserve-v2+http://127.0.0.1:8080", o.endpoint());
    assertEquals("kserve-v2-rest", o.providerName());
    assertEquals(Duration.ofMillis(1500), o.requestTimeout());
    assertEquals(Duration.ofSeconds(2), o.connectTimeout());
    assertEquals(Map.of("X-Team", "ranking, search"), o.headers(), "a comma in a value needs no escaping");
    assertEquals("Bearer token-123", o.authorizationHeader());
    assertEquals("models.internal", o.authority());
    assertEquals(1024 * 1024, o.maxMessageSize());
    assertEquals(8, o.maxConnections());
    assertEquals(Duration.ofSeconds(30), o.connectionIdleTimeout());
    assertEquals(Duration.ofSeconds(15), o.keepAliveTime());
    assertEquals(Duration.ofSeconds(5), o.keepAliveTimeout());
    assertTrue(o.keepAliveWithoutCalls());
    assertEquals("gzip", o.compression());
    assertEquals(List.of("ovms+http://127.0.0.1:9001", "tfserving+http://127.0.0.1:9002"), o.fallbackEndpoints());
    assertEquals(Balancing.LEAST_IN_FLIGHT, o.balancing());
    assertEquals(Duration.ZERO, o.healthCheckInterval());
    assertEquals(Duration.ofMillis(250), o.hedgeDelay());
    assertTrue(o.optionNames().contains("api"));
    assertEquals(3, o.retryPolicy().maxAttempts());
    assertEquals(Duration.ofMillis(100), o.retryPolicy().initialBackoff());
    assertEquals(Duration.ofSeconds(2), o.retryPolicy().maxBackoff());
    assertEquals(0.2, o.retryBudget().ratio(), 1e-9);
    assertEquals(5, o.retryBudget().minRetriesPerSecond());
    assertEquals(4, o.outlierEjection().consecutiveFailures());
    assertEquals(Duration.ofSeconds(10), o.outlierEjection().baseEjectionTime());
  }

  @Test
  void defaultsFillWhatAClientLeavesOutAndAClientsOwnValueWins() {
    defaults.setTimeout("5s");
    defaults.setConnectTimeout("1s");
    defaults.setHeaders(Map.of("X-Team", "platform", "X-Env", "test"));
    client.setEndpoint("kserve-v2+http://127.0.0.1:8080");
    client.setConnectTimeout("3s");
    client.setHeaders(Map.of("x-team", "ranking"));

    ClientOptions o = options();
    assertEquals(Duration.ofSeconds(5), o.requestTimeout());
    assertEquals(Duration.ofSeconds(3), o.connectTimeout());
    assertEquals(Map.of("X-Env", "test", "x-team", "ranking"), o.headers(), "header names are case-insensitive");
  }

  @Test
  void basicCredentialsBecomeTheAuthorizationHeader() {
    client.setEndpoint("kserve-v2+http://127.0.0.1:8080");
    client.setBasicAuth("reader:pa:ss");
    assertEquals("Basic cmVhZGVyOnBhOnNz", options().authorizationHeader());
  }

  @Test
  void aMissingEndpointIsNamed() {
    client.setTimeout("5s");
    assertEquals("inferlink.clients.ranker.endpoint is required [FAILED_PRECONDITION]", failure());
  }

  @Test
  void aBadDurationNamesTheClientsProperty() {
    client.setEndpoint("kserve-v2+http://127.0.0.1:8080");
    client.setTimeout("soon");
    assertEquals("inferlink.clients.ranker.timeout: 'soon' is not a duration (examples: 30s, 500ms, 2m, PT30S)"
        + " [FAILED_PRECONDITION]",
        failure());
  }

  @Test
  void aBadRetrySettingNamesTheClientsProperty() {
    client.setEndpoint("kserve-v2+http://127.0.0.1:8080");
    client.getRetry().setBudgetRatio("most");
    assertTrue(failure().startsWith("inferlink.clients.ranker.retry.budget-ratio: 'most' is not a share"));
  }

  @Test
  void aCertificateWithoutItsKeyIsRefused() {
    client.setEndpoint("kserve-v2+http://127.0.0.1:8080");
    client.getTls().setCert("/etc/inferlink/client.pem");
    assertEquals("inferlink.clients.ranker.tls.cert and inferlink.clients.ranker.tls.key must be given together"
        + " [FAILED_PRECONDITION]",
        failure());
  }

  @Test
  void refusedSecretsAreNeverRepeated() {
    client.setEndpoint("kserve-v2+http://127.0.0.1:8080");
    client.setHeaders(Map.of("Authorization", "Bearer abc\r\nX-Injected: 1"));
    String headerFailure = failure();
    assertTrue(headerFailure.startsWith("inferlink.clients.ranker.headers: "), headerFailure);
    assertTrue(headerFailure.contains("Authorization"), headerFailure);
    assertFalse(headerFailure.contains("abc"), headerFailure);

    client.setHeaders(Map.of());
    client.setBasicAuth("no-separator-secret");
    String authFailure = failure();
    assertTrue(authFailure.startsWith("inferlink.clients.ranker.basic-auth: "), authFailure);
    assertFalse(authFailure.contains("no-separator-secret"), authFailure);
  }
}
