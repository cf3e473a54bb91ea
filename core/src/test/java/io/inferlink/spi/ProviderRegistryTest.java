package io.inferlink.spi;

import io.inferlink.spi.support.Errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.Capabilities;
import io.inferlink.ClientOptions;
import io.inferlink.DeadlineExceededException;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceException;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.InvalidRequestException;
import io.inferlink.ProtocolOption;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.ResourceExhaustedException;
import io.inferlink.interceptor.RetryPolicy;
import io.inferlink.Tensor;
import io.inferlink.UnavailableException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How {@link ProviderRegistry} chooses, reports and wraps providers, with small fake providers. */
class ProviderRegistryTest {
  private static final String SCHEME = "fake+http";
  private static final Endpoint ENDPOINT = Endpoint.parse(SCHEME + "://models:8080");

  // ------------------------------------------------------------------ fakes

  /** A client whose inference results are scripted per attempt (1-based). */
  static InferenceException outcomeUnknown(String message) {
    return Errors.create(new InferenceException.Details(ErrorCode.UNAVAILABLE).message(message)
        .delivery(InferenceException.Delivery.OUTCOME_UNKNOWN));
  }

  static final class FakeClient implements InferenceClient {
    final String provider;
    final Endpoint endpoint;
    final ClientOptions options;
    final AtomicInteger calls = new AtomicInteger();
    final List<CompletableFuture<InferenceResponse>> returned = new CopyOnWriteArrayList<>();
    volatile IntFunction<CompletableFuture<InferenceResponse>> script =
        n -> CompletableFuture.completedFuture(InferenceResponse.builder().build());
    volatile boolean closed;

    FakeClient(String provider, Endpoint endpoint, ClientOptions options) {
      this.provider = provider;
      this.endpoint = endpoint;
      this.options = options;
    }

    @Override
    public CompletableFuture<InferenceResponse> inferAsync(InferenceRequest request) {
      CompletableFuture<InferenceResponse> f = script.apply(calls.incrementAndGet());
      returned.add(f);
      return f;
    }

    @Override
    public CompletableFuture<Boolean> serverLiveAsync() {
      int n = calls.incrementAndGet();
      // A connection broken after sending: liveness checks are idempotent, so retries still apply.
      return n < 2 ? CompletableFuture.failedFuture(outcomeUnknown("reset after sending"))
          : CompletableFuture.completedFuture(true);
    }

    @Override
    public Capabilities capabilities() {
      return Capabilities.of(Set.of(), Set.of());
    }

