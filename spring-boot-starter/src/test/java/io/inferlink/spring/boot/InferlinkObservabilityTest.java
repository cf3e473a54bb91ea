package io.inferlink.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.InferenceClient;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.oip.OipRestFrontend;
import io.inferlink.micrometer.MicrometerInterceptor;
import io.inferlink.opentelemetry.InferenceTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Micrometer and OpenTelemetry are wired in when their modules and beans are there, and only then. */
class InferlinkObservabilityTest {
  private static Emulator emulator;
  private static String endpoint;

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(InferlinkAutoConfiguration.class))
        .withPropertyValues("inferlink.clients.ranker.endpoint=" + endpoint);
  }

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().maxLifetime(Duration.ofMinutes(5)).frontend(new OipRestFrontend()).build().start();
    endpoint = emulator.endpoint("kserve-v2+http");
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void callsAreTimedInTheApplicationsRegistryTaggedWithTheClientsName() {
    runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
      context.getBean("ranker", InferenceClient.class).infer(InferlinkAutoConfigurationTest.addOne(1));
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      assertEquals(1, registry.get(MicrometerInterceptor.CALLS).tag("client", "ranker").tag("operation", "infer")
          .tag("outcome", "OK").timer().count());
      assertEquals(1, registry.get(MicrometerInterceptor.ATTEMPTS).tag("client", "ranker").counter().count(),
          "attempts are counted too");
    });
  }

  @Test
  void withoutARegistryBeanClientsWorkUnmetered() {
    runner().run(context -> {
      assertNull(context.getStartupFailure());
      assertTrue(context.getBean("ranker", InferenceClient.class).serverReady());
    });
  }

  @Test
  void withoutInferlinkMicrometerNoMetricsConfiguration() {
    runner().withClassLoader(new FilteredClassLoader(MicrometerInterceptor.class))
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(context -> {
          assertNull(context.getStartupFailure());
          assertFalse(context.containsBean("inferlinkMetricsCustomizer"));
          assertTrue(context.getBean("ranker", InferenceClient.class).serverReady());
          assertTrue(context.getBean(MeterRegistry.class).getMeters().isEmpty());
        });
  }

  @Test
  void callsAreTracedWithTheApplicationsOpenTelemetry() {
    runner().withUserConfiguration(Tracing.class).run(context -> {
      context.getBean("ranker", InferenceClient.class).infer(InferlinkAutoConfigurationTest.addOne(1));
      List<SpanData> spans = context.getBean(InMemorySpanExporter.class).getFinishedSpanItems();
      assertEquals(List.of("infer add_one"), spans.stream().map(SpanData::getName).toList());
    });
  }

  @Test
  void tracingComesBeforeMetricsSoItsSpanCoversThem() {
    runner().withUserConfiguration(Tracing.class).withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(context -> {
          List<InferenceClientCustomizer> ordered = context.getBeanProvider(InferenceClientCustomizer.class)
              .orderedStream().toList();
          assertEquals(List.of(context.getBean("inferlinkTracingCustomizer"), context.getBean("inferlinkMetricsCustomizer")),
              ordered);
        });
  }

  @Test
  void withoutInferlinkOpenTelemetryNoTracingConfiguration() {
    runner().withClassLoader(new FilteredClassLoader(InferenceTracing.class)).withUserConfiguration(Tracing.class)
        .run(context -> {
          assertNull(context.getStartupFailure());
          assertFalse(context.containsBean("inferlinkTracingCustomizer"));
          context.getBean("ranker", InferenceClient.class).serverReady();
          assertTrue(context.getBean(InMemorySpanExporter.class).getFinishedSpanItems().isEmpty());
        });
  }

  @Test
  void withoutAnOpenTelemetryBeanNoSpans() {
    runner().run(context -> {
      assertNotNull(context.getBean("inferlinkTracingCustomizer"));
      assertTrue(context.getBean("ranker", InferenceClient.class).serverReady());
    });
  }

  @Configuration(proxyBeanMethods = false)
  static class Tracing {
    @Bean
    InMemorySpanExporter spans() {
      return InMemorySpanExporter.create();
    }

    @Bean(destroyMethod = "close")
    OpenTelemetrySdk openTelemetry(InMemorySpanExporter spans) {
      return OpenTelemetrySdk.builder()
          .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
          .build();
    }
  }

}
