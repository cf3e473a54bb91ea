package io.inferlink.spring.boot;

import io.inferlink.opentelemetry.InferenceTracing;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * OpenTelemetry tracing for every client when {@code inferlink-opentelemetry} is on the class path and the
 * application has an {@link OpenTelemetry} bean.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({OpenTelemetry.class, InferenceTracing.class})
class InferlinkTracingConfiguration {
  /**
   * First of all customizers: the tracing interceptor must be the outermost, so that its span covers the
   * retries and the other interceptors. The bean is looked up when a client is made, as for metrics.
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  InferenceClientCustomizer inferlinkTracingCustomizer(ObjectProvider<OpenTelemetry> openTelemetry) {
    return (name, options) -> {
      OpenTelemetry otel = openTelemetry.getIfUnique();
      if (otel != null) {
        options.interceptor(InferenceTracing.create(otel).interceptor());
      }
    };
  }
}