    @Override
    public String providerName() {
      return provider;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  static final class FakeProvider implements InferenceClientProvider {
    final String name;
    final Set<String> schemes;
    final int priority;
    BooleanSupplier available = () -> true;
    String refusal;
    ProviderConfigurationException refusalException;
    final AtomicInteger creates = new AtomicInteger();
    final List<FakeClient> clients = new ArrayList<>();

    FakeProvider(String name, int priority, String... schemes) {
      this.name = name;
      this.priority = priority;
      this.schemes = Set.of(schemes);
    }

    FakeProvider unavailable() {
      available = () -> false;
      return this;
    }

    FakeProvider availabilityThrows(RuntimeException e) {
      available = () -> {
        throw e;
      };
      return this;
    }

    FakeProvider refusing(String reason) {
      refusal = reason;
      return this;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Set<String> schemes() {
      return schemes;
    }

    @Override
    public int priority() {
      return priority;
    }

    @Override
    public boolean isAvailable() {
      return available.getAsBoolean();
    }

    @Override
    public InferenceClient create(Endpoint endpoint, ClientOptions options) {
      creates.incrementAndGet();
      if (refusalException != null) {
        throw refusalException;
      }
      if (refusal != null) {
        throw new ProviderConfigurationException(refusal);
      }
      FakeClient c = new FakeClient(name, endpoint, options);
      clients.add(c);
      return c;
    }
  }

  private static ProviderRegistry registry(InferenceClientProvider... providers) {
    return ProviderRegistry.of(List.of(providers));
  }

  private static String chosen(ProviderRegistry registry, ClientOptions options) {
    return registry.createClient(ENDPOINT, options).providerName();
  }

  private static ProviderConfigurationException fails(ProviderRegistry registry, String endpoint, ClientOptions options) {
    return assertThrows(ProviderConfigurationException.class,
        () -> registry.createClient(Endpoint.parse(endpoint), options));
  }

  private static void withProperty(String value, Runnable body) {
    String old = System.getProperty(ProviderRegistry.PROVIDER_PROPERTY);
    System.setProperty(ProviderRegistry.PROVIDER_PROPERTY, value);
    try {
      body.run();
    } finally {
      if (old == null) {
        System.clearProperty(ProviderRegistry.PROVIDER_PROPERTY);
      } else {
        System.setProperty(ProviderRegistry.PROVIDER_PROPERTY, old);
      }
    }
  }

  private static ClientOptions named(String provider) {
    return ClientOptions.builder().providerName(provider).build();
  }

  private static void assertContains(String haystack, String... needles) {
    for (String n : needles) {
      assertTrue(haystack.contains(n), () -> "expected '" + n + "' in: " + haystack);
    }
  }

  // ------------------------------------------------------------------ resolution order

  @Nested
  class ResolutionOrder {
    final FakeProvider high = new FakeProvider("high", 10, SCHEME);
    final FakeProvider low = new FakeProvider("low", 5, SCHEME);
    final FakeProvider other = new FakeProvider("other", 50, "other+grpc");

    @Test
    void highestPriorityWinsWhateverTheDiscoveryOrder() {
      assertEquals("high", chosen(registry(high, low, other), ClientOptions.defaults()));
      assertEquals("high", chosen(registry(low, other, high), ClientOptions.defaults()));
      assertSame(high, registry(low, high).resolve(ENDPOINT, ClientOptions.defaults()));
    }

    @Test
    void explicitProviderNameBeatsPriority() {
      assertEquals("low", chosen(registry(high, low), named("low")));
      assertEquals(0, high.creates.get());
    }

    @Test
    void explicitProviderNameBeatsSystemProperty() {
      withProperty("high", () -> assertEquals("low", chosen(registry(high, low), named("low"))));
    }

    @Test
    void explicitUnknownProviderIsAnErrorListingProviders() {
      ProviderConfigurationException e = fails(registry(high, low), SCHEME + "://h", named("hihg"));
      assertContains(e.getMessage(), "'hihg'", "high", "low");
    }

    @Test
    void explicitProviderThatDoesNotServeTheSchemeIsAnError() {
      ProviderConfigurationException e = fails(registry(high, other), SCHEME + "://h", named("other"));
      assertContains(e.getMessage(), "'other'", "other+grpc", "'" + SCHEME + "'");
    }

    @Test
    void explicitUnavailableProviderIsAnError() {
      low.unavailable();
      ProviderConfigurationException e = fails(registry(high, low), SCHEME + "://h", named("low"));
      assertContains(e.getMessage(), "'low'", "not available");
    }

    @Test
    void systemPropertyBeatsPriority() {
      withProperty("low", () -> assertEquals("low", chosen(registry(high, low), ClientOptions.defaults())));
    }

    @Test
    void systemPropertyIsTrimmed() {
      withProperty("  low ", () -> assertEquals("low", chosen(registry(high, low), ClientOptions.defaults())));
    }

    @Test
    void blankSystemPropertyIsIgnored() {
      withProperty(" ", () -> assertEquals("high", chosen(registry(high, low), ClientOptions.defaults())));
    }

    @Test
    void systemPropertyNamingAnUnknownProviderIsAnError() {
      withProperty("lwo", () -> {
        ProviderConfigurationException e = fails(registry(high, low), SCHEME + "://h", ClientOptions.defaults());
        assertContains(e.getMessage(), ProviderRegistry.PROVIDER_PROPERTY, "'lwo'", "high", "low");
      });
    }

    @Test
    void systemPropertyNamingAProviderOfAnotherSchemeIsIgnoredForThisScheme() {
      withProperty("other", () -> {
        ProviderRegistry r = registry(high, low, other);
        assertEquals("high", chosen(r, ClientOptions.defaults()));
        assertEquals("other", r.createClient(Endpoint.parse("other+grpc://h"), ClientOptions.defaults()).providerName());
      });
    }

    @Test
    void systemPropertyNamingAnUnavailableProviderIsAnError() {
      low.unavailable();
      withProperty("low", () -> {
        ProviderConfigurationException e = fails(registry(high, low), SCHEME + "://h", ClientOptions.defaults());
        assertContains(e.getMessage(), "'low'", "not available");
      });
    }

    @Test
    void propertyIsReadAtEachResolutionNotCached() {
      ProviderRegistry r = registry(high, low);
      withProperty("low", () -> assertEquals("low", chosen(r, ClientOptions.defaults())));
      assertNull(System.getProperty(ProviderRegistry.PROVIDER_PROPERTY));
      assertEquals("high", chosen(r, ClientOptions.defaults()));
    }
  }

  // ------------------------------------------------------------------ ties and availability

  @Nested
  class TiesAndAvailability {
    @Test
    void tieAtTheHighestPriorityIsAnErrorNamingBoth() {
      ProviderRegistry r = registry(new FakeProvider("alpha-provider", 5, SCHEME),
          new FakeProvider("beta-provider", 5, SCHEME));
      ProviderConfigurationException e = fails(r, SCHEME + "://h", ClientOptions.defaults());
      assertContains(e.getMessage(), "alpha-provider", "beta-provider", "priority 5",
          ProviderRegistry.PROVIDER_PROPERTY, "providerName");
    }

    @Test
    void tieIsResolvedByNamingOne() {
      ProviderRegistry r = registry(new FakeProvider("alpha-provider", 5, SCHEME),
          new FakeProvider("beta-provider", 5, SCHEME));
      assertEquals("beta-provider", chosen(r, named("beta-provider")));
      withProperty("alpha-provider", () -> assertEquals("alpha-provider", chosen(r, ClientOptions.defaults())));
    }

    @Test
    void tieBelowAHigherProviderIsNoError() {
      ProviderRegistry r = registry(new FakeProvider("a", 5, SCHEME), new FakeProvider("b", 5, SCHEME),
          new FakeProvider("top", 6, SCHEME));
      assertEquals("top", chosen(r, ClientOptions.defaults()));
    }

    @Test
    void unavailableProviderIsSkipped() {
      ProviderRegistry r = registry(new FakeProvider("high", 10, SCHEME).unavailable(),
          new FakeProvider("low", 5, SCHEME));
      assertEquals("low", chosen(r, ClientOptions.defaults()));
    }

    @Test
    void unavailableProviderDoesNotCauseATie() {
      ProviderRegistry r = registry(new FakeProvider("a", 5, SCHEME).unavailable(), new FakeProvider("b", 5, SCHEME));
      assertEquals("b", chosen(r, ClientOptions.defaults()));
    }

    @Test
    void providerWhoseAvailabilityCheckThrowsIsSkipped() {
      ProviderRegistry r = registry(
          new FakeProvider("broken", 10, SCHEME).availabilityThrows(new IllegalStateException("boom")),
          new FakeProvider("ok", 5, SCHEME));
      assertEquals("ok", chosen(r, ClientOptions.defaults()));
    }

    @Test
    void providerWhoseAvailabilityCheckHitsALinkageErrorIsSkipped() {
      FakeProvider linkage = new FakeProvider("linkage", 10, SCHEME);
      linkage.available = () -> {
        throw new NoClassDefFoundError("io/grpc/Channel");
      };
      assertEquals("ok", chosen(registry(linkage, new FakeProvider("ok", 5, SCHEME)), ClientOptions.defaults()));
    }

    @Test
    void onlyUnavailableProvidersAreMentionedInTheError() {
      ProviderRegistry r = registry(new FakeProvider("sleepy", 10, SCHEME).unavailable(),
          new FakeProvider("throwing", 5, SCHEME).availabilityThrows(new IllegalStateException("boom")));
      ProviderConfigurationException e = fails(r, SCHEME + "://h", ClientOptions.defaults());
      assertContains(e.getMessage(), "'" + SCHEME + "'", "unavailable", "sleepy", "throwing");
    }

    @Test
    void unavailableProviderIsNotAskedToCreate() {
      FakeProvider sleepy = new FakeProvider("sleepy", 10, SCHEME).unavailable();
      registry(sleepy, new FakeProvider("ok", 5, SCHEME)).createClient(ENDPOINT, ClientOptions.defaults());
      assertEquals(0, sleepy.creates.get());
    }
  }

  // ------------------------------------------------------------------ unknown schemes

  @Nested
  class UnknownSchemes {
    @Test
    void unknownSchemeListsTheKnownSchemes() {
      ProviderRegistry r = registry(new FakeProvider("a", 5, "fake+http", "fake+https"),
          new FakeProvider("b", 5, "zzz+grpc"));
      ProviderConfigurationException e = fails(r, "nope+http://h", ClientOptions.defaults());
      assertContains(e.getMessage(), "'nope+http'", "known schemes", "[fake+http, fake+https, zzz+grpc]");
      assertFalse(e.getMessage().contains("io.inferlink:backend-"), e.getMessage());
    }

    @Test
    void emptyRegistrySaysNoProviderIsOnTheClassPath() {
      ProviderConfigurationException e = fails(registry(), "nope+http://h", ClientOptions.defaults());
      assertContains(e.getMessage(), "'nope+http'", "no provider on the class path");
    }

    @ParameterizedTest
    @CsvSource({
      "kserve-v2+grpc://h,   backend-kserve-v2",
      "kserve-v2+https://h,  backend-kserve-v2",
      "kserve-v1+http://h,   backend-kserve-v2",
      "tfserving+http://h,   backend-tfserving-rest",
      "tfserving+grpcs://h,  backend-tfserving-grpc",
      "ovms+grpc://h,        backend-ovms",
      "ovms+http://h,        backend-ovms",
      "paperspace://d123,    backend-tfserving-rest",
      "paperspace+https://h, backend-tfserving-rest",
    })
    void wellKnownMissingSchemeNamesTheArtifact(String endpoint, String artifact) {
      ProviderConfigurationException e =
          fails(registry(new FakeProvider("a", 5, SCHEME)), endpoint, ClientOptions.defaults());
      assertContains(e.getMessage(), "io.inferlink:" + artifact, "known schemes", SCHEME);
    }

    @Test
    void schemesAreTheSortedUnion() {
      ProviderRegistry r = registry(new FakeProvider("a", 5, "z+http", "a+http"), new FakeProvider("b", 5, "m+grpc"));
      assertEquals(List.of("a+http", "m+grpc", "z+http"), List.copyOf(r.schemes()));
    }

    @Test
    void providersKeepDiscoveryOrderAndTheRegistryCopiesItsInput() {
      FakeProvider a = new FakeProvider("a", 1, "x+http");
      FakeProvider b = new FakeProvider("b", 9, "x+http");
      List<InferenceClientProvider> list = new ArrayList<>(List.of(a, b));
      ProviderRegistry r = ProviderRegistry.of(list);
      list.clear();
      assertEquals(List.of(a, b), r.providers());
      assertThrows(UnsupportedOperationException.class, () -> r.providers().add(a));
    }
  }

  // ------------------------------------------------------------------ refusals

  @Nested
  class Refusals {
    @Test
    void refusalFallsThroughToTheNextProvider() {
      FakeProvider picky = new FakeProvider("picky", 10, SCHEME).refusing("needs option api=tfs");
      FakeProvider easy = new FakeProvider("easy", 5, SCHEME);
      assertEquals("easy", chosen(registry(picky, easy), ClientOptions.defaults()));
      assertEquals(1, picky.creates.get());
      assertEquals(1, easy.creates.get());
    }

    @Test
    void whenAllRefuseTheErrorListsEveryReason() {
      ProviderRegistry r = registry(new FakeProvider("first", 10, SCHEME).refusing("reason one"),
          new FakeProvider("second", 5, SCHEME).refusing("reason two"),
          new FakeProvider("third", 1, SCHEME).refusing("reason three"));
      ProviderConfigurationException e = fails(r, SCHEME + "://h", ClientOptions.defaults());
      assertContains(e.getMessage(), "first: reason one", "second: reason two", "third: reason three", "refused");
    }

    @Test
    void errorForAllRefusingDoesNotRepeatEndpointCredentials() {
      ProviderRegistry r = registry(new FakeProvider("first", 10, SCHEME).refusing("r1"),
          new FakeProvider("second", 5, SCHEME).refusing("r2"));
      ProviderConfigurationException e =
          fails(r, SCHEME + "://alice:s3cret@h?token=abc", ClientOptions.defaults());
      assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
      assertFalse(e.getMessage().contains("abc"), e.getMessage());
    }

    @Test
    void singleRefusingProviderThrowsItsOwnException() {
      ProviderConfigurationException reason = new ProviderConfigurationException("no GPU here");
      FakeProvider only = new FakeProvider("only", 5, SCHEME);
      only.refusalException = reason;
      assertSame(reason, fails(registry(only), SCHEME + "://h", ClientOptions.defaults()));
    }

    @Test
    void explicitlyNamedProviderThatRefusesIsNotReplacedByAnother() {
      FakeProvider picky = new FakeProvider("picky", 5, SCHEME).refusing("bad options");
      FakeProvider easy = new FakeProvider("easy", 10, SCHEME);
      ProviderConfigurationException e = fails(registry(picky, easy), SCHEME + "://h", named("picky"));
      assertContains(e.getMessage(), "bad options");
      assertEquals(0, easy.creates.get());
    }
  }

  // ------------------------------------------------------------------ options from the endpoint

  @Nested
  class QueryOptions {
    final ProtocolOption<String> format = ProtocolOption.ofString("request-format", "row");
    final ProtocolOption<String> api = ProtocolOption.ofString("api", "kserve");
    final ProtocolOption<Long> batch = ProtocolOption.ofLong("max-batch", 1);

    private FakeClient create(String endpoint, ClientOptions options) {
      FakeProvider p = new FakeProvider("p", 5, SCHEME);
      registry(p).createClient(Endpoint.parse(endpoint), options);
      return p.clients.get(0);
    }

    @Test
    void queryParametersArriveAsTextOptions() {
      FakeClient c = create(SCHEME + "://h?request-format=columnar&max-batch=8", ClientOptions.defaults());
      assertEquals("columnar", c.options.get(format));
      assertEquals(8L, c.options.get(batch));
      assertEquals(Set.of("request-format", "max-batch"), c.options.optionNames());
      assertEquals(Endpoint.parse(SCHEME + "://h?request-format=columnar&max-batch=8"), c.endpoint);
    }

    @Test
    void connectionSettingsInTheQuerySetTheOptionsOfTheSameName() {
      FakeClient c = create(SCHEME + "://h?max-connections=8&connection-idle-timeout=30s&keep-alive-time=45s"
          + "&keep-alive-timeout=5s&keep-alive-without-calls=true&api=tfs", ClientOptions.defaults());
      assertEquals(8, c.options.maxConnections());
      assertEquals(Duration.ofSeconds(30), c.options.connectionIdleTimeout());
      assertEquals(Duration.ofSeconds(45), c.options.keepAliveTime());
      assertEquals(Duration.ofSeconds(5), c.options.keepAliveTimeout());
      assertTrue(c.options.keepAliveWithoutCalls());
      assertEquals(Set.of("api"), c.options.optionNames(), "they are not protocol options a backend would refuse");
    }

    @Test
    void retryAndRoutingSettingsInTheQuerySetTheOptionsOfTheSameName() {
      FakeClient c = create(SCHEME + "://h?retry.max-attempts=3&retry.budget-ratio=5%25&balancing=least-in-flight"
          + "&health-check-interval=2s&outlier.consecutive-failures=2&outlier.ejection-time=1s&hedge-delay=30ms&api=tfs",
          ClientOptions.defaults());
      assertEquals(3, c.options.retryPolicy().maxAttempts());
      assertEquals(0.05, c.options.retryBudget().ratio(), 1e-9);
      assertEquals(io.inferlink.routing.Balancing.LEAST_IN_FLIGHT, c.options.balancing());
      assertEquals(Duration.ofSeconds(2), c.options.healthCheckInterval());
      assertEquals(2, c.options.outlierEjection().consecutiveFailures());
      assertEquals(Duration.ofSeconds(1), c.options.outlierEjection().baseEjectionTime());
      assertEquals(Duration.ofMillis(30), c.options.hedgeDelay());
      assertEquals(Set.of("api"), c.options.optionNames(), "they are not protocol options a backend would refuse");
      ClientOptions inCode = ClientOptions.builder().retryPolicy(io.inferlink.interceptor.RetryPolicy.none()).build();
      assertFalse(create(SCHEME + "://h?retry.max-attempts=3", inCode).options.retryPolicy().isEnabled(),
          "a policy set in code wins, even 'none'");
    }

    @Test
    void connectionSettingsSetInCodeWinOverTheQuery() {
      ClientOptions options = ClientOptions.builder().maxConnections(3).keepAliveWithoutCalls(false).build();
      FakeClient c = create(SCHEME + "://h?max-connections=8&keep-alive-without-calls=yes", options);
      assertEquals(3, c.options.maxConnections());
      assertFalse(c.options.keepAliveWithoutCalls());
    }

    @Test
    void aWrongConnectionSettingInTheQueryFailsCreateNamingIt() {
      FakeProvider p = new FakeProvider("p", 5, SCHEME);
      for (String[] bad : new String[][] {{"max-connections", "0"}, {"max-connections", "many"},
          {"connection-idle-timeout", "-1s"}, {"keep-alive-time", "1s"}, {"keep-alive-timeout", "soon"},
          {"keep-alive-without-calls", "maybe"}}) {
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
            () -> registry(p).createClient(Endpoint.parse(SCHEME + "://h?" + bad[0] + "=" + bad[1]), ClientOptions.defaults()));
        assertContains(e.getMessage(), bad[0]);
      }
      assertEquals(0, p.creates.get(), "refused before any provider ran");
    }

    @Test
    void typedOptionSetInCodeWinsOverTheQuery() {
      ClientOptions options = ClientOptions.builder().option(api, "tfs").build();
      assertEquals("tfs", create(SCHEME + "://h?api=kserve", options).options.get(api));
    }

    @Test
    void textOptionSetInCodeWinsOverTheQuery() {
      ClientOptions options = ClientOptions.builder().option("api", "tfs").build();
      assertEquals("tfs", create(SCHEME + "://h?api=kserve", options).options.get(api));
    }

    @Test
    void otherOptionsSurviveTheMerge() {
      ClientOptions options = ClientOptions.builder().requestTimeout(Duration.ofSeconds(3)).bearerToken("t")
          .header("x-a", "1").build();
      ClientOptions seen = create(SCHEME + "://h?api=tfs", options).options;
      assertEquals(Duration.ofSeconds(3), seen.requestTimeout());
      assertEquals("Bearer t", seen.authorizationHeader());
      assertEquals("1", seen.headers().get("x-a"));
    }

    @Test
    void callersOptionsAreNotChanged() {
      ClientOptions options = ClientOptions.builder().build();
      create(SCHEME + "://h?api=tfs", options);
      assertFalse(options.isSet(api));
    }

    @Test
    void badQueryValueFailsWhenTheProviderReadsIt() {
      FakeClient c = create(SCHEME + "://h?max-batch=lots", ClientOptions.defaults());
      ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class, () -> c.options.get(batch));
      assertContains(e.getMessage(), "max-batch", "lots");
    }
  }

