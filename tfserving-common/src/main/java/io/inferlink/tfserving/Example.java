package io.inferlink.tfserving;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A TensorFlow {@code Example}: named {@link Feature}s, the input of classify and regress. Immutable
 * and thread-safe; build with {@link #builder()}.
 */
public final class Example {
  private final Map<String, Feature> features;

  private Example(Map<String, Feature> features) {
    this.features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
  }

  /**
   * Starts an example.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The features by name, in insertion order.
   *
   * @return an unmodifiable map
   */
  public Map<String, Feature> features() {
    return features;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Example && ((Example) o).features.equals(features);
  }

  @Override
  public int hashCode() {
    return features.hashCode();
  }

  @Override
  public String toString() {
    return "Example" + features;
  }

  /** Collects features; not thread-safe. */
  public static final class Builder {
    private final Map<String, Feature> features = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a feature; a name used twice is an error.
     *
     * @param name the feature's name, not empty
     * @param feature its values
     * @return this builder
     * @throws IllegalArgumentException when the name is empty or already used
     */
    public Builder feature(String name, Feature feature) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(feature, "feature");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("feature name must not be empty");
      }
      if (features.putIfAbsent(name, feature) != null) {
        throw new IllegalArgumentException("feature '" + name + "' added twice");
      }
      return this;
    }

    /**
     * Adds a text feature (UTF-8 byte strings).
     *
     * @param name the feature's name
     * @param values the texts
     * @return this builder
     */
    public Builder strings(String name, String... values) {
      return feature(name, Feature.ofStrings(values));
    }

    /**
     * Adds a raw bytes feature.
     *
     * @param name the feature's name
     * @param values the byte strings (copied)
     * @return this builder
     */
    public Builder bytes(String name, byte[]... values) {
      return feature(name, Feature.ofBytes(values));
    }

    /**
     * Adds a float feature.
     *
     * @param name the feature's name
     * @param values the values (copied)
     * @return this builder
     */
    public Builder floats(String name, float... values) {
      return feature(name, Feature.ofFloats(values));
    }

    /**
     * Adds an int64 feature.
     *
     * @param name the feature's name
     * @param values the values (copied)
     * @return this builder
     */
    public Builder int64s(String name, long... values) {
      return feature(name, Feature.ofInt64s(values));
    }

    /**
     * Builds the example.
     *
     * @return an example holding the features added so far
     */
    public Example build() {
      return new Example(features);
    }
  }
}
