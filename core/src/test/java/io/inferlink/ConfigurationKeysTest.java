package io.inferlink;

import io.inferlink.interceptor.RetryPolicy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ClientOptions#fromProperties} / {@link ClientOptions#fromEnvironment(Map)} and their parsers. */
class ConfigurationKeysTest {
  private static final ProtocolOption<String> REQUEST_FORMAT = ProtocolOption.ofString("request-format", "row");

  @TempDir
  Path dir;
  Path trustPem;
  Path certPem;
  Path keyPem;

  @BeforeEach
  void writePemFiles() throws IOException {
    trustPem = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\nTRUST\n-----END CERTIFICATE-----\n");
    certPem = Files.writeString(dir.resolve("client.pem"), "-----BEGIN CERTIFICATE-----\nCHAIN\n-----END CERTIFICATE-----\n");
    keyPem = Files.writeString(dir.resolve("client.key"), "-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----\n");
  }

  private static Properties props(String... keyValues) {
    Properties p = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      p.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return p;
  }

  private static ClientOptions from(String... keyValues) {
    return ClientOptions.fromProperties(props(keyValues));
  }

  private static ProviderConfigurationException fails(String... keyValues) {
    return assertThrows(ProviderConfigurationException.class, () -> from(keyValues));
  }

  private static void assertContains(String haystack, String... needles) {
    for (String n : needles) {
      assertTrue(haystack.contains(n), () -> "expected '" + n + "' in: " + haystack);
    }
  }

  private static byte[] bytes(Path p) throws IOException {
    return Files.readAllBytes(p);
  }

  @Nested
  class Properties_ {
    @Test
    void everyKeyIsRead() throws IOException {
      ClientOptions o = from(
          "inferlink.endpoint", "kserve-v2+grpc://h:8081",
          "inferlink.provider", "kserve-v2-grpc",
          "inferlink.timeout", "30s",
          "inferlink.connect-timeout", "500ms",
          "inferlink.headers", "a=1,b=x%20y",
          "inferlink.basic-auth", "paperspace:my_password",
          "inferlink.authority", "model.default.example.com",
          "inferlink.max-message-size", "64MiB",
          "inferlink.tls.trust", trustPem.toString(),
          "inferlink.tls.cert", certPem.toString(),
          "inferlink.tls.key", keyPem.toString(),
          "inferlink.retry.max-attempts", "3",
          "inferlink.option.request-format", "columnar");
      assertEquals("kserve-v2+grpc://h:8081", o.endpoint());
      assertEquals("kserve-v2-grpc", o.providerName());
      assertEquals(Duration.ofSeconds(30), o.requestTimeout());
      assertEquals(Duration.ofMillis(500), o.connectTimeout());
      assertEquals(Map.of("a", "1", "b", "x y"), o.headers());
      assertEquals("Basic cGFwZXJzcGFjZTpteV9wYXNzd29yZA==", o.authorizationHeader());
      assertEquals("model.default.example.com", o.authority());
      assertEquals(64 * 1024 * 1024, o.maxMessageSize());
      assertArrayEquals(bytes(trustPem), o.tls().trustCertificatesPem());
      assertArrayEquals(bytes(certPem), o.tls().clientCertificateChainPem());
      assertArrayEquals(bytes(keyPem), o.tls().clientPrivateKeyPem());
      assertEquals(3, o.retryPolicy().maxAttempts());
      assertTrue(o.retryPolicy().isEnabled());
      assertEquals("columnar", o.get(REQUEST_FORMAT));
      assertEquals(Set.of("request-format"), o.optionNames());
    }

    @Test
    void bearerToken() {
      ClientOptions o = from("inferlink.bearer-token", "abc.def");
      assertEquals("Bearer abc.def", o.authorizationHeader());
    }

    @Test
    void noKeysGiveTheDefaults() {
      ClientOptions o = from("java.home", "/opt/jdk", "user.name", "x");
      assertEquals(ClientOptions.defaults().toString(), o.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"java.version", "inferlinkx.timeout", "my.inferlink.timeout", "INFERLINK.timeout",
        "inferlink"})
    void keysOutsideTheInferlinkNamespaceAreIgnored(String key) {
      assertEquals(ClientOptions.DEFAULT_REQUEST_TIMEOUT, from(key, "garbage").requestTimeout());
    }

