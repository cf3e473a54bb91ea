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

  /**
   * Capabilities made of the given features and data types.
   *
   * @param features the features the client has; copied, may be empty, not null
   * @param dataTypes the element types the client can carry; copied, may be empty, not null
   * @return the capabilities
   */
  public static Capabilities of(Set<Capability> features, Set<DataType> dataTypes) {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(dataTypes, "dataTypes");
    return new Capabilities(
        features.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(features),
        dataTypes.isEmpty() ? EnumSet.noneOf(DataType.class) : EnumSet.copyOf(dataTypes));
  }

  /**
   * The features.
   *
   * @return the client's features, unmodifiable
   */
  public Set<Capability> features() {
    return features;
  }

  /**
   * The element types this client can send and receive.
   *
   * @return the supported element types, unmodifiable
   */
  public Set<DataType> dataTypes() {
    return dataTypes;
  }

  /**
   * True when the client has the feature.
   *
   * @param feature the feature asked about
   * @return whether the client has it
   */
  public boolean supports(Capability feature) {
    return features.contains(feature);
  }

  /**
   * True when the client can send and receive tensors of this type.
   *
   * @param dtype the element type asked about
   * @return whether tensors of that type are supported
   */
  public boolean supports(DataType dtype) {
    return dataTypes.contains(dtype);
  }

  /**
   * Throws {@link UnsupportedFeatureException} naming the feature and provider when it is missing;
   * backends call this before sending anything.
   *
   * @param feature the feature the call needs
   * @param provider the provider's name, for the message
   * @throws UnsupportedFeatureException when the client lacks {@code feature}
   */
  public void require(Capability feature, String provider) {
    if (!supports(feature)) {
      throw new UnsupportedFeatureException(
          provider + " does not support " + feature.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }
  }

  /**
   * Throws {@link UnsupportedFeatureException} when a tensor's type is not supported.
   *
   * @param dtype the tensor's element type
   * @param tensorName the tensor's name, for the message
   * @param provider the provider's name, for the message
   * @throws UnsupportedFeatureException when {@code dtype} is not supported
   */
  public void require(DataType dtype, String tensorName, String provider) {
    if (!supports(dtype)) {
      throw new UnsupportedFeatureException(
          provider + " cannot carry tensor '" + tensorName + "' of type " + dtype
              + "; supported types: " + dataTypes);
    }
  }

  /**
   * Refuses, before anything is sent, every part of a request this client cannot carry: element
   * types, scalars, zero-size tensors, requested outputs, parameters, a signature name, and the
   * model's version or label. A request id is never refused: protocols without one simply do not
   * send it (see {@link Capability#REQUEST_ID}). Backends call this first in {@code inferAsync}.
   *
   * @throws UnsupportedFeatureException naming the first unsupported part
   * @param request the request about to be sent
   * @param provider the provider's name, for the message
   */
  public void check(InferenceRequest request, String provider) {
    check(request.model(), provider);
    for (Tensor t : request.inputs().values()) {
      require(t.dtype(), t.name(), provider);
      if (t.rank() == 0) {
        require(Capability.SCALAR_TENSORS, provider);
      }
      if (t.elementCount() == 0) {
        require(Capability.ZERO_SIZE_TENSORS, provider);
      }
    }
    if (!request.requestedOutputs().isEmpty()) {
      require(Capability.REQUESTED_OUTPUTS, provider);
    }
    if (!request.parameters().isEmpty()) {
      require(Capability.REQUEST_PARAMETERS, provider);
    }
    if (request.signatureName() != null) {
      require(Capability.SIGNATURE_NAME, provider);
    }
  }

  /**
   * Refuses a model reference whose version or label this client cannot address.
   *
   * @throws UnsupportedFeatureException when a version or label is given but not supported
   * @param model the model the call addresses
   * @param provider the provider's name, for the message
   */
  public void check(ModelRef model, String provider) {
    if (model.hasVersion()) {
      require(Capability.MODEL_VERSIONS, provider);
    }
    if (model.hasLabel()) {
      require(Capability.VERSION_LABELS, provider);
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
