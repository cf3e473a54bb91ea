package io.inferlink;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What one client can do: its {@link Capability features} and the {@link DataType element types} it can
 * send and receive. Immutable and thread-safe.
 */
public final class Capabilities {
  private final Set<Capability> features;
  private final Set<DataType> dataTypes;

  private Capabilities(Set<Capability> features, Set<DataType> dataTypes) {
    this.features = Collections.unmodifiableSet(features);
    this.dataTypes = Collections.unmodifiableSet(dataTypes);
  }

  /** Capabilities made of the given features and data types. */
  public static Capabilities of(Set<Capability> features, Set<DataType> dataTypes) {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(dataTypes, "dataTypes");
    return new Capabilities(
        features.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(features),
        dataTypes.isEmpty() ? EnumSet.noneOf(DataType.class) : EnumSet.copyOf(dataTypes));
  }

  /** The features. */
  public Set<Capability> features() {
    return features;
  }

  /** The element types this client can send and receive. */
  public Set<DataType> dataTypes() {
    return dataTypes;
  }

  /** True when the client has the feature. */
  public boolean supports(Capability feature) {
    return features.contains(feature);
  }

  /** True when the client can send and receive tensors of this type. */
  public boolean supports(DataType dtype) {
    return dataTypes.contains(dtype);
  }

  /**
   * Throws {@link UnsupportedFeatureException} naming the feature and provider when it is missing;
   * backends call this before sending anything.
   */
  public void require(Capability feature, String provider) {
    if (!supports(feature)) {
      throw new UnsupportedFeatureException(
          provider + " does not support " + feature.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }
  }

  /** Throws {@link UnsupportedFeatureException} when a tensor's type is not supported. */
  public void require(DataType dtype, String tensorName, String provider) {
    if (!supports(dtype)) {
      throw new UnsupportedFeatureException(
          provider + " cannot carry tensor '" + tensorName + "' of type " + dtype
              + "; supported types: " + dataTypes);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Capabilities
        && ((Capabilities) o).features.equals(features)
        && ((Capabilities) o).dataTypes.equals(dataTypes);
  }

  @Override
  public int hashCode() {
    return features.hashCode() * 31 + dataTypes.hashCode();
  }

  @Override
  public String toString() {
    return "Capabilities{features=" + features + ", dataTypes=" + dataTypes + "}";
  }
}
