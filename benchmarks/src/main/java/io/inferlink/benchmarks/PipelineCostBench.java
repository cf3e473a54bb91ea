package io.inferlink.benchmarks;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.interceptor.InferenceCall;
import io.inferlink.interceptor.InferenceInterceptor;
import io.inferlink.micrometer.MicrometerInterceptor;
import io.inferlink.opentelemetry.InferenceTracing;
import io.inferlink.spi.support.Attempt;
import io.inferlink.spi.support.CallPipeline;
import io.inferlink.spi.support.PreparedCall;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pipeline's own cost per call, without a network to hide it: a blocking {@code infer} call through
 * {@link CallPipeline#executeBlocking} whose attempt is answered at once by a prepared response, with no
 * interceptor, one pass-through interceptor, Micrometer metrics, OpenTelemetry tracing (SDK, every span sampled
 * and exported to a sink that drops it, W3C propagation into the call's headers) and both, in sample mode. The
 * difference of the p50s is what each adds to every call of a real client (issue 16's bounds: 2 µs for the
 * pipeline, 10 µs for metrics and tracing together); {@link ObservabilityBench} shows the same over the
 * loopback network, where the differences drown in the noise of two shared cores.
 */
@Warmup(iterations = 3, time = 1000, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 1000, timeUnit = TimeUnit.MILLISECONDS)
@Fork(2)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PipelineCostBench {
  private InferenceCall call;
  private PreparedCall<InferenceResponse> answered;
  private OpenTelemetrySdk openTelemetry;
  private CallPipeline none;
  private CallPipeline passThrough;
  private CallPipeline metrics;
  private CallPipeline tracing;
  private CallPipeline both;

  @Setup
  public void setUp() {
    InferenceRequest request = InferenceRequest.builder(ModelRef.of("add_one"))
        .input(Tensor.ofFloats("x", new float[] {0.25f, 0.5f, 0.75f, 1f}, 1, 4)).build();
    InferenceResponse response = InferenceResponse.builder().modelName("add_one")
        .output(Tensor.ofFloats("y", new float[] {1.25f, 1.5f, 1.75f, 2f}, 1, 4)).build();
    call = InferenceCall.builder(InferenceCall.Operation.INFER).provider("kserve-v2-grpc")
        .endpoint("kserve-v2+grpc://127.0.0.1:8001").model(request.model()).request(request)
        .timeout(Duration.ofSeconds(30)).build();
    answered = new PreparedCall<>() {
      @Override
      public CompletableFuture<InferenceResponse> send(Attempt attempt) {
        return CompletableFuture.completedFuture(response);
      }

      @Override
      public InferenceResponse sendBlocking(Attempt attempt) {
        return response;
      }
    };
    openTelemetry = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(new DroppingExporter())).build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
    InferenceInterceptor passOn = new InferenceInterceptor() {
      @Override
      public <T> CompletableFuture<T> intercept(InferenceCall c, Chain<T> chain) {
        return chain.proceed(c);
      }
    };
    none = CallPipeline.of(ClientOptions.builder().build());
    passThrough = CallPipeline.of(ClientOptions.builder().interceptor(passOn).build());
    metrics = CallPipeline.of(ClientOptions.builder()
        .interceptor(MicrometerInterceptor.builder(new SimpleMeterRegistry()).build()).build());
    tracing = CallPipeline.of(ClientOptions.builder()
        .interceptor(InferenceTracing.create(openTelemetry).interceptor()).build());
    both = CallPipeline.of(ClientOptions.builder()
        .interceptor(MicrometerInterceptor.builder(new SimpleMeterRegistry()).build())
        .interceptor(InferenceTracing.create(openTelemetry).interceptor()).build());
  }

  @TearDown
  public void tearDown() {
    openTelemetry.close();
  }

  @Benchmark
  public InferenceResponse no_interceptor() {
    return none.executeBlocking(call, answered);
  }

  @Benchmark
  public InferenceResponse pass_through_interceptor() {
    return passThrough.executeBlocking(call, answered);
  }

  @Benchmark
  public InferenceResponse micrometer() {
    return metrics.executeBlocking(call, answered);
  }

  @Benchmark
  public InferenceResponse opentelemetry() {
    return tracing.executeBlocking(call, answered);
  }

  @Benchmark
  public InferenceResponse micrometer_and_opentelemetry() {
    return both.executeBlocking(call, answered);
  }

  /** Exports nowhere: each span is built, ended and handed to an exporter, as in production, then dropped. */
  static final class DroppingExporter implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
