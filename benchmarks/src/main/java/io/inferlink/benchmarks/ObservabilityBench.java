package io.inferlink.benchmarks;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.interceptor.InferenceInterceptor;
import io.inferlink.micrometer.MicrometerInterceptor;
import io.inferlink.opentelemetry.InferenceTracing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.FloatBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What observability costs a small call: the {@code [1,4]} FP32 V2 gRPC request of {@link SmallRequestBench},
 * sync, in sample mode, with no interceptor (the pipeline's direct path), with one interceptor that only passes
 * the call on (the pipeline's own cost per interceptor), with Micrometer metrics (a {@code SimpleMeterRegistry}),
 * with OpenTelemetry tracing (the SDK, every span sampled and exported to a sink that drops it, W3C propagation
 * into the call's metadata), and with both. The p50 differences are what each adds per call.
 */
// The quick mode's iterations (benchmarks/run full and steady override them).
@Warmup(iterations = 3, time = 1000, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ObservabilityBench {
  private static final float[] VALUES = {0.25f, 0.5f, 0.75f, 1.0f};

  private Tensor tensor;
  private OpenTelemetrySdk openTelemetry;
  private InferenceClient plain;
  private InferenceClient passThrough;
  private InferenceClient metrics;
  private InferenceClient tracing;
  private InferenceClient both;

  @Setup
  public void setUp() {
    tensor = Tensor.ofFloats(Payloads.TENSOR, VALUES, 1, 4);
    openTelemetry = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(new PipelineCostBench.DroppingExporter())).build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
    InferenceInterceptor passOn = new InferenceInterceptor() {
      @Override
      public <T> java.util.concurrent.CompletableFuture<T> intercept(io.inferlink.interceptor.InferenceCall call, Chain<T> chain) {
        return chain.proceed(call);
      }
    };
    plain = client(BenchClients.options());
    passThrough = client(BenchClients.options().interceptor(passOn));
    metrics = client(BenchClients.options().interceptor(MicrometerInterceptor.builder(new SimpleMeterRegistry()).build()));
    tracing = client(BenchClients.options().interceptor(InferenceTracing.create(openTelemetry).interceptor()));
    both = client(BenchClients.options()
        .interceptor(MicrometerInterceptor.builder(new SimpleMeterRegistry()).build())
        .interceptor(InferenceTracing.create(openTelemetry).interceptor()));
  }

  private static InferenceClient client(ClientOptions.Builder options) {
    return BenchClients.inferlink("kserve-v2+grpc", BenchTargets.oipGrpcPort(), options.build());
  }

  @TearDown
  public void tearDown() {
    for (InferenceClient c : new InferenceClient[] {plain, passThrough, metrics, tracing, both}) {
      c.close();
    }
    openTelemetry.close();
  }

  @Benchmark
  public FloatBuffer no_interceptor() {
    return call(plain);
  }

  @Benchmark
  public FloatBuffer pass_through_interceptor() {
    return call(passThrough);
  }

  @Benchmark
  public FloatBuffer micrometer() {
    return call(metrics);
  }

  @Benchmark
  public FloatBuffer opentelemetry() {
    return call(tracing);
  }

  @Benchmark
  public FloatBuffer micrometer_and_opentelemetry() {
    return call(both);
  }

  private FloatBuffer call(InferenceClient client) {
    return client.infer(InferenceRequest.builder(Payloads.MODEL).input(tensor).build()).output(Payloads.TENSOR).asFloatBuffer();
  }
}
