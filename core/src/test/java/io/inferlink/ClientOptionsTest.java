package io.inferlink;

import io.inferlink.interceptor.RetryPolicy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Defaults, validation, header building, secrecy and protocol options of {@link ClientOptions}. */
class ClientOptionsTest {

  enum Format { ROW, COLUMN_MAJOR }

  private static final ProtocolOption<Format> FORMAT = ProtocolOption.ofEnum("format", Format.class, Format.ROW);
  private static final ProtocolOption<Boolean> BINARY = ProtocolOption.ofBoolean("binary-data", false);
  private static final ProtocolOption<Long> BATCH = ProtocolOption.ofLong("max-batch", 1);
  private static final ProtocolOption<String> API = ProtocolOption.ofString("api", "kserve");

  private static void assertContains(String haystack, String... needles) {
    for (String n : needles) {
      assertTrue(haystack.contains(n), () -> "expected '" + n + "' in: " + haystack);
    }
  }

  private static void assertLacks(String haystack, String... needles) {
    for (String n : needles) {
      assertFalse(haystack.contains(n), () -> "did not expect '" + n + "' in: " + haystack);
    }
  }

  @Nested
  class Defaults {
    @Test
    void defaultValues() {
      ClientOptions o = ClientOptions.defaults();
      assertEquals(Duration.ofSeconds(10), o.connectTimeout());
      assertEquals(Duration.ofSeconds(60), o.requestTimeout());
      assertEquals(64 * 1024 * 1024, o.maxMessageSize());
      assertEquals(RetryPolicy.none(), o.retryPolicy());
      assertFalse(o.retryPolicy().isEnabled());
      assertFalse(o.hasCredentials());
      assertNull(o.authorizationHeader());
      assertEquals(Map.of(), o.headers());
      assertEquals(Map.of(), o.requestHeaders());
      assertSame(TlsMaterial.none(), o.tls());
      assertNull(o.authority());
      assertNull(o.executor());
      assertNull(o.providerName());
      assertNull(o.endpoint());
      assertEquals("inferlink-java", o.userAgent());
      assertEquals(Set.of(), o.optionNames());
    }

    @Test
    void constantsMatchTheDocumentedValues() {
      assertEquals(Duration.ofSeconds(10), ClientOptions.DEFAULT_CONNECT_TIMEOUT);
      assertEquals(Duration.ofSeconds(60), ClientOptions.DEFAULT_REQUEST_TIMEOUT);
      assertEquals(67_108_864, ClientOptions.DEFAULT_MAX_MESSAGE_SIZE);
    }

    @Test
    void emptyBuilderGivesTheDefaults() {
      ClientOptions o = ClientOptions.builder().build();
      assertEquals(ClientOptions.defaults().toString(), o.toString());
      assertEquals(ClientOptions.defaults().requestTimeout(), o.requestTimeout());
    }

    @Test
    void requestTimeoutOfTheRequestWinsOverTheClients() {
      ClientOptions o = ClientOptions.builder().requestTimeout(Duration.ofSeconds(5)).build();
      Tensor x = Tensor.ofFloats("x", new float[] {1, 2}, 2);
      assertEquals(Duration.ofSeconds(5), o.timeoutFor(InferenceRequest.builder("m").input(x).build()));
      assertEquals(Duration.ofMillis(300),
          o.timeoutFor(InferenceRequest.builder("m").input(x).timeout(Duration.ofMillis(300)).build()));
    }
  }

  @Nested
  class BuilderValidation {
    @ParameterizedTest
    @ValueSource(longs = {0, -1, -60_000})
    void nonPositiveTimeoutsAreRefusedAndNamed(long millis) {
      Duration d = Duration.ofMillis(millis);
      assertContains(assertThrows(IllegalArgumentException.class,
          () -> ClientOptions.builder().connectTimeout(d)).getMessage(), "connectTimeout");
      assertContains(assertThrows(IllegalArgumentException.class,
          () -> ClientOptions.builder().requestTimeout(d)).getMessage(), "requestTimeout");
    }

    @Test
    void nullTimeoutsAreRefused() {
      assertThrows(NullPointerException.class, () -> ClientOptions.builder().connectTimeout(null));
      assertThrows(NullPointerException.class, () -> ClientOptions.builder().requestTimeout(null));
    }

