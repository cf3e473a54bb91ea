package io.inferlink.spring.boot;

import io.inferlink.InferenceClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of Inferlink clients from {@code inferlink.clients.<name>.*}: one
 * {@link InferenceClient} bean per name, with metrics, tracing and health when the application has them.
 */
@AutoConfiguration
@ConditionalOnClass(InferenceClient.class)
@EnableConfigurationProperties(InferlinkProperties.class)
@Import({InferlinkMetricsConfiguration.class, InferlinkTracingConfiguration.class, InferlinkHealthConfiguration.class})
public class InferlinkAutoConfiguration {
  /** Created by Spring Boot when the auto-configuration applies. */
  public InferlinkAutoConfiguration() {}

  /** Static: it registers bean definitions, so it must exist before the configuration class is instantiated. */
  @Bean
  static ClientBeanRegistrar inferlinkClientBeanRegistrar() {
    return new ClientBeanRegistrar();
  }

  /** Makes the clients; an application may replace it with its own. */
  @Bean
  @ConditionalOnMissingBean
  InferenceClientFactory inferenceClientFactory(InferlinkProperties properties,
      ObjectProvider<InferenceClientCustomizer> customizers) {
    return new InferenceClientFactory(properties, customizers.orderedStream().toList());
  }
}