  // ------------------------------------------------------------------ retries

  @Nested
  class Retries {
    final FakeProvider provider = new FakeProvider("p", 5, SCHEME);
    final InferenceRequest request =
        InferenceRequest.builder("m").input(Tensor.ofFloats("x", new float[] {1, 2}, 2)).build();

    private FakeClient lastClient() {
      return provider.clients.get(provider.clients.size() - 1);
    }

    private InferenceClient client(RetryPolicy policy, IntFunction<CompletableFuture<InferenceResponse>> script) {
      InferenceClient c = registry(provider).createClient(ENDPOINT, ClientOptions.builder().retryPolicy(policy).build());
      lastClient().script = script;
      return c;
    }

    private RetryPolicy fast(int attempts) {
      return new RetryPolicy(attempts, Duration.ofMillis(1), Duration.ofMillis(2), 2.0);
    }

    private Throwable failureOf(CompletableFuture<?> f) throws Exception {
      ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
      return e.getCause();
    }

    private CompletableFuture<InferenceResponse> fail(InferenceException e) {
      return CompletableFuture.failedFuture(e);
    }

    @Test
    void retryableFailuresAreRetriedUntilSuccess() throws Exception {
      InferenceResponse ok = InferenceResponse.builder().modelName("m").build();
      InferenceClient c = client(fast(5), n -> n < 3 ? fail(new UnavailableException("warming up"))
          : CompletableFuture.completedFuture(ok));
      assertSame(ok, c.inferAsync(request).get(10, TimeUnit.SECONDS));
      assertEquals(3, lastClient().calls.get());
    }

