package io.inferlink.micrometer;

import io.inferlink.interceptor.InferenceCall;
import io.inferlink.interceptor.InferenceInterceptor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records every call of a client in a Micrometer {@link MeterRegistry}: its time and outcome, the calls
 * in flight, and the bytes of inference requests and responses; its {@link #attempts()} companion counts
 * attempts and retries. The meters and tags are listed in the package documentation.
 *
 * <pre>
 * MicrometerInterceptor metrics = MicrometerInterceptor.builder(registry).build();
 * ClientOptions options = ClientOptions.builder()
 *     .interceptor(metrics).attemptInterceptor(metrics.attempts())
 *     .retryPolicy(RetryPolicy.exponential(3)).build();
 * </pre>
 *
 * Thread-safe: one instance may serve several clients; they then share meters, told apart by their
 * {@code provider} tag. Two instances on one registry need different common tags ({@link Builder#tags}):
 * Micrometer keeps the first gauge registered under a name and tags, so the second instance's in-flight
 * count would not be read.
 */
public final class MicrometerInterceptor implements InferenceInterceptor {
  /** Timer of calls, from the start to the outcome, retries and backoffs included. */
  public static final String CALLS = "inferlink.client.calls";
  /** Gauge of calls started and not finished. */
  public static final String ACTIVE = "inferlink.client.calls.active";
  /** Counter of attempts, recorded by {@link #attempts()}. */
  public static final String ATTEMPTS = "inferlink.client.attempts";
  /** Counter of attempts after the first, recorded by {@link #attempts()}. */
  public static final String RETRIES = "inferlink.client.retries";
  /** Distribution summary of the input tensors' bytes of each inference request. */
  public static final String REQUEST_SIZE = "inferlink.client.request.size";
  /** Distribution summary of the output tensors' bytes of each inference response. */
  public static final String RESPONSE_SIZE = "inferlink.client.response.size";

  /** Tag: the operation's name, {@link InferenceCall#operationName()}. */
  public static final String TAG_OPERATION = "operation";
  /** Tag: the model's name, {@code none} for server-level calls, {@code other} past the cap. */
  public static final String TAG_MODEL = "model";
  /** Tag, only when {@link Builder#modelVersionTag} is on: the version, else the label, else {@code none}. */
  public static final String TAG_MODEL_VERSION = "model.version";
  /** Tag: the provider's name, e.g. {@code kserve-v2-rest}. */
  public static final String TAG_PROVIDER = "provider";
  /** Tag: {@code OK}, or the {@link io.inferlink.ErrorCode} name of the failure ({@code CANCELLED}...). */
  public static final String TAG_OUTCOME = "outcome";

  private final ClientMeters meters;
  private final ModelNames models;
  private final boolean versionTag;
  private final InferenceInterceptor attempts;

  private MicrometerInterceptor(Builder b) {
    this.meters = new ClientMeters(b.registry, b.tags, b.histograms);
    this.models = new ModelNames(b.maxModels);
    this.versionTag = b.versionTag;
    this.attempts = new AttemptCounter(this);
  }

  /**
   * Starts an interceptor recording into {@code registry}.
   *
   * @param registry where the meters are registered as calls first need them
   * @return a builder with no extra tags, no version tag, no histograms and a cap of 100 models
   */
  public static Builder builder(MeterRegistry registry) {
    return new Builder(registry);
  }

  /**
   * The companion that counts attempts ({@value #ATTEMPTS}) and retries ({@value #RETRIES}): add it with
   * {@link io.inferlink.ClientOptions.Builder#attemptInterceptor}, which places it inside the retries,
   * where each attempt passes. It shares this interceptor's meters and model cap.
   *
   * @return the attempt counter belonging to this interceptor (the same instance on every call)
   */
  public InferenceInterceptor attempts() {
    return attempts;
  }

  @Override
  public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
    CallKey key = key(call);
    long requestBytes = PayloadBytes.request(call);
    if (requestBytes >= 0) {
      meters.requestSize(key).record(requestBytes);
    }
    AtomicLong active = meters.active(call.provider());
    active.incrementAndGet();
    long start = System.nanoTime();
    CompletableFuture<T> sent;
    try {
      sent = chain.proceed(call);
    } catch (RuntimeException e) {
      finish(key, active, start, null, e);
      throw e;
    }
    // A future of our own, completed after the meters are recorded: whoever waits on the call sees them.
    CompletableFuture<T> result = new CompletableFuture<>();
    sent.whenComplete((value, error) -> {
      finish(key, active, start, value, error);
      if (error == null) {
        result.complete(value);
      } else {
        result.completeExceptionally(error);
      }
    });
    return result;
  }

  /** The key of a call's meters. */
  CallKey key(InferenceCall call) {
    return new CallKey(call.operationName(), models.name(call.model()),
        versionTag ? ModelNames.version(call.model()) : null, call.provider());
  }

  ClientMeters meters() {
    return meters;
  }

  private void finish(CallKey key, AtomicLong active, long start, Object value, Throwable error) {
    active.decrementAndGet();
    meters.calls(key, Outcomes.of(error)).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    long responseBytes = error == null ? PayloadBytes.response(value) : -1;
    if (responseBytes >= 0) {
      meters.responseSize(key).record(responseBytes);
    }
  }

  @Override
  public String toString() {
    return "MicrometerInterceptor";
  }

  /** Configures a {@link MicrometerInterceptor}; not thread-safe. */
  public static final class Builder {
    private final MeterRegistry registry;
    private Tags tags = Tags.empty();
    private boolean versionTag;
    private boolean histograms;
    private int maxModels = 100;

    private Builder(MeterRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Adds tags to every meter, e.g. {@code "client", "ranker"} to tell clients apart.
     *
     * @param tags tags added after those already set
     * @return this builder
     */
    public Builder tags(Iterable<Tag> tags) {
      this.tags = this.tags.and(Objects.requireNonNull(tags, "tags"));
      return this;
    }

    /**
     * Adds tags to every meter, as key-value pairs.
     *
     * @param keyValues an even number of strings: a key, then its value
     * @return this builder
     */
    public Builder tags(String... keyValues) {
      this.tags = this.tags.and(Tags.of(keyValues));
      return this;
    }

    /**
     * Adds the {@value MicrometerInterceptor#TAG_MODEL_VERSION} tag; off by default, since every version
     * rolled out becomes new time series.
     *
     * @param on whether meters carry the model version
     * @return this builder
     */
    public Builder modelVersionTag(boolean on) {
      this.versionTag = on;
      return this;
    }

    /**
     * Publishes percentile histograms of call times and payload sizes; off by default (one series per bucket).
     *
     * @param on whether timers and size summaries publish histogram buckets
     * @return this builder
     */
    public Builder publishPercentileHistogram(boolean on) {
      this.histograms = on;
      return this;
    }

    /**
     * How many distinct model names get a tag of their own (100 by default); calls of later ones are
     * tagged {@code other}, so names taken from user input cannot grow the series without bound.
     *
     * @param maxModels how many model names are tagged as themselves, at least 1
     * @return this builder
     * @throws IllegalArgumentException when {@code maxModels} is below 1
     */
    public Builder maxModels(int maxModels) {
      if (maxModels < 1) {
        throw new IllegalArgumentException("maxModels must be >= 1, got " + maxModels);
      }
      this.maxModels = maxModels;
      return this;
    }

    /**
     * Builds the interceptor; meters are registered as calls first need them.
     *
     * @return the interceptor to add with {@link io.inferlink.ClientOptions.Builder#interceptor}
     */
    public MicrometerInterceptor build() {
      return new MicrometerInterceptor(this);
    }
  }
}
