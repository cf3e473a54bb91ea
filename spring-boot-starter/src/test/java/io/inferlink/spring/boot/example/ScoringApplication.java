package io.inferlink.spring.boot.example;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A small Spring Boot application on the starter: its {@code application.yaml} declares the client
 * {@code ranker}, which {@link ScoringService} receives by name. Run it against a model server with
 * {@code RANKER_ENDPOINT=kserve-v2+http://host:8000}; {@code ScoringApplicationTest} runs it against the
 * emulator.
 */
@SpringBootApplication
public class ScoringApplication {
  /** Starts the application. */
  public static void main(String[] args) {
    SpringApplication.run(ScoringApplication.class, args);
  }

  /**
   * A registry of its own, standing in for the one Spring Boot's actuator would provide: with it, the starter
   * times every call of {@code ranker} under the tag {@code client=ranker}.
   */
  @Bean
  MeterRegistry meterRegistry() {
    return new SimpleMeterRegistry();
  }
}