    @Test
    void everyRetryableCodeIsRetried() throws Exception {
      List<InferenceException> failures = List.of(new ResourceExhaustedException("busy"),
          new DeadlineExceededException("slow"),
          Errors.create(ErrorCode.ABORTED, "aborted", "p", null),
          new UnavailableException("down"));
      InferenceClient c = client(fast(5), n -> n <= failures.size() ? fail(failures.get(n - 1))
          : CompletableFuture.completedFuture(InferenceResponse.builder().build()));
      c.inferAsync(request).get(10, TimeUnit.SECONDS);
      assertEquals(5, lastClient().calls.get());
    }

    @Test
    void nonRetryableFailureIsNotRetriedAndKeepsItsIdentity() throws Exception {
      InvalidRequestException bad = new InvalidRequestException("wrong shape");
      InferenceClient c = client(fast(5), n -> fail(bad));
      assertSame(bad, failureOf(c.inferAsync(request)));
      Thread.sleep(50);
      assertEquals(1, lastClient().calls.get());
    }

    @Test
    void unexpectedExceptionBecomesUnknownAndIsNotRetried() throws Exception {
      InferenceClient c = client(fast(5), n -> CompletableFuture.failedFuture(new IOException("reset")));
      Throwable t = failureOf(c.inferAsync(request));
      InferenceException e = assertInstanceOf(InferenceException.class, t);
      assertEquals(ErrorCode.UNKNOWN, e.code());
      assertInstanceOf(IOException.class, e.getCause());
      assertEquals(1, lastClient().calls.get());
    }

