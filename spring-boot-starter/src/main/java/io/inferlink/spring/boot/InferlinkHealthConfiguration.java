package io.inferlink.spring.boot;

import io.inferlink.InferenceClient;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health of every client when Spring Boot's health module is on the class path, under the contributor
 * {@code inferlink} ({@code /actuator/health/inferlink/<name>}); {@code management.health.inferlink.enabled=false}
 * turns it off, {@code inferlink.clients.<name>.health.enabled=false} one client's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("inferlink")
class InferlinkHealthConfiguration {
  /** The bean name makes the contributor's name: {@code inferlink}. */
  @Bean
  HealthContributor inferlinkHealthContributor(InferlinkProperties properties, BeanFactory beans) {
    Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
    properties.getClients().forEach((name, client) -> {
      if (client.getHealth().isEnabled()) {
        indicators.put(name, new InferenceClientHealthIndicator(
            () -> beans.getBean(name, InferenceClient.class), client.getHealth().getModels()));
      }
    });
    return CompositeHealthContributor.fromMap(indicators);
  }
}
