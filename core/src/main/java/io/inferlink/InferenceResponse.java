package io.inferlink;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one inference call: named outputs in the server's order, plus the model name and
 * version and the request id where the protocol reports them. Immutable and thread-safe.
 */
public final class InferenceResponse {
  private final String modelName;
  private final String modelVersion;
  private final String id;
  private final Map<String, Tensor> outputs;
  private final Map<String, Object> parameters;

  private InferenceResponse(Builder b) {
    this.modelName = b.modelName;
    this.modelVersion = b.modelVersion;
    this.id = b.id;
    this.outputs = Collections.unmodifiableMap(new LinkedHashMap<>(b.outputs));
    this.parameters = Parameters.freeze(b.parameters);
  }

  /**
   * Starts a response; used by backends.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The model that answered, or {@code null} when the protocol does not say.
   *
   * @return the model's name, or {@code null}
   */
  public String modelName() {
    return modelName;
  }

  /**
   * The version that answered, or {@code null} when the protocol does not say.
   *
   * @return the model's version, or {@code null}
   */
  public String modelVersion() {
    return modelVersion;
  }

  /**
   * The request id echoed by the server, or {@code null}.
   *
   * @return the echoed id, or {@code null}
   */
  public String id() {
    return id;
  }

  /**
   * The outputs by name, in the order the server sent them.
   *
   * @return the outputs by name; unmodifiable, may be empty
   */
  public Map<String, Tensor> outputs() {
    return outputs;
  }

  /**
   * The response parameters, if the protocol has them.
   *
   * @return the parameters by key; unmodifiable, empty when there are none
   */
  public Map<String, Object> parameters() {
    return parameters;
  }

  /**
   * The output with this name.
   *
   * @throws NoSuchElementException naming the outputs that do exist
   * @param name the output's name
   * @return the output
   */
  public Tensor output(String name) {
    Tensor t = outputs.get(name);
    if (t == null) {
      throw new NoSuchElementException("no output '" + name + "'; outputs are " + outputs.keySet());
    }
    return t;
  }

  /**
   * The output with this name, if present.
   *
   * @param name the output's name
   * @return the output, or empty
   */
  public Optional<Tensor> findOutput(String name) {
    return Optional.ofNullable(outputs.get(name));
  }

  /**
   * The first output, handy for single-output models.
   *
   * @throws NoSuchElementException when there are no outputs
   * @return the first output the server sent
   */
  public Tensor firstOutput() {
    if (outputs.isEmpty()) {
      throw new NoSuchElementException("the response has no outputs");
    }
    return outputs.values().iterator().next();
  }

  /** Equal when model, version, id, outputs (by content) and parameters are equal. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof InferenceResponse)) {
      return false;
    }
    InferenceResponse r = (InferenceResponse) o;
    return Objects.equals(modelName, r.modelName) && Objects.equals(modelVersion, r.modelVersion)
        && Objects.equals(id, r.id) && outputs.equals(r.outputs) && parameters.equals(r.parameters);
  }

  @Override
  public int hashCode() {
    return Objects.hash(modelName, modelVersion, id, outputs, parameters);
  }

  @Override
  public String toString() {
    return "InferenceResponse{model=" + modelName + (modelVersion != null ? ":" + modelVersion : "")
        + (id != null ? ", id=" + id : "") + ", outputs=" + outputs.values() + "}";
  }

  /** Collects the parts of a response; not thread-safe. */
  public static final class Builder {
    private String modelName;
    private String modelVersion;
    private String id;
    private final Map<String, Tensor> outputs = new LinkedHashMap<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the model name.
     *
     * @param modelName the model's name, or {@code null}
     * @return this builder
     */
    public Builder modelName(String modelName) {
      this.modelName = modelName;
      return this;
    }

    /**
     * Sets the model version.
     *
     * @param modelVersion the model's version, or {@code null}
     * @return this builder
     */
    public Builder modelVersion(String modelVersion) {
      this.modelVersion = modelVersion;
      return this;
    }

    /**
     * Sets the request id.
     *
     * @param id the request id the server echoed, or {@code null}
     * @return this builder
     */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /**
     * Adds an output under its own name; a duplicate name is an error.
     *
     * @param tensor the output; not null
     * @return this builder
     * @throws IllegalArgumentException when an output of that name was added already
     */
    public Builder output(Tensor tensor) {
      Objects.requireNonNull(tensor, "tensor");
      if (outputs.putIfAbsent(tensor.name(), tensor) != null) {
        throw new IllegalArgumentException("output '" + tensor.name() + "' appears twice");
      }
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
     * Builds the response.
     *
     * @return the response
     */
    public InferenceResponse build() {
      return new InferenceResponse(this);
    }
  }
}
