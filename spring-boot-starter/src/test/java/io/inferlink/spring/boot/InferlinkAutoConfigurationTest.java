package io.inferlink.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.Tensor;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.oip.OipRestFrontend;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans per client name, bound and refused properties, customizers, closing, secrets. */
class InferlinkAutoConfigurationTest {
  private static Emulator emulator;
  private static String endpoint;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(InferlinkAutoConfiguration.class));

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().maxLifetime(Duration.ofMinutes(5)).frontend(new OipRestFrontend()).build().start();
    endpoint = emulator.endpoint("kserve-v2+http");
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  static InferenceRequest addOne(float value) {
    return InferenceRequest.builder("add_one").input(Tensor.ofFloats("x", new float[] {value}, 1, 1)).build();
  }

  @Test
  void eachEntryBecomesAClientBeanOfItsName() {
    runner.withPropertyValues("inferlink.clients.ranker.endpoint=" + endpoint,
        "inferlink.clients.search.endpoint=" + endpoint, "inferlink.clients.search.timeout=5s")
        .run(context -> {
          assertEquals(Map.of("ranker", context.getBean("ranker"), "search", context.getBean("search")),
              context.getBeansOfType(InferenceClient.class));
          InferenceClient ranker = context.getBean("ranker", InferenceClient.class);
          assertTrue(ranker.serverReady());
          float[] out = ranker.infer(addOne(41)).output("y").toFloatArray();
          assertEquals(42f, out[0]);
          assertTrue(context.getBean("search", InferenceClient.class).serverLive());
        });
  }

  @Test
  void noEntriesNoClients() {
    runner.run(context -> {
      assertNull(context.getStartupFailure());
      assertTrue(context.getBeansOfType(InferenceClient.class).isEmpty());
    });
  }

  @Test
  void clientsAreClosedWithTheContext() {
    AtomicReference<InferenceClient> client = new AtomicReference<>();
    runner.withPropertyValues("inferlink.clients.ranker.endpoint=" + endpoint)
        .run(context -> client.set(context.getBean("ranker", InferenceClient.class)));
    IllegalStateException closed = assertThrows(IllegalStateException.class, () -> client.get().serverReady());
    assertTrue(closed.getMessage().endsWith("client is closed"), closed.getMessage());
  }

  @Test
  void aBadTimeoutStopsTheStartWithThePropertysName() {
    runner.withPropertyValues("inferlink.clients.ranker.endpoint=" + endpoint, "inferlink.clients.ranker.timeout=soon")
        .run(context -> assertEquals(
            "inferlink.clients.ranker.timeout: 'soon' is not a duration (examples: 30s, 500ms, 2m, PT30S)"
                + " [FAILED_PRECONDITION]",
            configurationFailure(context.getStartupFailure()).getMessage()));
  }

  @Test
  void anEndpointNoBackendServesStopsTheStartWithThePropertysName() {
    runner.withPropertyValues("inferlink.clients.ranker.endpoint=torchserve+http://127.0.0.1:1")
        .run(context -> {
          Throwable cause = configurationFailure(context.getStartupFailure());
          assertTrue(cause.getMessage().contains("no provider for scheme 'torchserve+http'"), cause.getMessage());
          assertTrue(cause.getMessage().startsWith("inferlink.clients.ranker.endpoint: "), cause.getMessage());
        });
  }

  @Test
  void aMalformedEndpointStopsTheStartWithThePropertysName() {
    runner.withPropertyValues("inferlink.clients.ranker.endpoint=kserve-v2+http://[::1")
        .run(context -> {
          String message = configurationFailure(context.getStartupFailure()).getMessage();
          assertTrue(message.startsWith("inferlink.clients.ranker.endpoint: "), message);
        });
  }

  @Test
  void aValueOfTheWrongTypeIsABindingErrorNamingTheProperty() {
    runner.withPropertyValues("inferlink.clients.ranker.endpoint=" + endpoint,
        "inferlink.clients.ranker.retry.max-attempts=many")
        .run(context -> {
          BindException bind = find(context.getStartupFailure(), BindException.class);
          assertNotNull(bind, String.valueOf(context.getStartupFailure()));
          assertEquals("inferlink.clients.ranker.retry.max-attempts", bind.getProperty().getName().toString());
        });
  }

  @Test
  void customizersSeeEveryClientByName() {
    runner.withUserConfiguration(CountingCustomizer.class)
        .withPropertyValues("inferlink.clients.ranker.endpoint=" + endpoint, "inferlink.clients.search.endpoint=" + endpoint)
        .run(context -> {
          CountingCustomizer customizer = context.getBean(CountingCustomizer.class);
          assertEquals(Map.of("ranker", 1, "search", 1), customizer.clients);
          context.getBean("ranker", InferenceClient.class).serverReady();
          assertEquals(1, customizer.calls.get(), "its interceptor saw the call");
        });
  }

  @Test
  void secretsStayOutOfTheClientsText() {
    String withPassword = endpoint.replace("://", "://reader:pw-secret-1@");
    runner.withPropertyValues("inferlink.clients.ranker.endpoint=" + withPassword,
        "inferlink.clients.ranker.bearer-token=token-secret-2",
        "inferlink.clients.ranker.headers.X-Api-Key=key-secret-3")
        .run(context -> {
          InferenceClient ranker = context.getBean("ranker", InferenceClient.class);
          String text = ranker.toString() + context.getBean(InferlinkProperties.class);
          for (String secret : new String[] {"pw-secret-1", "token-secret-2", "key-secret-3"}) {
            assertFalse(text.contains(secret), text);
          }
        });
  }

  @Test
  void anApplicationsOwnFactoryReplacesTheStarters() {
    runner.withUserConfiguration(OwnFactory.class)
        .withPropertyValues("inferlink.clients.ranker.endpoint=" + endpoint)
        .run(context -> {
          assertArrayEquals(new String[] {"ownFactory"}, context.getBeanNamesForType(InferenceClientFactory.class));
          assertTrue(context.getBean("ranker", InferenceClient.class).serverReady());
        });
  }

  /** The starter's own exception, the outermost of its type: core's, which it wraps, names core's keys. */
  static ProviderConfigurationException configurationFailure(Throwable t) {
    assertNotNull(t, "the context should have failed to start");
    ProviderConfigurationException found = find(t, ProviderConfigurationException.class);
    assertNotNull(found, t.toString());
    return found;
  }

  static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static void assertNull(Object value) {
    org.junit.jupiter.api.Assertions.assertNull(value);
  }

  @Configuration(proxyBeanMethods = false)
  static class CountingCustomizer implements InferenceClientCustomizer {
    final Map<String, Integer> clients = new java.util.concurrent.ConcurrentHashMap<>();
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public void customize(String clientName, io.inferlink.ClientOptions.Builder options) {
      clients.merge(clientName, 1, Integer::sum);
      if (clientName.equals("ranker")) {
        options.interceptor(new io.inferlink.interceptor.InferenceInterceptor() {
          @Override
          public <T> java.util.concurrent.CompletableFuture<T> intercept(
              io.inferlink.interceptor.InferenceCall call, Chain<T> chain) {
            calls.incrementAndGet();
            return chain.proceed(call);
          }
        });
      }
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnFactory {
    @Bean
    InferenceClientFactory ownFactory(InferlinkProperties properties) {
      return new InferenceClientFactory(properties, java.util.List.of());
    }
  }
}