    @Test
    void attemptsAreBoundedByThePolicy() throws Exception {
      InferenceClient c = client(fast(4), n -> fail(new UnavailableException("down " + n)));
      Throwable t = failureOf(c.inferAsync(request));
      assertInstanceOf(UnavailableException.class, t);
      assertEquals("down 4 [UNAVAILABLE]", t.getMessage(), "the last attempt's failure is reported");
      Thread.sleep(50);
      assertEquals(4, lastClient().calls.get());
    }

    @Test
    void noPolicyMeansNoRetry() throws Exception {
      InferenceClient c = client(RetryPolicy.none(), n -> fail(new UnavailableException("down")));
      assertInstanceOf(UnavailableException.class, failureOf(c.inferAsync(request)));
      Thread.sleep(50);
      assertEquals(1, lastClient().calls.get());
    }

    @Test
    void cancellingStopsFurtherAttempts() throws Exception {
      RetryPolicy slow = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofMillis(200), 1.0);
      InferenceClient c = client(slow, n -> fail(new UnavailableException("down")));
      CompletableFuture<InferenceResponse> f = c.inferAsync(request);
      assertTrue(f.cancel(true));
      Thread.sleep(500);
      assertEquals(1, lastClient().calls.get());
      assertTrue(f.isCancelled());
    }

