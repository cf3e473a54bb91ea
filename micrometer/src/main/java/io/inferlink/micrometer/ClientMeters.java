package io.inferlink.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The meters of one {@link MicrometerInterceptor}, registered on first use and kept, so a call costs
 * map look-ups rather than building meter ids. Thread-safe.
 */
final class ClientMeters {
  private final MeterRegistry registry;
  private final Tags common;
  private final boolean histograms;
  private final Map<CallKey, Map<String, Timer>> timers = new ConcurrentHashMap<>();
  private final Map<CallKey, Map<String, Counter>> attempts = new ConcurrentHashMap<>();
  private final Map<CallKey, Counter> retries = new ConcurrentHashMap<>();
  private final Map<CallKey, DistributionSummary> requestSizes = new ConcurrentHashMap<>();
  private final Map<CallKey, DistributionSummary> responseSizes = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> active = new ConcurrentHashMap<>();

  ClientMeters(MeterRegistry registry, Tags common, boolean histograms) {
    this.registry = registry;
    this.common = common;
    this.histograms = histograms;
  }

  Timer calls(CallKey key, String outcome) {
    return timers.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).computeIfAbsent(outcome,
        o -> Timer.builder(MicrometerInterceptor.CALLS).description("Calls of an Inferlink client, retries included")
            .tags(key.tags(common)).tag(MicrometerInterceptor.TAG_OUTCOME, o)
            .publishPercentileHistogram(histograms).register(registry));
  }

  Counter attempts(CallKey key, String outcome) {
    return attempts.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).computeIfAbsent(outcome,
        o -> Counter.builder(MicrometerInterceptor.ATTEMPTS).description("Attempts sent, the first and each retry")
            .tags(key.tags(common)).tag(MicrometerInterceptor.TAG_OUTCOME, o).register(registry));
  }

  Counter retries(CallKey key) {
    return retries.computeIfAbsent(key, k -> Counter.builder(MicrometerInterceptor.RETRIES)
        .description("Attempts after the first of a call").tags(k.tags(common)).register(registry));
  }

  DistributionSummary requestSize(CallKey key) {
    return requestSizes.computeIfAbsent(key, k -> summary(MicrometerInterceptor.REQUEST_SIZE,
        "Bytes of the input tensors of inference requests", k));
  }

  DistributionSummary responseSize(CallKey key) {
    return responseSizes.computeIfAbsent(key, k -> summary(MicrometerInterceptor.RESPONSE_SIZE,
        "Bytes of the output tensors of inference responses", k));
  }

  /** The count behind the in-flight gauge of one provider; the gauge is registered with it. */
  AtomicLong active(String provider) {
    return active.computeIfAbsent(provider, p -> {
      AtomicLong count = new AtomicLong();
      // Strong reference: the count lives in this map anyway, and a weak gauge would read NaN after a GC.
      Gauge.builder(MicrometerInterceptor.ACTIVE, count, AtomicLong::get)
          .description("Calls started and not finished")
          .tags(common).tag(MicrometerInterceptor.TAG_PROVIDER, p).strongReference(true).register(registry);
      return count;
    });
  }

  private DistributionSummary summary(String name, String description, CallKey key) {
    return DistributionSummary.builder(name).description(description).baseUnit(BaseUnits.BYTES)
        .tags(key.tags(common)).publishPercentileHistogram(histograms).register(registry);
  }
}
