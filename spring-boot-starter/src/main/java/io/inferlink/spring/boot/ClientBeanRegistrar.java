package io.inferlink.spring.boot;

import io.inferlink.InferenceClient;
import java.util.Map;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Registers one {@link InferenceClient} bean per {@code inferlink.clients} entry, named by its key, and
 * closed with the context. It reads the names here, before any bean exists; the clients themselves
 * are made later by {@link InferenceClientFactory}, once the properties are bound and the customizers
 * (metrics, tracing) exist. Used once by Spring at start-up.
 */
final class ClientBeanRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware, BeanFactoryAware {
  private Environment environment;
  private BeanFactory beanFactory;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void setBeanFactory(BeanFactory beanFactory) {
    this.beanFactory = beanFactory;
  }

  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
    Map<String, ClientProperties> clients = Binder.get(environment)
        .bind(InferlinkProperties.PREFIX + ".clients", Bindable.mapOf(String.class, ClientProperties.class))
        .orElse(Map.of());
    for (String name : clients.keySet()) {
      RootBeanDefinition definition = new RootBeanDefinition(InferenceClient.class,
          () -> beanFactory.getBean(InferenceClientFactory.class).create(name));
      definition.setDestroyMethodName("close");
      registry.registerBeanDefinition(name, definition);
    }
  }
}
