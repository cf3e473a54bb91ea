package io.inferlink.kserve.internal;

import io.inferlink.Capabilities;
import io.inferlink.Capability;
import io.inferlink.ClientOptions;
import io.inferlink.DataType;
import io.inferlink.InferenceClient;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.kserve.KServeOptions;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.InferenceClientProvider;
import io.inferlink.transport.http.internal.HttpTarget;
import io.inferlink.transport.http.internal.HttpTransport;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Serves {@code kserve-v1+http} and {@code kserve-v1+https} (default port 8080): KServe's V1
 * protocol, {@code POST /v1/models/<m>:predict} with {@code {"instances": [...]}}.
 *
 * <p>V1 JSON has no element types, so a client carries only the types that survive it: BOOL (JSON
 * booleans), INT64 (integers), BYTES (strings, UTF-8 only) and one floating-point type, FP32 by
 * default or FP64 with the option {@code v1-float=fp64}; answers are typed the same way (strings
 * BYTES, booleans BOOL, integers only INT64, any number with a fraction or exponent the float type).
 * There are no versions or labels (V1 has no version paths), no scalars (inputs travel as rows), no
 * zero-size tensors, no requested outputs, request ids, parameters or signatures, and no metadata;
 * and outputs do not keep the model's names when the model has one output ({@code predictions}).
 * Explain and the model list are in {@link io.inferlink.kserve.KServeV1}. Thread-safe.
 */
public final class V1RestProvider implements InferenceClientProvider {
  /** The provider's name. */
  public static final String NAME = "kserve-v1-rest";
  static final int DEFAULT_PORT = 8080;
  private static final Set<String> OPTIONS = Set.of(KServeOptions.V1_FLOAT.name());

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> schemes() {
    return Set.of("kserve-v1+http", "kserve-v1+https");
  }

  @Override
  public InferenceClient create(Endpoint endpoint, ClientOptions options) {
    Set<String> unknown = new TreeSet<>(options.optionNames());
    unknown.removeAll(OPTIONS);
    if (!unknown.isEmpty()) {
      throw new ProviderConfigurationException(NAME + " does not know the option(s) " + unknown + "; it knows "
          + new TreeSet<>(OPTIONS));
    }
    DataType floatType = floatType(options);
    HttpTransport transport = HttpTransport.create(HttpTarget.of(endpoint, DEFAULT_PORT), options, NAME);
    return new V1RestClient(NAME, endpoint, transport, options, capabilities(floatType), floatType);
  }

  static DataType floatType(ClientOptions options) {
    return options.get(KServeOptions.V1_FLOAT) == KServeOptions.V1Float.FP64 ? DataType.FP64 : DataType.FP32;
  }

  /** What survives V1's untyped JSON both ways; see the class comment. */
  static Capabilities capabilities(DataType floatType) {
    return Capabilities.of(EnumSet.of(Capability.MODEL_READY, Capability.SERVER_LIVE),
        EnumSet.of(DataType.BOOL, DataType.INT64, DataType.BYTES, floatType));
  }
}