    @Test
    void cancellingCancelsTheAttemptInFlight() {
      InferenceClient c = client(fast(3), n -> new CompletableFuture<>());
      CompletableFuture<InferenceResponse> f = c.inferAsync(request);
      assertEquals(1, lastClient().returned.size());
      f.cancel(true);
      assertTrue(lastClient().returned.get(0).isCancelled());
    }

    @Test
    void otherOperationsAreRetriedToo() throws Exception {
      InferenceClient c = client(fast(3), n -> new CompletableFuture<>());
      assertTrue(c.serverLiveAsync().get(10, TimeUnit.SECONDS));
      assertEquals(2, lastClient().calls.get());
    }

    @Test
    void aRequestThatMayHaveRunIsNotRetriedUnlessMarkedIdempotent() throws Exception {
      InferenceClient c = client(fast(5), n -> fail(outcomeUnknown("reset after the request was sent")));
      InferenceException e = assertInstanceOf(UnavailableException.class, failureOf(c.inferAsync(request)));
      assertEquals(InferenceException.Delivery.OUTCOME_UNKNOWN, e.delivery());
      Thread.sleep(50);
      assertEquals(1, lastClient().calls.get(), "the server may have run it: sending it again could run it twice");
    }

    @Test
    void anIdempotentRequestIsRetriedAfterAFailureThatMayHaveRun() throws Exception {
      InferenceResponse ok = InferenceResponse.builder().modelName("m").build();
      InferenceClient c = client(fast(5), n -> n < 3 ? fail(outcomeUnknown("reset " + n))
          : CompletableFuture.completedFuture(ok));
      assertSame(ok, c.inferAsync(request.toBuilder().idempotent(true).build()).get(10, TimeUnit.SECONDS));
      assertEquals(3, lastClient().calls.get());
    }

