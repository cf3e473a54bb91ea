package io.inferlink.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.oip.OipRestFrontend;
import io.inferlink.emulator.tfserving.TfServingGrpcFrontend;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The builder's choices (common tags, version tag, model cap, histograms), calls that concern no model,
 * and the in-flight gauge under concurrent calls.
 */
class MicrometerInterceptorOptionsTest {
  private static Emulator emulator;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().maxLifetime(Duration.ofMinutes(5))
        .frontend(new OipRestFrontend()).frontend(new TfServingGrpcFrontend()).build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static InferenceRequest addOne(ModelRef model) {
    return InferenceRequest.builder(model).input(Tensor.ofFloats("x", new float[] {1}, 1, 1)).build();
  }

  private static InferenceClient client(String scheme, MicrometerInterceptor metrics) {
    return InferenceClient.create(emulator.endpoint(scheme), ClientOptions.builder().interceptor(metrics).build());
  }

  private List<String> calls() {
    return MeterDump.of(registry).stream().filter(l -> l.startsWith(MicrometerInterceptor.CALLS + "{"))
        .collect(Collectors.toList());
  }

  @Test
  void serverLevelCallsAreTaggedWithNoModelAndCarryNoSizes() throws Exception {
    try (InferenceClient client = client("kserve-v2+http", MicrometerInterceptor.builder(registry).build())) {
      assertTrue(client.serverLiveAsync().get(10, TimeUnit.SECONDS));
      client.modelMetadataAsync(ModelRef.of("add_one")).get(10, TimeUnit.SECONDS);
    }
    assertEquals(List.of(
        "inferlink.client.calls.active{provider=kserve-v2-rest} value=0",
        "inferlink.client.calls{model=add_one,operation=model.metadata,outcome=OK,provider=kserve-v2-rest} count=1",
        "inferlink.client.calls{model=none,operation=server.live,outcome=OK,provider=kserve-v2-rest} count=1"),
        MeterDump.of(registry), "no attempt counters without attempts(), no sizes without tensors");
  }

  @Test
  void commonTagsGoOnEveryMeterAndTheVersionTagOnlyWhenAskedFor() throws Exception {
    MicrometerInterceptor metrics = MicrometerInterceptor.builder(registry).tags("client", "ranker")
        .modelVersionTag(true).build();
    try (InferenceClient client = client("kserve-v2+http", metrics)) {
      client.inferAsync(addOne(ModelRef.of("add_one", "1"))).get(10, TimeUnit.SECONDS);
      client.inferAsync(addOne(ModelRef.of("add_one"))).get(10, TimeUnit.SECONDS);
    }
    assertEquals(List.of(
        "inferlink.client.calls{client=ranker,model=add_one,model.version=1,operation=infer,outcome=OK,"
            + "provider=kserve-v2-rest} count=1",
        "inferlink.client.calls{client=ranker,model=add_one,model.version=none,operation=infer,outcome=OK,"
            + "provider=kserve-v2-rest} count=1"), calls());
    assertTrue(MeterDump.of(registry).stream().allMatch(l -> l.contains("client=ranker")), () -> "" + MeterDump.of(registry));
  }

  @Test
  void modelNamesPastTheCapShareOneTag() throws Exception {
    MicrometerInterceptor metrics = MicrometerInterceptor.builder(registry).maxModels(1).build();
    try (InferenceClient client = client("kserve-v2+http", metrics)) {
      client.inferAsync(addOne(ModelRef.of("add_one"))).get(10, TimeUnit.SECONDS);
      client.modelReadyAsync(ModelRef.of("identity")).get(10, TimeUnit.SECONDS);
      client.modelReadyAsync(ModelRef.of("classifier")).get(10, TimeUnit.SECONDS);
      client.modelReadyAsync(ModelRef.of("add_one")).get(10, TimeUnit.SECONDS);
    }
    assertEquals(List.of(
        "inferlink.client.calls{model=add_one,operation=infer,outcome=OK,provider=kserve-v2-rest} count=1",
        "inferlink.client.calls{model=add_one,operation=model.ready,outcome=OK,provider=kserve-v2-rest} count=1",
        "inferlink.client.calls{model=other,operation=model.ready,outcome=OK,provider=kserve-v2-rest} count=2"),
        calls());
    assertThrows(IllegalArgumentException.class, () -> MicrometerInterceptor.builder(registry).maxModels(0));
  }

  @Test
  void oneInterceptorServingTwoClientsKeepsAnInFlightGaugePerProvider() throws Exception {
    MicrometerInterceptor metrics = MicrometerInterceptor.builder(registry).build();
    try (InferenceClient rest = client("kserve-v2+http", metrics); InferenceClient grpc = client("tfserving+grpc", metrics)) {
      rest.inferAsync(addOne(ModelRef.of("add_one"))).get(10, TimeUnit.SECONDS);
      grpc.inferAsync(addOne(ModelRef.of("add_one"))).get(10, TimeUnit.SECONDS);
    }
    List<String> gauges = MeterDump.of(registry).stream().filter(l -> l.startsWith(MicrometerInterceptor.ACTIVE))
        .collect(Collectors.toList());
    assertEquals(List.of("inferlink.client.calls.active{provider=kserve-v2-rest} value=0",
        "inferlink.client.calls.active{provider=tfserving-grpc} value=0"), gauges);
  }

  @Test
  void theGaugeCountsEveryCallInFlightAndFallsBackToZero() throws Exception {
    try (InferenceClient client = client("kserve-v2+http", MicrometerInterceptor.builder(registry).build())) {
      List<CompletableFuture<InferenceResponse>> calls = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        calls.add(client.inferAsync(InferenceRequest.builder(ModelRef.of("sleep"))
            .input(Tensor.ofLongs("millis", new long[] {1_000}, 1)).build()));
      }
      assertEquals(5.0, registry.get(MicrometerInterceptor.ACTIVE).gauge().value(), "all five are in flight");
      for (CompletableFuture<InferenceResponse> call : calls) {
        call.get(10, TimeUnit.SECONDS);
      }
    }
    assertEquals(0.0, registry.get(MicrometerInterceptor.ACTIVE).gauge().value());
    assertEquals(5, registry.get(MicrometerInterceptor.CALLS).tag("outcome", "OK").timer().count());
  }

  @Test
  void percentileHistogramsAreOptIn() throws Exception {
    // SimpleMeterRegistry computes no buckets, so the test reads what each meter asked the registry for.
    List<String> asked = new CopyOnWriteArrayList<>();
    MeterFilter spy = new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        asked.add(id.getName() + " histogram=" + Boolean.TRUE.equals(config.isPercentileHistogram()));
        return config;
      }
    };
    SimpleMeterRegistry plain = new SimpleMeterRegistry();
    registry.config().meterFilter(spy);
    plain.config().meterFilter(spy);
    try (InferenceClient with = client("kserve-v2+http", MicrometerInterceptor.builder(registry)
        .publishPercentileHistogram(true).build());
        InferenceClient without = client("kserve-v2+http", MicrometerInterceptor.builder(plain).build())) {
      with.inferAsync(addOne(ModelRef.of("add_one"))).get(10, TimeUnit.SECONDS);
      without.inferAsync(addOne(ModelRef.of("add_one"))).get(10, TimeUnit.SECONDS);
    }
    assertEquals(List.of(
        "inferlink.client.calls histogram=false", "inferlink.client.calls histogram=true",
        "inferlink.client.request.size histogram=false", "inferlink.client.request.size histogram=true",
        "inferlink.client.response.size histogram=false", "inferlink.client.response.size histogram=true"),
        asked.stream().sorted().collect(Collectors.toList()));
  }
}