    @Test
    void smallestPositiveTimeoutIsAccepted() {
      assertEquals(Duration.ofNanos(1), ClientOptions.builder().requestTimeout(Duration.ofNanos(1)).build().requestTimeout());
    }

    @ParameterizedTest
    @ValueSource(ints = {1023, 0, -1, Integer.MIN_VALUE})
    void maxMessageSizeBelowOneKibIsRefused(int bytes) {
      assertContains(assertThrows(IllegalArgumentException.class,
          () -> ClientOptions.builder().maxMessageSize(bytes)).getMessage(), "maxMessageSize", "1024");
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 4 * 1024 * 1024, Integer.MAX_VALUE})
    void maxMessageSizeFromOneKibIsAccepted(int bytes) {
      assertEquals(bytes, ClientOptions.builder().maxMessageSize(bytes).build().maxMessageSize());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "my host", "host/path", "host\\x", "a\r\nb", "h\tt", "ho\u00efst", "h@x y"})
    void badAuthorityIsRefused(String authority) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> ClientOptions.builder().authority(authority));
      assertContains(e.getMessage(), "authority");
    }

    @ParameterizedTest
    @ValueSource(strings = {"svc.ns.example.com", "host:8080", "[::1]:8443", "model-a.default.svc.cluster.local"})
    void goodAuthorityIsKept(String authority) {
      assertEquals(authority, ClientOptions.builder().authority(authority).build().authority());
    }

    @Test
    void nullAuthorityClearsIt() {
      assertNull(ClientOptions.builder().authority("h").authority(null).build().authority());
    }

    @Test
    void basicUserWithColonIsRefused() {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> ClientOptions.builder().basicAuth("a:b", "pw"));
      assertContains(e.getMessage(), "user", "':'");
      assertLacks(e.getMessage(), "pw");
    }

    @Test
    void basicPasswordMayContainColons() {
      assertEquals("Basic dTpwOndpdGg6Y29sb25z",
          ClientOptions.builder().basicAuth("u", "p:with:colons").build().authorizationHeader());
    }

    @Test
    void nullCredentialsAreRefused() {
      assertThrows(NullPointerException.class, () -> ClientOptions.builder().basicAuth(null, "p"));
      assertThrows(NullPointerException.class, () -> ClientOptions.builder().basicAuth("u", null));
      assertThrows(NullPointerException.class, () -> ClientOptions.builder().bearerToken((String) null));
      assertThrows(NullPointerException.class,
          () -> ClientOptions.builder().bearerToken((java.util.function.Supplier<String>) null));
      assertThrows(NullPointerException.class, () -> ClientOptions.builder().retryPolicy(null));
      assertThrows(NullPointerException.class, () -> ClientOptions.builder().tls(null));
    }
  }

  @Nested
  class HeaderInjection {
    @ParameterizedTest
    @ValueSource(strings = {"a\r\nX-Injected: 1", "a\nb", "a\rb", "a\u0000b", "a\u007fb", "\u20ac"})
    void badHeaderValuesAreRefusedInTheBuilder(String value) {
      assertThrows(IllegalArgumentException.class, () -> ClientOptions.builder().header("X-Ok", value));
      assertThrows(IllegalArgumentException.class, () -> ClientOptions.builder().headers(Map.of("X-Ok", value)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Evil\r\n", "X\nY", "X\rY", "X\u0000", "X:Y", "X Y", "", "X(1)"})
    void badHeaderNamesAreRefusedInTheBuilder(String name) {
      assertThrows(IllegalArgumentException.class, () -> ClientOptions.builder().header(name, "v"));
    }

    @Test
    void nullHeaderNameOrValueIsRefused() {
      assertThrows(IllegalArgumentException.class, () -> ClientOptions.builder().header(null, "v"));
      assertThrows(IllegalArgumentException.class, () -> ClientOptions.builder().header("X", null));
    }

    @Test
    void tabAndLatin1AreAllowedInValues() {
      ClientOptions o = ClientOptions.builder().header("X-A", "a\tb").header("X-B", "caf\u00e9").build();
      assertEquals("a\tb", o.headers().get("X-A"));
      assertEquals("caf\u00e9", o.headers().get("X-B"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tok\r\nX-Injected: 1", "tok\n", "tok\u0000"})
    void badBearerTokenAndUserAgentAreRefused(String value) {
      assertThrows(IllegalArgumentException.class, () -> ClientOptions.builder().bearerToken(value));
      assertThrows(IllegalArgumentException.class, () -> ClientOptions.builder().userAgent(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil\r\nX-Injected: 1", "evil\n", "evil\r", "evil\u0000"})
    void badSuppliedValuesAreRefusedAtRequestTime(String value) {
      ClientOptions o = ClientOptions.builder().headersSupplier(() -> Map.of("X-Rotating", value)).build();
      InvalidRequestException e = assertThrows(InvalidRequestException.class, o::requestHeaders);
      assertLacks(e.getMessage(), "evil");
      assertContains(e.getMessage(), "X-Rotating");
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Evil\r\nInjected", "X\n", "X\r", "X\u0000", "X Y", ""})
    void badSuppliedNamesAreRefusedAtRequestTime(String name) {
      ClientOptions o = ClientOptions.builder().headersSupplier(() -> Map.of(name, "v")).build();
      assertThrows(InvalidRequestException.class, o::requestHeaders);
    }

    @Test
    void suppliedNullValueIsRefusedAtRequestTime() {
      Map<String, String> m = new HashMap<>();
      m.put("X-A", null);
      ClientOptions o = ClientOptions.builder().headersSupplier(() -> m).build();
      assertThrows(InvalidRequestException.class, o::requestHeaders);
    }

    @Test
    void badSuppliedBearerTokenIsRefusedAtRequestTimeWithoutEchoingIt() {
      ClientOptions o = ClientOptions.builder().bearerToken(() -> "secrettok\r\nX-Injected: 1").build();
      InvalidRequestException e = assertThrows(InvalidRequestException.class, o::requestHeaders);
      assertLacks(e.getMessage(), "secrettok");
      assertThrows(InvalidRequestException.class, o::authorizationHeader);
    }
  }

  @Nested
  class RequestHeaders {
    @Test
    void orderIsStaticThenSuppliedThenAuthorization() {
      ClientOptions o = ClientOptions.builder().header("a", "1").header("b", "2")
          .headersSupplier(() -> Map.of("c", "3")).bearerToken("tok").build();
      Map<String, String> h = o.requestHeaders();
      assertEquals(List.of("a", "b", "c", "Authorization"), new ArrayList<>(h.keySet()));
      assertEquals(List.of("1", "2", "3", "Bearer tok"), new ArrayList<>(h.values()));
    }

    @Test
    void supplierIsCalledForEveryRequest() {
      AtomicInteger n = new AtomicInteger();
      ClientOptions o = ClientOptions.builder()
          .headersSupplier(() -> Map.of("X-Request-Token", "v" + n.incrementAndGet())).build();
      assertEquals("v1", o.requestHeaders().get("X-Request-Token"));
      assertEquals("v2", o.requestHeaders().get("X-Request-Token"));
      assertEquals(2, n.get());
    }

    @Test
    void supplierReturningNullAddsNothing() {
      ClientOptions o = ClientOptions.builder().header("a", "1").headersSupplier(() -> null).build();
      assertEquals(Map.of("a", "1"), o.requestHeaders());
    }

    @Test
    void suppliedHeaderReplacesTheStaticOneOfTheSameName() {
      ClientOptions o = ClientOptions.builder().header("X-Trace", "static")
          .headersSupplier(() -> Map.of("X-Trace", "fresh")).build();
      assertEquals(Map.of("X-Trace", "fresh"), o.requestHeaders());
    }

    @Test
    void headerNamesAreCaseInsensitiveSoAValueIsNeverSentTwice() {
      ClientOptions o = ClientOptions.builder().header("x-trace", "1").header("X-Trace", "2")
          .headersSupplier(() -> Map.of("X-TRACE", "3")).build();
      assertEquals(1, o.headers().size());
      assertEquals("2", o.headers().values().iterator().next());
      Map<String, String> h = o.requestHeaders();
      assertEquals(1, h.size(), h::toString);
      assertEquals("3", h.values().iterator().next());
    }

    @Test
    void credentialsReplaceAnAuthorizationHeaderWhateverItsCase() {
      ClientOptions o = ClientOptions.builder().header("authorization", "Token old")
          .headersSupplier(() -> Map.of("AUTHORIZATION", "Token older")).bearerToken("new").build();
      Map<String, String> h = o.requestHeaders();
      assertEquals(Map.of("Authorization", "Bearer new"), h);
    }

    @Test
    void returnedMapIsAFreshCopy() {
      ClientOptions o = ClientOptions.builder().header("a", "1").build();
      o.requestHeaders().put("z", "9");
      assertEquals(Map.of("a", "1"), o.requestHeaders());
      assertThrows(UnsupportedOperationException.class, () -> o.headers().put("z", "9"));
    }

    @Test
    void bearerFromString() {
      ClientOptions o = ClientOptions.builder().bearerToken("abc.def.ghi").build();
      assertEquals("Bearer abc.def.ghi", o.requestHeaders().get("Authorization"));
      assertTrue(o.hasCredentials());
    }

    @Test
    void bearerFromSupplierIsFetchedForEveryRequest() {
      AtomicInteger n = new AtomicInteger();
      ClientOptions o = ClientOptions.builder().bearerToken(() -> "t" + n.incrementAndGet()).build();
      assertEquals("Bearer t1", o.requestHeaders().get("Authorization"));
      assertEquals("Bearer t2", o.requestHeaders().get("Authorization"));
    }

    @Test
    void bearerSupplierGivingNothingSendsNoAuthorization() {
      assertEquals(Map.of(), ClientOptions.builder().bearerToken(() -> null).build().requestHeaders());
      assertEquals(Map.of(), ClientOptions.builder().bearerToken(() -> "").build().requestHeaders());
    }

    @Test
    void basicIsExactBase64OfUserColonPassword() {
      assertEquals("Basic cGFwZXJzcGFjZTpteV9wYXNzd29yZA==",
          ClientOptions.builder().basicAuth("paperspace", "my_password").build().requestHeaders().get("Authorization"));
      assertEquals("Basic cGluZWFwcGxlOmZhbmF0aWM=",
          ClientOptions.builder().basicAuth("pineapple", "fanatic").build().requestHeaders().get("Authorization"));
    }

    @Test
    void basicEncodesUtf8() {
      assertEquals("Basic asO8cmdlbjpww6Rzc3fDtnJk",
          ClientOptions.builder().basicAuth("j\u00fcrgen", "p\u00e4ssw\u00f6rd").build().authorizationHeader());
    }

    @Test
    void basicReplacesBearerAndBearerReplacesBasic() {
      assertEquals("Basic cGluZWFwcGxlOmZhbmF0aWM=", ClientOptions.builder().bearerToken("t")
          .basicAuth("pineapple", "fanatic").build().authorizationHeader());
      assertEquals("Basic cGluZWFwcGxlOmZhbmF0aWM=", ClientOptions.builder().bearerToken(() -> "t")
          .basicAuth("pineapple", "fanatic").build().authorizationHeader());
      assertEquals("Bearer t", ClientOptions.builder().basicAuth("pineapple", "fanatic")
          .bearerToken("t").build().authorizationHeader());
      assertEquals("Bearer s", ClientOptions.builder().basicAuth("pineapple", "fanatic")
          .bearerToken(() -> "s").build().authorizationHeader());
    }
  }

  @Nested
  class Secrecy {
    @Test
    void toStringNeverShowsCredentials() {
      ClientOptions o = ClientOptions.builder()
          .endpoint("kserve-v2+https://alice:endpoint-s3cret@h/x?token=query-s3cret")
          .header("Authorization", "Bearer header-s3cret")
          .header("x-api-key", "apikey-s3cret")
          .header("X-Plain", "visible-value")
          .headersSupplier(() -> Map.of("X-Sup", "supplied-s3cret"))
          .bearerToken("bearer-s3cret")
          .clientCertificatePem("CERT-BYTES".getBytes(StandardCharsets.US_ASCII),
              "-----BEGIN PRIVATE KEY-----KEY-s3cret".getBytes(StandardCharsets.US_ASCII))
          .trustCertificatesPem("TRUST-BYTES".getBytes(StandardCharsets.US_ASCII))
          .option("client-secret", "option-s3cret")
          .option("api", "tfs")
          .build();
      String s = o.toString();
      assertLacks(s, "s3cret", "alice", "KEY", "CERT-BYTES", "TRUST-BYTES");
      assertContains(s, "visible-value", "api=tfs", "x-api-key=***", "bearerToken=***");
    }

    @Test
    void toStringNeverShowsTheBasicPassword() {
      String s = ClientOptions.builder().basicAuth("paperspace", "my_password").build().toString();
      assertLacks(s, "my_password", "cGFwZXJzcGFjZTpteV9wYXNzd29yZA");
      assertContains(s, "paperspace");
    }

    @Test
    void tlsMaterialIsKeptByteForByte() {
      byte[] key = "KEY".getBytes(StandardCharsets.US_ASCII);
      ClientOptions o = ClientOptions.builder().clientCertificatePem("C".getBytes(StandardCharsets.US_ASCII), key).build();
      key[0] = 'X';
      assertArrayEquals("KEY".getBytes(StandardCharsets.US_ASCII), o.tls().clientPrivateKeyPem());
      assertTrue(o.tls().hasClientCertificate());
    }
  }

  @Nested
  class ProtocolOptions {
    @Test
    void unsetOptionGivesItsDefault() {
      ClientOptions o = ClientOptions.defaults();
      assertEquals(Format.ROW, o.get(FORMAT));
      assertEquals(false, o.get(BINARY));
      assertEquals(1L, o.get(BATCH));
      assertEquals("kserve", o.get(API));
      assertFalse(o.isSet(FORMAT));
    }

    @Test
    void textValueIsParsed() {
      ClientOptions o = ClientOptions.builder().option("format", "column-major").option("binary-data", "yes")
          .option("max-batch", " 42 ").option("api", "tfs").build();
      assertEquals(Format.COLUMN_MAJOR, o.get(FORMAT));
      assertEquals(true, o.get(BINARY));
      assertEquals(42L, o.get(BATCH));
      assertEquals("tfs", o.get(API));
      assertTrue(o.isSet(FORMAT));
      assertEquals(Set.of("format", "binary-data", "max-batch", "api"), o.optionNames());
    }

    @Test
    void typedValueWinsOverTextWhicheverIsSetFirst() {
      assertEquals(Format.COLUMN_MAJOR, ClientOptions.builder().option(FORMAT, Format.COLUMN_MAJOR)
          .option("format", "row").build().get(FORMAT));
      assertEquals(Format.COLUMN_MAJOR, ClientOptions.builder().option("format", "row")
          .option(FORMAT, Format.COLUMN_MAJOR).build().get(FORMAT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"row", "ROW", " Row "})
    void enumTextIsReadInAnyCase(String text) {
      assertEquals(Format.ROW, FORMAT.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"r-o-w", "rows", "", "column major"})
    void enumTextThatNamesNoConstantIsRefused(String text) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FORMAT.parse(text));
      assertContains(e.getMessage(), "'format'");
    }

    @Test
    void enumTextAcceptsDashOrUnderscore() {
      assertEquals(Format.COLUMN_MAJOR, FORMAT.parse("column-major"));
      assertEquals(Format.COLUMN_MAJOR, FORMAT.parse("column_major"));
      assertEquals(Format.COLUMN_MAJOR, FORMAT.parse("COLUMN-MAJOR"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "yes", "on", "1", "TRUE", " Yes "})
    void booleanTrueForms(String text) {
      assertEquals(true, BINARY.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "no", "off", "0", "False"})
    void booleanFalseForms(String text) {
      assertEquals(false, BINARY.parse(text));
    }

    @Test
    void badTextValuesBecomeProviderConfigurationErrorsNamingOptionAndValue() {
      ClientOptions o = ClientOptions.builder().option("format", "diagonal").option("binary-data", "maybe")
          .option("max-batch", "4.2").build();
      ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class, () -> o.get(FORMAT));
      assertContains(e.getMessage(), "format", "diagonal", "row", "column_major");
      e = assertThrows(ProviderConfigurationException.class, () -> o.get(BINARY));
      assertContains(e.getMessage(), "binary-data", "maybe");
      e = assertThrows(ProviderConfigurationException.class, () -> o.get(BATCH));
      assertContains(e.getMessage(), "max-batch", "4.2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Request_Format", "", "-a", "a-", "a--b", "a b", "request.format"})
    void optionNamesMustBeLowerCaseWordsJoinedByDash(String name) {
      assertThrows(IllegalArgumentException.class, () -> ProtocolOption.ofString(name, "x"));
    }

    @Test
    void optionAccessors() {
      assertEquals("max-batch", BATCH.name());
      assertEquals(Long.class, BATCH.type());
      assertEquals(1L, BATCH.defaultValue());
      assertEquals("max-batch", BATCH.toString());
    }

    @Test
    void defaultTextOptionsOnlyFillOptionsNotYetSet() {
      ClientOptions base = ClientOptions.builder().option(FORMAT, Format.COLUMN_MAJOR).option("api", "code").build();
      Map<String, String> query = new LinkedHashMap<>();
      query.put("format", "row");
      query.put("api", "query");
      query.put("max-batch", "7");
      ClientOptions merged = base.withDefaultTextOptions(query);
      assertEquals(Format.COLUMN_MAJOR, merged.get(FORMAT));
      assertEquals("code", merged.get(API));
      assertEquals(7L, merged.get(BATCH));
      assertNotSame(base, merged);
      assertFalse(base.isSet(BATCH), "the original is unchanged");
      assertEquals(1L, base.get(BATCH));
    }
  }

  @Nested
  class ToBuilder {
    @Test
    void roundTripKeepsEveryValue() {
      Executor executor = Runnable::run;
      RetryPolicy retry = RetryPolicy.exponential(3);
      ClientOptions o = ClientOptions.builder().endpoint("kserve-v2+grpc://h:1")
          .connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(3))
          .header("a", "1").headersSupplier(() -> Map.of("b", "2")).basicAuth("u", "p")
          .trustCertificatesPem(new byte[] {1, 2}).authority("other:1").maxMessageSize(2048)
          .retryPolicy(retry).executor(executor).providerName("prov").userAgent("agent/1")
          .option(FORMAT, Format.COLUMN_MAJOR).option("api", "tfs").build();
      ClientOptions copy = o.toBuilder().build();
      assertEquals(o.endpoint(), copy.endpoint());
      assertEquals(o.connectTimeout(), copy.connectTimeout());
      assertEquals(o.requestTimeout(), copy.requestTimeout());
      assertEquals(o.headers(), copy.headers());
      assertEquals(o.requestHeaders(), copy.requestHeaders());
      assertEquals(Map.of("a", "1", "b", "2", "Authorization", "Basic dTpw"), copy.requestHeaders());
      assertSame(o.tls(), copy.tls());
      assertEquals(o.authority(), copy.authority());
      assertEquals(o.maxMessageSize(), copy.maxMessageSize());
      assertEquals(retry, copy.retryPolicy());
      assertSame(executor, copy.executor());
      assertEquals("prov", copy.providerName());
      assertEquals("agent/1", copy.userAgent());
      assertEquals(Format.COLUMN_MAJOR, copy.get(FORMAT));
      assertEquals("tfs", copy.get(API));
      assertEquals(o.optionNames(), copy.optionNames());
      assertEquals(o.toString(), copy.toString());
    }

    @Test
    void changingTheDerivedBuilderLeavesTheOriginalAlone() {
      ClientOptions o = ClientOptions.builder().header("a", "1").option("api", "tfs").build();
      ClientOptions.Builder b = o.toBuilder();
      b.header("z", "9").option("api", "kserve").requestTimeout(Duration.ofSeconds(1)).bearerToken("t");
      ClientOptions changed = b.build();
      assertEquals(Map.of("a", "1"), o.headers());
      assertEquals("tfs", o.get(API));
      assertEquals(ClientOptions.DEFAULT_REQUEST_TIMEOUT, o.requestTimeout());
      assertFalse(o.hasCredentials());
      assertEquals("kserve", changed.get(API));
      assertEquals(Map.of("a", "1", "z", "9"), changed.headers());
    }

    @Test
    void builderCanBeReusedWithoutChangingBuiltOptions() {
      ClientOptions.Builder b = ClientOptions.builder().header("a", "1");
      ClientOptions first = b.build();
      b.header("b", "2");
      assertEquals(Map.of("a", "1"), first.headers());
      assertEquals(Map.of("a", "1", "b", "2"), b.build().headers());
    }
  }
}
