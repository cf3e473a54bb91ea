package io.inferlink.internal.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.Capabilities;
import io.inferlink.Capability;
import io.inferlink.ClientOptions;
import io.inferlink.DataType;
import io.inferlink.InferenceClient;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.interceptor.InferenceInterceptor;
import io.inferlink.interceptor.RetryPolicy;
import io.inferlink.routing.Balancing;
import io.inferlink.routing.EndpointGroup;
import io.inferlink.routing.EndpointStatus;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.InferenceClientProvider;
import io.inferlink.spi.ProviderRegistry;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * How a group comes out of configuration: a multi-host endpoint, fallback endpoints in code, properties and
 * environment, routing settings in the endpoint's query; bad values refused naming the option; members made with
 * options stripped of what the group does itself; capabilities that every member has.
 */
class GroupConfigurationTest {
  private final List<FakeMember> made = new CopyOnWriteArrayList<>();
  private final ProviderRegistry registry = ProviderRegistry.of(List.of(provider("fake"), provider("other")));

  private InferenceClientProvider provider(String scheme) {
    return new InferenceClientProvider() {
      @Override
      public String name() {
        return scheme + "-provider";
      }

      @Override
      public Set<String> schemes() {
        return Set.of(scheme);
      }

      @Override
      public InferenceClient create(Endpoint endpoint, ClientOptions options) {
        Capabilities caps = endpoint.host().startsWith("nofp16")
            ? Capabilities.of(EnumSet.of(Capability.SERVER_READY), EnumSet.of(DataType.FP32))
            : FakeMember.ALL;
        FakeMember m = new FakeMember(endpoint.host(), caps, options);
        made.add(m);
        return m;
      }
    };
  }

  private static ClientOptions.Builder quiet() {
    return ClientOptions.builder().healthCheckInterval(Duration.ZERO);
  }

  @Test
  void aSingleHostWithoutFallbacksIsThePlainClient() {
    InferenceClient client = registry.createClient("fake://a:1", quiet().build());
    assertInstanceOf(FakeMember.class, client);
    assertThrows(io.inferlink.UnsupportedFeatureException.class, () -> client.unwrap(EndpointGroup.class));
  }

  @Test
  void aMultiHostEndpointIsOneGroupOfOneMemberPerHost() {
    try (InferenceClient client = registry.createClient("fake://a:1,b:2/base?balancing=least-in-flight&api=x",
        quiet().build())) {
      List<EndpointStatus> members = client.unwrap(EndpointGroup.class).members();
      assertEquals(List.of("fake://a:1/base?balancing=least-in-flight&api=x",
          "fake://b:2/base?balancing=least-in-flight&api=x"),
          members.stream().map(EndpointStatus::endpoint).toList());
      assertEquals(List.of(0, 0), members.stream().map(EndpointStatus::tier).toList());
      assertEquals(Balancing.LEAST_IN_FLIGHT, ((ClientGroup) client).groupOptions().balancing());
      assertEquals("x", made.get(0).options.get(io.inferlink.ProtocolOption.ofString("api", ""))
          , "protocol options still reach each member");
    }
  }

  @Test
  void fallbackEndpointsInCodeBecomeTiersOfAnyProtocolEachWithItsHosts() {
    try (InferenceClient client = registry.createClient("fake://a:1",
        quiet().fallbackEndpoints("other://b:1,c:1", "fake://d:1").build())) {
      List<EndpointStatus> members = client.unwrap(EndpointGroup.class).members();
      assertEquals(List.of(0, 1, 1, 2), members.stream().map(EndpointStatus::tier).toList());
      assertEquals("other://c:1", members.get(2).endpoint());
    }
  }

  @Test
  void fallbackEndpointsComeFromPropertiesAndTheEnvironmentSeparatedBySpaces() {
    Properties p = new Properties();
    p.setProperty("inferlink.fallback-endpoints", "other://b:1  fake://c:1");
    p.setProperty("inferlink.health-check-interval", "0");
    assertEquals(List.of("other://b:1", "fake://c:1"), ClientOptions.fromProperties(p).fallbackEndpoints());
    ClientOptions env = ClientOptions.fromEnvironment(Map.of("INFERLINK_ENDPOINT", "fake://a:1,a2:1",
        "INFERLINK_FALLBACK_ENDPOINTS", "other://b:1", "INFERLINK_HEALTH_CHECK_INTERVAL", "0"));
    try (InferenceClient client = registry.createClient(env.endpoint(), env)) {
      assertEquals(List.of(0, 0, 1), client.unwrap(EndpointGroup.class).members().stream()
          .map(EndpointStatus::tier).toList());
    }
  }

