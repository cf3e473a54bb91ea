package io.inferlink.spring.boot.example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.oip.OipRestFrontend;
import io.inferlink.micrometer.MicrometerInterceptor;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example application, started by Spring Boot from its {@code application.yaml}, against the emulator:
 * the endpoint is the one value the test replaces. The context is closed after the class (and with it the
 * client), before the emulator stops.
 */
@SpringBootTest(classes = ScoringApplication.class)
@DirtiesContext
class ScoringApplicationTest {
  private static Emulator emulator;

  @Autowired
  private ScoringService scoring;

  @Autowired
  private MeterRegistry registry;

  @Autowired
  @Qualifier("inferlinkHealthContributor")
  private CompositeHealthContributor health;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().maxLifetime(Duration.ofMinutes(5)).frontend(new OipRestFrontend()).build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @DynamicPropertySource
  static void endpoint(DynamicPropertyRegistry properties) {
    properties.add("inferlink.clients.ranker.endpoint", () -> emulator.endpoint("kserve-v2+http"));
  }

  @Test
  void scoresThroughTheConfiguredClient() {
    assertArrayEquals(new float[] {2f, 3.5f}, scoring.score(1f, 2.5f));
    assertEquals(1, registry.get(MicrometerInterceptor.CALLS).tag("client", "ranker").tag("outcome", "OK")
        .timer().count());
  }

  @Test
  void theClientIsHealthyWithItsModel() {
    Health ranker = ((HealthIndicator) health.getContributor("ranker")).health(true);
    assertEquals(Status.UP, ranker.getStatus());
    assertEquals(Map.of("server", "ready", "models", Map.of("add_one", "ready")), ranker.getDetails());
  }
}