    @Test
    void aPolicyThatAllowsItRetriesFailuresThatMayHaveRun() throws Exception {
      InferenceResponse ok = InferenceResponse.builder().modelName("m").build();
      InferenceClient c = client(fast(5).retryingWhenOutcomeUnknown(), n -> n < 2 ? fail(outcomeUnknown("reset"))
          : CompletableFuture.completedFuture(ok));
      assertSame(ok, c.inferAsync(request).get(10, TimeUnit.SECONDS));
      assertEquals(2, lastClient().calls.get());
    }

    @Test
    void aRequestThatWasNeverSentIsRetriedEvenWhenNotIdempotent() throws Exception {
      InferenceResponse ok = InferenceResponse.builder().modelName("m").build();
      InferenceException refused = Errors.create(new InferenceException.Details(ErrorCode.UNAVAILABLE)
          .message("connection refused").delivery(InferenceException.Delivery.NOT_SENT));
      InferenceClient c = client(fast(5), n -> n < 3 ? fail(refused) : CompletableFuture.completedFuture(ok));
      assertSame(ok, c.inferAsync(request).get(10, TimeUnit.SECONDS));
      assertEquals(3, lastClient().calls.get());
    }

    @Test
    void wrappedClientStillLooksLikeTheProvidersClient() {
      InferenceClient c = client(fast(3), n -> new CompletableFuture<>());
      assertEquals("p", c.providerName());
      assertSame(lastClient(), c.unwrap(FakeClient.class));
      assertEquals(lastClient().capabilities(), c.capabilities());
      c.close();
      assertTrue(lastClient().closed);
    }
  }