    @Test
    void valuesAreTrimmed() {
      ClientOptions o = from("inferlink.timeout", "  2m ", "inferlink.provider", " p ");
      assertEquals(Duration.ofMinutes(2), o.requestTimeout());
      assertEquals("p", o.providerName());
    }

    @Test
    void unknownInferlinkKeyIsAnErrorNamingTheKnownKeys() {
      ProviderConfigurationException e = fails("inferlink.timeot", "30s");
      assertContains(e.getMessage(), "inferlink.timeot", "unknown", "inferlink.timeout", "inferlink.endpoint",
          "inferlink.headers", "inferlink.tls.trust", "inferlink.retry.max-attempts", "inferlink.option.");
    }

    @Test
    void propertiesDefaultsAreRead() {
      Properties defaults = props("inferlink.timeout", "5s");
      Properties p = new Properties(defaults);
      assertEquals(Duration.ofSeconds(5), ClientOptions.fromProperties(p).requestTimeout());
    }
  }

  @Nested
  class Durations {
    @ParameterizedTest
    @CsvSource({"30s, PT30S", "500ms, PT0.5S", "2m, PT2M", "PT30S, PT30S", "pt1m30s, PT1M30S", "1500, PT1.5S",
        "1.5s, PT1.5S", "1h, PT1H", "1d, PT24H", "P1D, PT24H", "10 s, PT10S"})
    void durationForms(String text, String expected) {
      Duration d = Duration.parse(expected);
      assertEquals(d, ConfigurationKeys.parseDuration(text));
      assertEquals(d, from("inferlink.timeout", text).requestTimeout());
      assertEquals(d, from("inferlink.connect-timeout", text).connectTimeout());
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "", "30x", "s", "1.5ms", "PT"})
    void badDurationsAreRefusedWithExamples(String text) {
      ProviderConfigurationException e = fails("inferlink.timeout", text);
      assertContains(e.getMessage(), "inferlink.timeout", "30s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0s", "-5s", "PT0S", "-1"})
    void nonPositiveDurationsAreRefused(String text) {
      assertContains(fails("inferlink.connect-timeout", text).getMessage(), "inferlink.connect-timeout", "positive");
    }
  }

  @Nested
  class Sizes {
    @ParameterizedTest
    @CsvSource({"65536, 65536", "64MiB, 67108864", "1GiB, 1073741824", "512KiB, 524288", "64 MiB, 67108864",
        "64mb, 67108864", "2k, 2048", "4096b, 4096", "1g, 1073741824"})
    void sizeForms(String text, int expected) {
      assertEquals(expected, ConfigurationKeys.parseSize(text));
      assertEquals(expected, from("inferlink.max-message-size", text).maxMessageSize());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "", "MiB", "1.5MiB", "64 XB"})
    void nonSizesAreRefused(String text) {
      assertContains(fails("inferlink.max-message-size", text).getMessage(), "inferlink.max-message-size", "not a size");
    }

    @Test
    void sizesOf2GibAndMoreAreRefused() {
      assertContains(fails("inferlink.max-message-size", "2GiB").getMessage(), "2 GiB");
      assertContains(fails("inferlink.max-message-size", "99999999999GiB").getMessage(), "inferlink.max-message-size");
    }

    @Test
    void negativeSizeIsNotCalledTooLarge() {
      String m = fails("inferlink.max-message-size", "-1KiB").getMessage();
      assertFalse(m.contains("larger"), m);
    }

    @Test
    void sizeBelowOneKibIsRefused() {
      assertContains(fails("inferlink.max-message-size", "100").getMessage(), "maxMessageSize", "1024");
    }
  }

  @Nested
  class Values {
    @Test
    void headersArePercentDecodedAndBlankEntriesSkipped() {
      assertEquals(Map.of("a", "1", "b", "x y", "c", "p,q"), from("inferlink.headers", "a=1, ,b=x%20y,c=p%2Cq,").headers());
    }

    @Test
    void plusInAHeaderValueStaysAPlus() {
      // Base64 API keys contain '+' and '/': percent-decoding must not turn '+' into a space.
      assertEquals("ab+cd/ef==", from("inferlink.headers", "x-api-key=ab+cd/ef==").headers().get("x-api-key"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"novalue", "=x", "a=1,b"})
    void headerEntriesWithoutNameEqualsValueAreRefused(String text) {
      assertContains(fails("inferlink.headers", text).getMessage(), "inferlink.headers", "name=value");
    }

    @Test
    void headerValuesWithControlCharactersAreRefused() {
      fails("inferlink.headers", "a=x%0D%0AInjected: 1");
    }

    @Test
    void basicAuthSplitsAtTheFirstColon() {
      ClientOptions o = from("inferlink.basic-auth", "u:p:with:colons");
      assertEquals("Basic dTpwOndpdGg6Y29sb25z", o.authorizationHeader());
    }

    @Test
    void basicAuthWithEmptyUserIsAccepted() {
      assertEquals("Basic OnMzY3JldA==", from("inferlink.basic-auth", ":s3cret").authorizationHeader());
    }

    @ParameterizedTest
    @CsvSource({"3, 3, true", "1, 1, false", "0, 1, false", "100, 100, true"})
    void retryMaxAttempts(String text, int attempts, boolean enabled) {
      RetryPolicy p = from("inferlink.retry.max-attempts", text).retryPolicy();
      assertEquals(attempts, p.maxAttempts());
      assertEquals(enabled, p.isEnabled());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "101", "2.5"})
    void badRetryMaxAttemptsAreRefused(String text) {
      assertContains(fails("inferlink.retry.max-attempts", text).getMessage(), "inferlink.retry.max-attempts");
    }

    @Test
    void badAuthorityIsRefused() {
      assertContains(fails("inferlink.authority", "a b").getMessage(), "inferlink.authority");
    }
  }

  @Nested
  class Tls {
    @Test
    void trustFile() throws IOException {
      ClientOptions o = from("inferlink.tls.trust", trustPem.toString());
      assertArrayEquals(bytes(trustPem), o.tls().trustCertificatesPem());
      assertFalse(o.tls().hasClientCertificate());
    }

    @Test
    void certAndKeyTogether() throws IOException {
      ClientOptions o = from("inferlink.tls.cert", certPem.toString(), "inferlink.tls.key", keyPem.toString());
      assertTrue(o.tls().hasClientCertificate());
      assertArrayEquals(bytes(certPem), o.tls().clientCertificateChainPem());
      assertArrayEquals(bytes(keyPem), o.tls().clientPrivateKeyPem());
      assertNull(o.tls().trustCertificatesPem());
    }

    @Test
    void certAloneIsAnError() {
      assertContains(fails("inferlink.tls.cert", certPem.toString()).getMessage(), "inferlink.tls.cert",
          "inferlink.tls.key", "together");
    }

    @Test
    void keyAloneIsAnError() {
      assertContains(fails("inferlink.tls.key", keyPem.toString()).getMessage(), "inferlink.tls.cert",
          "inferlink.tls.key", "together");
    }

    @Test
    void missingTrustFileIsAConfigurationErrorNamingKeyAndFile() {
      Path missing = dir.resolve("nope.pem");
      assertContains(fails("inferlink.tls.trust", missing.toString()).getMessage(), "inferlink.tls.trust", "nope.pem");
    }

    @Test
    void missingClientCertificateFileIsAConfigurationError() {
      Path missing = dir.resolve("missing-client.pem");
      ProviderConfigurationException e =
          fails("inferlink.tls.cert", missing.toString(), "inferlink.tls.key", keyPem.toString());
      assertContains(e.getMessage(), "missing-client.pem", "inferlink.tls.cert");
    }

    @Test
    void missingClientKeyFileIsAConfigurationError() {
      Path missing = dir.resolve("missing.key");
      ProviderConfigurationException e =
          fails("inferlink.tls.cert", certPem.toString(), "inferlink.tls.key", missing.toString());
      assertContains(e.getMessage(), "missing.key", "inferlink.tls.key");
    }
  }

  @Nested
  class ConnectionSettings {
    @Test
    void defaultsWithoutConfiguration() {
      ClientOptions o = ClientOptions.defaults();
      assertEquals(256, o.maxConnections());
      assertEquals(Duration.ofMinutes(1), o.connectionIdleTimeout());
      assertNull(o.keepAliveTime(), "no keep-alive pings unless asked for");
      assertEquals(Duration.ofSeconds(20), o.keepAliveTimeout());
      assertFalse(o.keepAliveWithoutCalls());
    }

    @Test
    void propertiesEnvironmentAndBuilderUseOneNameEach() {
      ClientOptions built = ClientOptions.builder().maxConnections(16).connectionIdleTimeout(Duration.ofSeconds(30))
          .keepAliveTime(Duration.ofSeconds(40)).keepAliveTimeout(Duration.ofSeconds(4)).keepAliveWithoutCalls(true)
          .build();
      ClientOptions fromProperties = from("inferlink.max-connections", "16", "inferlink.connection-idle-timeout", "30s",
          "inferlink.keep-alive-time", "40s", "inferlink.keep-alive-timeout", "4s",
          "inferlink.keep-alive-without-calls", "true");
      ClientOptions fromEnvironment = ClientOptions.fromEnvironment(Map.of("INFERLINK_MAX_CONNECTIONS", "16",
          "INFERLINK_CONNECTION_IDLE_TIMEOUT", "30s", "INFERLINK_KEEP_ALIVE_TIME", "40s",
          "INFERLINK_KEEP_ALIVE_TIMEOUT", "4s", "INFERLINK_KEEP_ALIVE_WITHOUT_CALLS", "true"));
      for (ClientOptions o : new ClientOptions[] {built, fromProperties, fromEnvironment}) {
        assertEquals(16, o.maxConnections());
        assertEquals(Duration.ofSeconds(30), o.connectionIdleTimeout());
        assertEquals(Duration.ofSeconds(40), o.keepAliveTime());
        assertEquals(Duration.ofSeconds(4), o.keepAliveTimeout());
        assertTrue(o.keepAliveWithoutCalls());
        assertEquals(Set.of(), o.optionNames());
        assertEquals(built.toString(), o.toString());
      }
    }

    @ParameterizedTest
    @CsvSource({"max-connections,0", "max-connections,lots", "connection-idle-timeout,0s",
        "keep-alive-time,9s", "keep-alive-timeout,-2s", "keep-alive-without-calls,sometimes"})
    void wrongValuesAreRefusedNamingTheKey(String key, String value) {
      assertContains(fails("inferlink." + key, value).getMessage(), "inferlink." + key);
      ProviderConfigurationException env = assertThrows(ProviderConfigurationException.class,
          () -> ClientOptions.fromEnvironment(Map.of("INFERLINK_" + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_'), value)));
      assertContains(env.getMessage(), "inferlink." + key);
    }

    @Test
    void builderRefusesWrongValuesNamingTheSetter() {
      assertContains(assertThrows(IllegalArgumentException.class, () -> ClientOptions.builder().maxConnections(0))
          .getMessage(), "maxConnections");
      assertContains(assertThrows(IllegalArgumentException.class,
          () -> ClientOptions.builder().keepAliveTime(Duration.ofSeconds(1))).getMessage(), "keepAliveTime", "10s");
      assertContains(assertThrows(IllegalArgumentException.class,
          () -> ClientOptions.builder().connectionIdleTimeout(Duration.ZERO)).getMessage(), "connectionIdleTimeout");
      assertContains(assertThrows(IllegalArgumentException.class,
          () -> ClientOptions.builder().keepAliveTimeout(Duration.ofSeconds(-1))).getMessage(), "keepAliveTimeout");
    }

    @Test
    void toBuilderKeepsThem() {
      ClientOptions o = ClientOptions.builder().maxConnections(5).keepAliveTime(Duration.ofMinutes(1)).build();
      ClientOptions copy = o.toBuilder().build();
      assertEquals(5, copy.maxConnections());
      assertEquals(Duration.ofMinutes(1), copy.keepAliveTime());
    }
  }

  @Nested
  class RetryAndRoutingSettings {
    @Test
    void defaultsWithoutConfiguration() {
      ClientOptions o = ClientOptions.defaults();
      assertEquals(io.inferlink.interceptor.RetryBudget.defaults(), o.retryBudget());
      assertEquals(io.inferlink.routing.Balancing.ROUND_ROBIN, o.balancing());
      assertEquals(Duration.ofSeconds(10), o.healthCheckInterval());
      assertEquals(io.inferlink.routing.OutlierEjection.defaults(), o.outlierEjection());
      assertEquals(Duration.ZERO, o.hedgeDelay(), "no hedging unless asked for");
      assertEquals(java.util.List.of(), o.fallbackEndpoints());
    }

    @Test
    void propertiesEnvironmentAndBuilderUseOneNameEach() {
      ClientOptions built = ClientOptions.builder()
          .retryPolicy(new io.inferlink.interceptor.RetryPolicy(4, Duration.ofMillis(50), Duration.ofSeconds(2), 2.0))
          .retryBudget(new io.inferlink.interceptor.RetryBudget(0.2, 5, Duration.ofSeconds(10)))
          .fallbackEndpoints("kserve-v2+http://b:8000", "ovms+grpc://c:9000")
          .balancing(io.inferlink.routing.Balancing.LEAST_IN_FLIGHT).healthCheckInterval(Duration.ofSeconds(3))
          .outlierEjection(new io.inferlink.routing.OutlierEjection(7, Duration.ofSeconds(20), Duration.ofMinutes(5)))
          .hedgeDelay(Duration.ofMillis(40)).build();
      ClientOptions fromProperties = from("inferlink.retry.max-attempts", "4", "inferlink.retry.initial-backoff", "50ms",
          "inferlink.retry.max-backoff", "2s", "inferlink.retry.budget-ratio", "20%",
          "inferlink.retry.budget-min-per-second", "5",
          "inferlink.fallback-endpoints", " kserve-v2+http://b:8000   ovms+grpc://c:9000 ",
          "inferlink.balancing", "least-in-flight", "inferlink.health-check-interval", "3s",
          "inferlink.outlier.consecutive-failures", "7", "inferlink.outlier.ejection-time", "20s",
          "inferlink.hedge-delay", "40ms");
      Map<String, String> env = new HashMap<>();
      env.put("INFERLINK_RETRY_MAX_ATTEMPTS", "4");
      env.put("INFERLINK_RETRY_INITIAL_BACKOFF", "50ms");
      env.put("INFERLINK_RETRY_MAX_BACKOFF", "2s");
      env.put("INFERLINK_RETRY_BUDGET_RATIO", "0.2");
      env.put("INFERLINK_RETRY_BUDGET_MIN_PER_SECOND", "5");
      env.put("INFERLINK_FALLBACK_ENDPOINTS", "kserve-v2+http://b:8000 ovms+grpc://c:9000");
      env.put("INFERLINK_BALANCING", "LEAST_IN_FLIGHT");
      env.put("INFERLINK_HEALTH_CHECK_INTERVAL", "3s");
      env.put("INFERLINK_OUTLIER_CONSECUTIVE_FAILURES", "7");
      env.put("INFERLINK_OUTLIER_EJECTION_TIME", "20s");
      env.put("INFERLINK_HEDGE_DELAY", "40ms");
      ClientOptions fromEnvironment = ClientOptions.fromEnvironment(env);
      for (ClientOptions o : new ClientOptions[] {built, fromProperties, fromEnvironment}) {
        assertEquals(built.retryPolicy(), o.retryPolicy());
        assertEquals(built.retryBudget(), o.retryBudget());
        assertEquals(java.util.List.of("kserve-v2+http://b:8000", "ovms+grpc://c:9000"), o.fallbackEndpoints());
        assertEquals(io.inferlink.routing.Balancing.LEAST_IN_FLIGHT, o.balancing());
        assertEquals(Duration.ofSeconds(3), o.healthCheckInterval());
        assertEquals(built.outlierEjection(), o.outlierEjection());
        assertEquals(Duration.ofMillis(40), o.hedgeDelay());
        assertEquals(Set.of(), o.optionNames());
        assertEquals(built.toString(), o.toString());
      }
    }

    @Test
    void backoffKeysAloneKeepRetriesOffAndMaxAttemptsAloneUsesTheExponentialWaits() {
      ClientOptions o = from("inferlink.retry.initial-backoff", "20ms");
      assertFalse(o.retryPolicy().isEnabled());
      assertEquals(io.inferlink.interceptor.RetryPolicy.exponential(3),
          from("inferlink.retry.max-attempts", "3").retryPolicy());
      assertFalse(from("inferlink.retry.max-attempts", "1").retryPolicy().isEnabled());
    }

    @ParameterizedTest
    @CsvSource({"retry.max-attempts,many", "retry.max-attempts,101", "retry.initial-backoff,soon",
        "retry.budget-ratio,half", "retry.budget-ratio,-1", "retry.budget-min-per-second,-3", "balancing,random",
        "health-check-interval,-1s", "health-check-interval,1ms", "outlier.consecutive-failures,x",
        "outlier.consecutive-failures,-1", "outlier.ejection-time,0s", "hedge-delay,-5ms", "hedge-delay,later"})
    void wrongValuesAreRefusedNamingTheKey(String key, String value) {
      assertContains(fails("inferlink." + key, value).getMessage(), "inferlink." + key);
      ProviderConfigurationException env = assertThrows(ProviderConfigurationException.class,
          () -> ClientOptions.fromEnvironment(Map.of(
              "INFERLINK_" + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace('.', '_'), value)));
      assertContains(env.getMessage(), "inferlink." + key);
    }

    @Test
    void builderRefusesWrongValuesNamingTheSetter() {
      assertContains(assertThrows(IllegalArgumentException.class,
          () -> ClientOptions.builder().healthCheckInterval(Duration.ofMillis(-1))).getMessage(), "healthCheckInterval");
      assertContains(assertThrows(IllegalArgumentException.class,
          () -> ClientOptions.builder().hedgeDelay(Duration.ofMillis(-1))).getMessage(), "hedgeDelay");
      assertContains(assertThrows(IllegalArgumentException.class,
          () -> ClientOptions.builder().fallbackEndpoints(" ")).getMessage(), "fallbackEndpoints");
      assertContains(assertThrows(IllegalArgumentException.class,
          () -> new io.inferlink.interceptor.RetryBudget(1.5e3, 1, Duration.ofSeconds(1))).getMessage(), "ratio");
    }

    @Test
    void toBuilderKeepsThemAndToStringHidesFallbackCredentials() {
      ClientOptions o = ClientOptions.builder().fallbackEndpoints("kserve-v2+http://u:hunter2@b:8000")
          .hedgeDelay(Duration.ofMillis(5)).build();
      ClientOptions copy = o.toBuilder().build();
      assertEquals(o.fallbackEndpoints(), copy.fallbackEndpoints());
      assertEquals(Duration.ofMillis(5), copy.hedgeDelay());
      assertFalse(o.toString().contains("hunter2"), o.toString());
      assertTrue(o.secretValues().contains("hunter2"), "scrubbed from messages like the endpoint's own password");
    }
  }

  @Nested
  class Environment {
    @Test
    void environmentVariablesMapOntoTheKeys() throws IOException {
      Map<String, String> env = new HashMap<>();
      env.put("INFERLINK_ENDPOINT", "tfserving+http://h:8501");
      env.put("INFERLINK_TIMEOUT", "30s");
      env.put("INFERLINK_CONNECT_TIMEOUT", "2s");
      env.put("INFERLINK_HEADERS", "a=1,b=x%20y");
      env.put("INFERLINK_BEARER_TOKEN", "tok");
      env.put("INFERLINK_OPTION_REQUEST_FORMAT", "columnar");
      env.put("INFERLINK_TLS_TRUST", trustPem.toString());
      env.put("INFERLINK_MAX_MESSAGE_SIZE", "1MiB");
      env.put("INFERLINK_RETRY_MAX_ATTEMPTS", "4");
      env.put("INFERLINK_PROVIDER", "tfserving-rest");
      env.put("INFERLINK_AUTHORITY", "svc.example.com");
      env.put("PATH", "/usr/bin");
      env.put("HOME", "/root");
      ClientOptions o = ClientOptions.fromEnvironment(env);
      assertEquals("tfserving+http://h:8501", o.endpoint());
      assertEquals(Duration.ofSeconds(30), o.requestTimeout());
      assertEquals(Duration.ofSeconds(2), o.connectTimeout());
      assertEquals(Map.of("a", "1", "b", "x y"), o.headers());
      assertEquals("Bearer tok", o.authorizationHeader());
      assertEquals("columnar", o.get(REQUEST_FORMAT));
      assertEquals(Set.of("request-format"), o.optionNames());
      assertArrayEquals(bytes(trustPem), o.tls().trustCertificatesPem());
      assertEquals(1024 * 1024, o.maxMessageSize());
      assertEquals(4, o.retryPolicy().maxAttempts());
      assertEquals("tfserving-rest", o.providerName());
      assertEquals("svc.example.com", o.authority());
    }

    @Test
    void basicAuthAndClientCertificateFromEnvironment() {
      Map<String, String> env = Map.of("INFERLINK_BASIC_AUTH", "pineapple:fanatic",
          "INFERLINK_TLS_CERT", certPem.toString(), "INFERLINK_TLS_KEY", keyPem.toString());
      ClientOptions o = ClientOptions.fromEnvironment(env);
      assertEquals("Basic cGluZWFwcGxlOmZhbmF0aWM=", o.authorizationHeader());
      assertTrue(o.tls().hasClientCertificate());
    }

    @Test
    void emptyEnvironmentGivesTheDefaults() {
      assertEquals(ClientOptions.defaults().toString(), ClientOptions.fromEnvironment(Map.of("PATH", "/bin")).toString());
    }

    @Test
    void unknownInferlinkVariableIsAnError() {
      ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
          () -> ClientOptions.fromEnvironment(Map.of("INFERLINK_TIMOUT", "30s")));
      assertContains(e.getMessage(), "timout", "inferlink.timeout");
    }

    @Test
    void createWithoutEndpointIsAConfigurationError() {
      ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
          () -> InferenceClient.create(ClientOptions.fromEnvironment(Map.of("INFERLINK_TIMEOUT", "1s"))));
      assertContains(e.getMessage(), "inferlink.endpoint", "INFERLINK_ENDPOINT");
    }
  }

  @Nested
  class Secrets {
    @Test
    void badBearerTokenErrorDoesNotRepeatTheToken() {
      String m = fails("inferlink.bearer-token", "s3cret\u0000tail").getMessage();
      assertContains(m, "inferlink.bearer-token");
      assertFalse(m.contains("s3cret"), m);
    }

    @Test
    void basicAuthWithoutColonErrorDoesNotRepeatTheValue() {
      String m = fails("inferlink.basic-auth", "s3cretWithoutColon").getMessage();
      assertContains(m, "inferlink.basic-auth", "user:password");
      assertFalse(m.contains("s3cret"), m);
    }

    @Test
    void headerWrittenWithColonInsteadOfEqualsDoesNotRepeatTheValue() {
      String m = fails("inferlink.headers", "x-api-key:s3cret").getMessage();
      assertContains(m, "inferlink.headers", "name=value");
      assertFalse(m.contains("s3cret"), m);
    }

    @Test
    void headerWithBadPercentEncodingDoesNotRepeatTheValue() {
      String m = fails("inferlink.headers", "x-api-key=s3%zzcret").getMessage();
      assertContains(m, "inferlink.headers", "x-api-key");
      assertFalse(m.contains("s3"), m);
      assertFalse(m.contains("zz"), m);
    }

    @Test
    void headerValueWithControlCharacterErrorDoesNotRepeatTheValue() {
      String m = fails("inferlink.headers", "x-api-key=s3cret%00").getMessage();
      assertFalse(m.contains("s3cret"), m);
    }

    @Test
    void misspelledSecretKeyErrorDoesNotRepeatTheValue() {
      String m = fails("inferlink.bearer_token", "s3cret").getMessage();
      assertContains(m, "inferlink.bearer_token");
      assertFalse(m.contains("s3cret"), m);
    }

    @Test
    void optionsFromConfigurationNeverShowSecretsInToString() {
      String s = from("inferlink.bearer-token", "s3cret-token", "inferlink.headers", "x-api-key=s3cret-key",
          "inferlink.option.api-key", "s3cret-option").toString();
      assertFalse(s.contains("s3cret"), s);
    }
  }
}
