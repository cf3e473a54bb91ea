package io.inferlink.spring.boot;

import io.inferlink.micrometer.MicrometerInterceptor;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Micrometer metrics for every client when {@code inferlink-micrometer} is on the class path and the
 * application has a {@link MeterRegistry} bean: each client gets its own interceptor, tagged
 * {@code client=<name>} (two interceptors on one registry need different tags).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({MeterRegistry.class, MicrometerInterceptor.class})
class InferlinkMetricsConfiguration {
  /** Tag on every meter of a client: its bean name. */
  static final String CLIENT_TAG = "client";

  /**
   * The registry is looked up when a client is made, not when this configuration is read, so that it
   * does not depend on the order of auto-configurations; with none (or no unique one), no metrics.
   */
  @Bean
  @Order(0)
  InferenceClientCustomizer inferlinkMetricsCustomizer(ObjectProvider<MeterRegistry> registries) {
    return (name, options) -> {
      MeterRegistry registry = registries.getIfUnique();
      if (registry != null) {
        MicrometerInterceptor metrics = MicrometerInterceptor.builder(registry).tags(CLIENT_TAG, name).build();
        options.interceptor(metrics).attemptInterceptor(metrics.attempts());
      }
    };
  }
}