  // ------------------------------------------------------------------ ServiceLoader

  @Nested
  class Discovery {
    @Test
    void loadFindsProvidersRegisteredInMetaInfServices() {
      ProviderRegistry r = ProviderRegistry.load(ProviderRegistryTest.class.getClassLoader());
      assertTrue(r.providers().stream().anyMatch(p -> p instanceof FakeServiceLoadedProvider), r.providers()::toString);
      assertTrue(r.schemes().contains(FakeServiceLoadedProvider.SCHEME));
    }

    @Test
    void defaultRegistryCreatesClientsFromAnEndpointString() throws Exception {
      try (InferenceClient c = InferenceClient.create("fake-sl://host:1234/base?mode=x")) {
        assertEquals(FakeServiceLoadedProvider.NAME, c.providerName());
        FakeServiceLoadedProvider.Client inner = c.unwrap(FakeServiceLoadedProvider.Client.class);
        assertEquals("host", inner.endpoint().host());
        assertEquals(1234, inner.endpoint().port());
        assertEquals("/base", inner.endpoint().basePath());
        assertEquals(Set.of("mode"), inner.options().optionNames());
        InferenceRequest request =
            InferenceRequest.builder("m").input(Tensor.ofFloats("x", new float[] {1, 2}, 2)).build();
        assertEquals("m", c.infer(request).modelName());
      }
    }

    @Test
    void defaultRegistryIsCreatedOnce() {
      assertSame(ProviderRegistry.getDefault(), ProviderRegistry.getDefault());
    }

    @Test
    void aBrokenServiceEntryDoesNotHideWorkingProviders(@TempDir Path dir) throws Exception {
      Path services = dir.resolve("META-INF/services/" + InferenceClientProvider.class.getName());
      Files.createDirectories(services.getParent());
      Files.writeString(services, "io.inferlink.spi.NoSuchProviderClass\n");
      try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
          ProviderRegistryTest.class.getClassLoader())) {
        ProviderRegistry r = ProviderRegistry.load(loader);
        assertTrue(r.providers().stream().anyMatch(p -> p instanceof FakeServiceLoadedProvider), r.providers()::toString);
      }
    }
  }
}