  @Test
  void badRoutingValuesAreRefusedNamingTheOption() {
    ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
        () -> registry.createClient("fake://a:1,b:1?balancing=random", quiet().build()));
    assertTrue(e.getMessage().contains("balancing"), e.getMessage());
    e = assertThrows(ProviderConfigurationException.class,
        () -> registry.createClient("fake://a:1,b:1?outlier.consecutive-failures=many", quiet().build()));
    assertTrue(e.getMessage().contains("outlier.consecutive-failures"), e.getMessage());
    e = assertThrows(ProviderConfigurationException.class,
        () -> registry.createClient("fake://a:1", quiet().fallbackEndpoints("nonsense").build()));
    assertTrue(e.getMessage().startsWith("fallback-endpoints: "), e.getMessage());
    assertTrue(made.isEmpty(), "nothing made before the configuration was checked");
    assertThrows(IllegalArgumentException.class, () -> registry.createClient("fake://a:1,,b:1", quiet().build()));
  }

  @Test
  void aMemberThatCannotBeMadeClosesThoseMadeBefore() {
    ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
        () -> registry.createClient("fake://a:1,b:1", quiet().fallbackEndpoints("unknown://c:1").build()));
    assertTrue(e.getMessage().contains("unknown"), e.getMessage());
    assertEquals(2, made.size());
    made.forEach(m -> assertTrue(m.closed));
  }

  @Test
  void membersAreMadeWithoutTheGroupsInterceptorsRetriesAndRouting() {
    InferenceInterceptor interceptor = new InferenceInterceptor() {
      @Override
      public <T> java.util.concurrent.CompletableFuture<T> intercept(io.inferlink.interceptor.InferenceCall call,
          Chain<T> chain) {
        return chain.proceed(call);
      }
    };
    ClientOptions options = ClientOptions.builder().interceptor(interceptor).attemptInterceptor(interceptor)
        .retryPolicy(RetryPolicy.exponential(3)).fallbackEndpoints("fake://f:1").hedgeDelay(Duration.ofMillis(5))
        .healthCheckInterval(Duration.ofSeconds(30)).requestTimeout(Duration.ofSeconds(7)).build();
    try (InferenceClient client = registry.createClient("fake://a:1?retry.max-attempts=5", options)) {
      for (FakeMember m : made) {
        assertTrue(m.options.interceptors().isEmpty());
        assertTrue(m.options.attemptInterceptors().isEmpty());
        assertFalse(m.options.retryPolicy().isEnabled(), "not even from the query");
        assertTrue(m.options.fallbackEndpoints().isEmpty());
        assertTrue(m.options.hedgeDelay().isZero());
        assertTrue(m.options.healthCheckInterval().isZero());
        assertEquals(Duration.ofSeconds(7), m.options.requestTimeout(), "connection settings stay");
      }
      assertEquals(3, ((ClientGroup) client).groupOptions().retryPolicy().maxAttempts(), "the group has the retries");
    }
  }

  @Test
  void aGroupCanDoWhatEveryMemberCanAndUnwrapsToTheFirstMembersExtensions() {
    try (InferenceClient client = registry.createClient("fake://a:1", quiet().fallbackEndpoints("fake://nofp16:1")
        .build())) {
      assertTrue(client.capabilities().supports(DataType.FP32));
      assertFalse(client.capabilities().supports(DataType.FP16), "what fails after failover is refused up front");
      assertFalse(client.capabilities().supports(Capability.MODEL_METADATA));
      assertSame(made.get(0), client.unwrap(FakeMember.class), "extensions: the first member's");
      assertSame(client, client.unwrap(InferenceClient.class));
    }
  }

  @Test
  void closingTheGroupClosesEveryMember() {
    InferenceClient client = registry.createClient("fake://a:1,b:1", quiet().fallbackEndpoints("fake://c:1").build());
    client.close();
    assertEquals(3, made.size());
    made.forEach(m -> assertTrue(m.closed));
    assertThrows(IllegalStateException.class, () -> client.infer(TestGroups.request()));
  }
}
