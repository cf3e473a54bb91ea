package io.inferlink;

import io.inferlink.internal.HeaderRule;
import io.inferlink.internal.RedactionRules;
import io.inferlink.interceptor.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One inference call: the model, named inputs (insertion order kept), the outputs wanted, and optional
 * request id, parameters, signature name, per-call timeout and headers. Immutable and thread-safe; build with
 * {@link #builder(ModelRef)}.
 */
public final class InferenceRequest {
  private final ModelRef model;
  private final Map<String, Tensor> inputs;
  private final List<String> requestedOutputs;
  private final String id;
  private final Map<String, Object> parameters;
  private final String signatureName;
  private final Duration timeout;
  private final boolean idempotent;
  private final Map<String, String> headers;

  private InferenceRequest(Builder b) {
    this.model = b.model;
    this.inputs = Collections.unmodifiableMap(new LinkedHashMap<>(b.inputs));
    this.requestedOutputs = List.copyOf(b.requestedOutputs);
    this.id = b.id;
    this.parameters = Parameters.freeze(b.parameters);
    this.signatureName = b.signatureName;
    this.timeout = b.timeout;
    this.idempotent = b.idempotent;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
  }

  /**
   * Starts a request for a model.
   *
   * @param model the model (and version or label) to call; not null
   * @return an empty builder for that model
   */
  public static Builder builder(ModelRef model) {
    return new Builder(model);
  }

  /**
   * Starts a request for the latest version of the named model.
   *
   * @param modelName the model's name
   * @return an empty builder for that model
   */
  public static Builder builder(String modelName) {
    return new Builder(ModelRef.of(modelName));
  }

  /**
   * The model to call.
   *
   * @return the model reference; never null
   */
  public ModelRef model() {
    return model;
  }

  /**
   * The inputs by name, in the order they were added.
   *
   * @return the inputs by name; unmodifiable, never empty
   */
  public Map<String, Tensor> inputs() {
    return inputs;
  }

  /**
   * The outputs asked for; empty means all.
   *
   * @return the requested output names; unmodifiable
   */
  public List<String> requestedOutputs() {
    return requestedOutputs;
  }

  /**
   * The request id, or {@code null}.
   *
   * @return the id, or {@code null}
   */
  public String id() {
    return id;
  }

  /**
   * The request parameters (String, Boolean, Long or Double values), in insertion order.
   *
   * @return the parameters by key; unmodifiable
   */
  public Map<String, Object> parameters() {
    return parameters;
  }

  /**
   * The signature to call (TF Serving), or {@code null} for the server's default.
   *
   * @return the signature name, or {@code null}
   */
  public String signatureName() {
    return signatureName;
  }

  /**
   * This call's timeout, or {@code null} to use the client's request timeout.
   *
   * @return the timeout, or {@code null}
   */
  public Duration timeout() {
    return timeout;
  }

  /**
   * Whether running this request twice is harmless; see {@link Builder#idempotent(boolean)}.
   *
   * @return whether the request may be sent again after an uncertain failure
   */
  public boolean idempotent() {
    return idempotent;
  }

  /**
   * Headers sent with this call only (a tenant or a trace header), after the client's own headers and
   * credentials, which they replace when named alike; in the order added.
   *
   * @return the headers by name; unmodifiable, empty when there are none
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * A builder holding this request's values, to derive a changed copy.
   *
   * @return a new builder; changing it does not change this request
   */
  public Builder toBuilder() {
    Builder b = new Builder(model);
    b.inputs.putAll(inputs);
    b.requestedOutputs.addAll(requestedOutputs);
    b.id = id;
    b.parameters.putAll(parameters);
    b.signatureName = signatureName;
    b.timeout = timeout;
    b.idempotent = idempotent;
    b.headers.putAll(headers);
    return b;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("InferenceRequest{model=").append(model).append(", inputs=[");
    String sep = "";
    for (Tensor t : inputs.values()) {
      sb.append(sep).append(t.name()).append(':').append(t.dtype()).append(java.util.Arrays.toString(t.shape()));
      sep = ", ";
    }
    sb.append(']');
    if (!requestedOutputs.isEmpty()) {
      sb.append(", outputs=").append(requestedOutputs);
    }
    if (id != null) {
      sb.append(", id=").append(id);
    }
    if (!headers.isEmpty()) {
      Map<String, String> shown = new LinkedHashMap<>();
      headers.forEach((k, v) -> shown.put(k, RedactionRules.headerValueForDisplay(k, v)));
      sb.append(", headers=").append(shown);
    }
    return sb.append('}').toString();
  }

  /** Collects the parts of a request; not thread-safe. */
  public static final class Builder {
    private final ModelRef model;
    private final Map<String, Tensor> inputs = new LinkedHashMap<>();
    private final List<String> requestedOutputs = new ArrayList<>();
    private String id;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private String signatureName;
    private Duration timeout;
    private boolean idempotent;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Builder(ModelRef model) {
      this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * Adds an input under the tensor's own name; a second input with the same name is an error.
     *
     * @param tensor the input; not null
     * @return this builder
     * @throws IllegalArgumentException when an input of that name was added already
     */
    public Builder input(Tensor tensor) {
      Objects.requireNonNull(tensor, "tensor");
      if (inputs.putIfAbsent(tensor.name(), tensor) != null) {
        throw new IllegalArgumentException("input '" + tensor.name() + "' was added twice");
      }
      return this;
    }

    /**
     * Adds several inputs, in order.
     *
     * @param tensors the inputs; not null
     * @return this builder
     */
    public Builder inputs(Collection<Tensor> tensors) {
      tensors.forEach(this::input);
      return this;
    }

    /**
     * Adds inputs, in order.
     *
     * @param tensors the inputs
     * @return this builder
     */
    public Builder inputs(Tensor... tensors) {
      for (Tensor t : tensors) {
        input(t);
      }
      return this;
    }

    /**
     * Asks for these outputs only (in addition to any asked for before).
     *
     * @param names the output names
     * @return this builder
     */
    public Builder requestOutputs(String... names) {
      for (String n : names) {
        Objects.requireNonNull(n, "output name");
        if (n.isEmpty()) {
          throw new IllegalArgumentException("output name must not be empty");
        }
        if (!requestedOutputs.contains(n)) {
          requestedOutputs.add(n);
        }
      }
      return this;
    }

    /**
     * Sets the request id, echoed by protocols that have one.
     *
     * @param id the id, or {@code null} for none; no control characters
     * @return this builder
     * @throws IllegalArgumentException when {@code id} contains control characters
     */
    public Builder id(String id) {
      if (id != null && id.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException("request id must not contain control characters");
      }
      this.id = id;
      return this;
    }

    /**
     * Adds a parameter: a String, Boolean, integer or floating-point value.
     *
     * @param key the parameter's name
     * @param value the parameter's value; see above for the allowed types
     * @return this builder
     */
    public Builder parameter(String key, Object value) {
      parameters.put(key, Parameters.checkValue(key, value));
      return this;
    }

    /**
     * Names the signature to call (TF Serving); null means the server's default.
     *
     * @param signatureName the signature, or {@code null}
     * @return this builder
     */
    public Builder signatureName(String signatureName) {
      this.signatureName = signatureName;
      return this;
    }

    /**
     * Sets this call's timeout, overriding the client's request timeout.
     *
     * @param timeout how long this call may take, or {@code null} for the client's default
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Declares that running this request twice is harmless (a pure model, no side effects), so it
     * may be sent again after the connection broke with the request already sent, when the server
     * may have run it ({@link InferenceException.Delivery#OUTCOME_UNKNOWN}). False by default: such
     * a failure is then never retried, by the transport or by a {@link RetryPolicy}.
     *
     * @param idempotent whether running the request twice is harmless
     * @return this builder
     */
    public Builder idempotent(boolean idempotent) {
      this.idempotent = idempotent;
      return this;
    }

    /**
     * Adds a header for this call only, replacing one of the same name in any case. A secret-named
     * value ({@code Authorization}, {@code X-Api-Key}...) is masked in {@link #toString()} and in
     * error messages, as the client's own credentials are.
     *
     * @throws IllegalArgumentException when the name is not a header token or the value has a
     *     control or non-Latin-1 character (the message never repeats the value)
     * @param name the header's name
     * @param value the header's value
     * @return this builder
     */
    public Builder header(String name, String value) {
      HeaderRule.check(name, value);
      headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
      headers.put(name, value);
      return this;
    }

    /**
     * Builds the request; it must have at least one input.
     *
     * @return the request
     */
    public InferenceRequest build() {
      if (inputs.isEmpty()) {
        throw new IllegalStateException("request for model '" + model + "' has no inputs");
      }
      return new InferenceRequest(this);
    }
  }
}
