package io.inferlink.emulator;

import io.inferlink.ErrorCode;
import io.inferlink.Tensor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One inference call as a frontend hands it to the {@link ModelScript}: the resolved model and
 * version, the inputs in wire order, the requested outputs, request id, parameters, the headers
 * (names lower-cased) and a cancellation signal. The values are immutable; the cancellation signal is
 * thread-safe, so a frontend may cancel from any thread while the model runs.
 */
public final class ModelCall {
  private final ResolvedModel target;
  private final Map<String, Tensor> inputs;
  private final List<String> requestedOutputs;
  private final String requestId;
  private final Map<String, Object> parameters;
  private final Map<String, String> headers;
  private final CountDownLatch cancelled = new CountDownLatch(1);
  private final List<Runnable> cancelListeners = new ArrayList<>();

  private ModelCall(Builder b) {
    this.target = b.target;
    this.inputs = Collections.unmodifiableMap(new LinkedHashMap<>(b.inputs));
    this.requestedOutputs = List.copyOf(b.requestedOutputs);
    this.requestId = b.requestId;
    this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.parameters));
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
  }

  /**
   * Starts a call to a resolved model.
   *
   * @param target the model and version that answer, as a frontend resolved them; not null
   * @return a new builder with no inputs, headers or parameters yet
   */
  public static Builder builder(ResolvedModel target) {
    return new Builder(target);
  }

  /**
   * The model and version that answer.
   *
   * @return the resolved model, never null
   */
  public ResolvedModel target() {
    return target;
  }

  /**
   * The model name.
   *
   * @return the name of the model the call addresses
   */
  public String modelName() {
    return target.name();
  }

  /**
   * The version that answers.
   *
   * @return the version string that answers, e.g. {@code "1"}
   */
  public String version() {
    return target.version();
  }

  /**
   * The inputs by name, in the order the request listed them.
   *
   * @return an unmodifiable map from input name to tensor
   */
  public Map<String, Tensor> inputs() {
    return inputs;
  }

  /**
   * The input with this name, if the request has one.
   *
   * @param name the input's name as the request gave it
   * @return the input, or empty when the request has none of that name
   */
  public Optional<Tensor> input(String name) {
    return Optional.ofNullable(inputs.get(name));
  }

  /**
   * The outputs asked for; empty means all.
   *
   * @return an unmodifiable list of output names, empty for all outputs
   */
  public List<String> requestedOutputs() {
    return requestedOutputs;
  }

  /**
   * The request id, or {@code null}.
   *
   * @return the request id as the client sent it, or {@code null} when it sent none
   */
  public String requestId() {
    return requestId;
  }

  /**
   * The request parameters.
   *
   * @return an unmodifiable map of parameter name to value, as the frontend decoded it
   */
  public Map<String, Object> parameters() {
    return parameters;
  }

  /**
   * The request headers (gRPC metadata), names lower-cased.
   *
   * @return an unmodifiable map of lower-case header name to value
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * The value of the {@link KitContract#CALL_ID_HEADER} header, if the client sent one.
   *
   * @return the call id, or empty when the header is absent
   */
  public Optional<String> callId() {
    return Optional.ofNullable(headers.get(KitContract.CALL_ID_HEADER));
  }

  /**
   * True once the call was cancelled.
   *
   * @return true once {@link #cancel()} has run, false before
   */
  public boolean isCancelled() {
    return cancelled.getCount() == 0;
  }

  /**
   * Cancels the call (its client went away or its deadline passed): wakes a model waiting in
   * {@link #sleepUnlessCancelled} and runs the cancel listeners once. Idempotent.
   */
  public void cancel() {
    List<Runnable> toRun;
    synchronized (cancelListeners) {
      if (isCancelled()) {
        return;
      }
      cancelled.countDown();
      toRun = List.copyOf(cancelListeners);
      cancelListeners.clear();
    }
    toRun.forEach(Runnable::run);
  }

  /**
   * Runs {@code listener} when the call is cancelled, or now if it already is.
   *
   * @param listener what to run on cancellation, on the cancelling thread (or this one); not null
   */
  public void onCancel(Runnable listener) {
    Objects.requireNonNull(listener, "listener");
    synchronized (cancelListeners) {
      if (!isCancelled()) {
        cancelListeners.add(listener);
        return;
      }
    }
    listener.run();
  }

  /** Throws {@link ScriptedFailure} with {@link ErrorCode#CANCELLED} when the call was cancelled. */
  public void checkNotCancelled() {
    if (isCancelled()) {
      throw cancelledFailure();
    }
  }

  /**
   * Waits for {@code duration}, or fails with CANCELLED as soon as the call is cancelled. An interrupt
   * of the waiting thread (a server shutting down) counts as a cancellation.
   *
   * @param duration how long to wait when not cancelled
   * @throws ScriptedFailure with {@link ErrorCode#CANCELLED} when the call is cancelled during the wait
   */
  public void sleepUnlessCancelled(Duration duration) {
    try {
      if (cancelled.await(duration.toNanos(), TimeUnit.NANOSECONDS)) {
        throw cancelledFailure();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancel();
      throw cancelledFailure();
    }
  }

  private ScriptedFailure cancelledFailure() {
    return new ScriptedFailure(ErrorCode.CANCELLED, "model '" + modelName() + "': the call was cancelled");
  }

  /** Collects a call; not thread-safe. Input problems are reported as INVALID_ARGUMENT failures. */
  public static final class Builder {
    private final ResolvedModel target;
    private final Map<String, Tensor> inputs = new LinkedHashMap<>();
    private final List<String> requestedOutputs = new ArrayList<>();
    private String requestId;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Builder(ResolvedModel target) {
      this.target = Objects.requireNonNull(target, "target");
    }

    /**
     * Adds an input; a second input of the same name fails with INVALID_ARGUMENT.
     *
     * @param tensor the input, named as the request names it
     * @return this builder
     */
    public Builder input(Tensor tensor) {
      if (inputs.putIfAbsent(tensor.name(), tensor) != null) {
        throw ScriptedFailure.invalidArgument("input '" + tensor.name() + "' appears more than once");
      }
      return this;
    }

    /**
     * Adds inputs in order.
     *
     * @param tensors the inputs, in the request's order
     * @return this builder
     */
    public Builder inputs(Iterable<Tensor> tensors) {
      tensors.forEach(this::input);
      return this;
    }

    /**
     * Asks for only these outputs (empty or never called: all).
     *
     * @param names the names of the outputs to return; duplicates are dropped
     * @return this builder
     */
    public Builder requestedOutputs(List<String> names) {
      for (String n : names) {
        if (!requestedOutputs.contains(n)) {
          requestedOutputs.add(n);
        }
      }
      return this;
    }

    /**
     * Sets the request id.
     *
     * @param id the request's id, or {@code null} for none
     * @return this builder
     */
    public Builder requestId(String id) {
      this.requestId = id;
      return this;
    }

    /**
     * Adds request parameters.
     *
     * @param values parameters by name; later calls replace values of the same name
     * @return this builder
     */
    public Builder parameters(Map<String, ?> values) {
      parameters.putAll(values);
      return this;
    }

    /**
     * Adds a header; the name is lower-cased and repeated names are joined with ", " as HTTP does.
     *
     * @param name the header's name, in any case
     * @param value the header's value
     * @return this builder
     */
    public Builder header(String name, String value) {
      headers.merge(name.toLowerCase(Locale.ROOT), value, (a, b) -> a + ", " + b);
      return this;
    }

    /**
     * Adds headers; see {@link #header}.
     *
     * @param values headers by name; see {@link #header} for case and repeats
     * @return this builder
     */
    public Builder headers(Map<String, String> values) {
      values.forEach(this::header);
      return this;
    }

    /**
     * Builds the call.
     *
     * @return a new call with copies of what was collected, not cancelled
     */
    public ModelCall build() {
      return new ModelCall(this);
    }
  }
}
