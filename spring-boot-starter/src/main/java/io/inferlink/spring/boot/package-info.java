/**
 * Spring Boot auto-configuration of Inferlink clients: {@code inferlink.clients.<name>.*} properties become
 * one {@link io.inferlink.InferenceClient} bean per name, with a health indicator each and, when the
 * application has them, Micrometer metrics and OpenTelemetry tracing. {@link
 * io.inferlink.spring.boot.InferenceClientCustomizer} beans change the options of every client in code.
 */
package io.inferlink.spring.boot;
