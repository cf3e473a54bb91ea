package io.inferlink.opentelemetry;

import io.inferlink.interceptor.InferenceInterceptor;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import java.util.Objects;

/**
 * Tracing of Inferlink clients with an application's {@link OpenTelemetry}: create it once, add its
 * {@link #interceptor()} to the clients' options. Immutable and thread-safe.
 *
 * <pre>{@code
 * InferenceTracing tracing = InferenceTracing.create(openTelemetry);
 * InferenceClient client = InferenceClient.create(endpoint,
 *     ClientOptions.builder().interceptor(tracing.interceptor()).build());
 * }</pre>
 */
public final class InferenceTracing {
  /** The instrumentation scope of the spans: this module's name. */
  public static final String INSTRUMENTATION_NAME = "io.inferlink.opentelemetry";

  private final InferenceInterceptor interceptor;

  private InferenceTracing(OpenTelemetry openTelemetry) {
    Tracer tracer = openTelemetry.getTracer(INSTRUMENTATION_NAME);
    this.interceptor = new TracingInterceptor(tracer, openTelemetry.getPropagators().getTextMapPropagator());
  }

  /**
   * Tracing with the tracer provider and the text-map propagator of {@code openTelemetry}.
   *
   * @param openTelemetry the application's OpenTelemetry instance (the SDK, or a no-op one)
   * @return the tracing, whose {@link #interceptor()} the clients add
   */
  public static InferenceTracing create(OpenTelemetry openTelemetry) {
    return new InferenceTracing(Objects.requireNonNull(openTelemetry, "openTelemetry"));
  }

  /**
   * The interceptor to add with {@link io.inferlink.ClientOptions.Builder#interceptor}: one CLIENT span
   * per call, the trace context in the call's headers. Add it first, so that it is the outermost and
   * its span covers the retries of the call. The same instance serves any number of clients.
   *
   * @return the tracing interceptor (the same instance on every call)
   */
  public InferenceInterceptor interceptor() {
    return interceptor;
  }
}
