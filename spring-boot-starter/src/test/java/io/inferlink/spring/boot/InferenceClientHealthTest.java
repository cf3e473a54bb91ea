package io.inferlink.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.oip.OipRestFrontend;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/** The health of each client: server and listed models, DOWN with the error's message, no secret in details. */
class InferenceClientHealthTest {
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

  private static Health health(ApplicationContext context, String client) {
    CompositeHealthContributor all = context.getBean("inferlinkHealthContributor", CompositeHealthContributor.class);
    return ((HealthIndicator) all.getContributor(client)).health(true);
  }

  /** A 127.0.0.1 port nothing listens on: taken from the system, then let go. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void upWhenTheServerAndEveryListedModelAreReady() {
    runner.withPropertyValues("inferlink.clients.ranker.endpoint=" + endpoint,
        "inferlink.clients.ranker.health.models=add_one,identity")
        .run(context -> {
          Health health = health(context, "ranker");
          assertEquals(Status.UP, health.getStatus());
          assertEquals(Map.of("server", "ready", "models", Map.of("add_one", "ready", "identity", "ready")),
              health.getDetails());
        });
  }

  @Test
  void downWhenAListedModelIsNotThere() {
    runner.withPropertyValues("inferlink.clients.ranker.endpoint=" + endpoint,
        "inferlink.clients.ranker.health.models=add_one,no_such_model")
        .run(context -> {
          Health health = health(context, "ranker");
          assertEquals(Status.DOWN, health.getStatus(), String.valueOf(health.getDetails()));
          assertEquals("ready", health.getDetails().get("server"));
        });
  }

  @Test
  void downWithTheErrorsMessageWhenTheServerCannotBeReached() throws IOException {
    String unreachable = "kserve-v2+http://reader:pw-secret-1@127.0.0.1:" + closedPort();
    runner.withPropertyValues("inferlink.clients.ranker.endpoint=" + unreachable,
        "inferlink.clients.ranker.timeout=5s", "inferlink.clients.ranker.bearer-token=token-secret-2")
        .run(context -> {
          Health health = health(context, "ranker");
          assertEquals(Status.DOWN, health.getStatus());
          assertEquals("UNAVAILABLE", health.getDetails().get("code"), String.valueOf(health.getDetails()));
          String error = (String) health.getDetails().get("error");
          assertTrue(error.contains("[UNAVAILABLE"), error);
          assertFalse(health.toString().contains("pw-secret-1"), health.toString());
          assertFalse(health.toString().contains("token-secret-2"), health.toString());
        });
  }

  @Test
  void detailsOfAHealthyClientHoldNoSecret() {
    runner.withPropertyValues("inferlink.clients.ranker.endpoint=" + endpoint.replace("://", "://reader:pw-secret-1@"),
        "inferlink.clients.ranker.headers.X-Api-Key=key-secret-3", "inferlink.clients.ranker.health.models=add_one")
        .run(context -> {
          Health health = health(context, "ranker");
          assertEquals(Status.UP, health.getStatus());
          assertFalse(health.toString().contains("secret"), health.toString());
        });
  }

  @Test
  void oneClientOrAllOfThemCanBeLeftOut() {
    runner.withPropertyValues("inferlink.clients.ranker.endpoint=" + endpoint,
        "inferlink.clients.search.endpoint=" + endpoint, "inferlink.clients.search.health.enabled=false")
        .run(context -> {
          CompositeHealthContributor all = context.getBean("inferlinkHealthContributor", CompositeHealthContributor.class);
          assertEquals(Status.UP, ((HealthIndicator) all.getContributor("ranker")).health().getStatus());
          assertNull(all.getContributor("search"));
        });
    runner.withPropertyValues("inferlink.clients.ranker.endpoint=" + endpoint, "management.health.inferlink.enabled=false")
        .run(context -> assertFalse(context.containsBean("inferlinkHealthContributor")));
  }

  @Test
  void noHealthModuleNoIndicators() {
    runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .withPropertyValues("inferlink.clients.ranker.endpoint=" + endpoint)
        .run(context -> {
          assertNull(context.getStartupFailure());
          assertTrue(context.containsBean("ranker"));
          assertFalse(context.containsBean("inferlinkHealthContributor"));
        });
  }
}
