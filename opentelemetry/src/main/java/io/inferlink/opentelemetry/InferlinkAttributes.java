package io.inferlink.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The span attributes of Inferlink's own namespace ({@code inferlink.*}); the semantic-convention
 * attributes the spans carry are listed in the package documentation. Constants only.
 */
public final class InferlinkAttributes {
  /** The model's name, e.g. {@code resnet50}; absent on server-level calls. */
  public static final AttributeKey<String> MODEL_NAME = AttributeKey.stringKey("inferlink.model.name");
  /** The model version the call asked for, when it asked for one. */
  public static final AttributeKey<String> MODEL_VERSION = AttributeKey.stringKey("inferlink.model.version");
  /** The version label the call asked for (TF Serving labels), when it asked for one. */
  public static final AttributeKey<String> MODEL_LABEL = AttributeKey.stringKey("inferlink.model.label");
  /** The provider that made the call, e.g. {@code kserve-v2-grpc}. */
  public static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("inferlink.provider");
  /** The protocol part of the endpoint's scheme, e.g. {@code kserve-v2} of {@code kserve-v2+grpc}. */
  public static final AttributeKey<String> PROTOCOL = AttributeKey.stringKey("inferlink.protocol");
  /** The operation, e.g. {@code infer}, {@code model.metadata}, {@code repository.load}. */
  public static final AttributeKey<String> OPERATION = AttributeKey.stringKey("inferlink.operation");

  private InferlinkAttributes() {}
}
