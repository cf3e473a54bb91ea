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

/** Serves {@code kserve-v2+http} and {@code kserve-v2+https} (default port 8080). Thread-safe. */
public final class V2RestProvider implements InferenceClientProvider {
  /** The provider's name. */
  public static final String NAME = "kserve-v2-rest";
  static final int DEFAULT_PORT = 8080;
  private static final Set<String> OPTIONS = Set.of(KServeOptions.BINARY.name(), KServeOptions.BINARY_THRESHOLD.name(),
      KServeOptions.HALF_AS_JSON.name(), KServeOptions.REPOSITORY.name());

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> schemes() {
    return Set.of("kserve-v2+http", "kserve-v2+https");
  }

  @Override
  public InferenceClient create(Endpoint endpoint, ClientOptions options) {
    Set<String> unknown = new TreeSet<>(options.optionNames());
    unknown.removeAll(OPTIONS);
    if (!unknown.isEmpty()) {
      throw new ProviderConfigurationException(NAME + " does not know the option(s) " + unknown + "; it knows "
          + new TreeSet<>(OPTIONS));
    }
    V2RestBinaryPolicy policy = policy(options).withHalfAsJson(options.get(KServeOptions.HALF_AS_JSON));
    options.get(KServeOptions.REPOSITORY); // a bad value fails here, not on the first call
    HttpTransport transport = HttpTransport.create(HttpTarget.of(endpoint, DEFAULT_PORT), options, NAME);
    return new V2RestClient(NAME, endpoint, transport, options, capabilities(policy), policy);
  }

  private static V2RestBinaryPolicy policy(ClientOptions options) {
    switch (options.get(KServeOptions.BINARY)) {
      case ALWAYS:
        return V2RestBinaryPolicy.ALWAYS;
      case NEVER:
        return V2RestBinaryPolicy.NEVER;
      default:
        long threshold = options.get(KServeOptions.BINARY_THRESHOLD);
        if (threshold < 0) {
          throw new ProviderConfigurationException("option binary-threshold must be >= 0, got " + threshold);
        }
        return V2RestBinaryPolicy.auto(threshold);
    }
  }

  /** Plain JSON carries FP16/BF16 only with half-as-json, so without the binary extension they are not supported. */
  static Capabilities capabilities(V2RestBinaryPolicy policy) {
    EnumSet<DataType> types = EnumSet.allOf(DataType.class);
    if (policy.mode() == V2RestBinaryPolicy.Mode.NEVER && !policy.halfAsJson()) {
      types.remove(DataType.FP16);
      types.remove(DataType.BF16);
    }
    return Capabilities.of(EnumSet.of(Capability.SERVER_LIVE, Capability.SERVER_READY, Capability.SERVER_METADATA,
        Capability.MODEL_READY, Capability.MODEL_METADATA, Capability.MODEL_VERSIONS, Capability.REQUESTED_OUTPUTS,
        Capability.REQUEST_ID, Capability.REQUEST_PARAMETERS, Capability.SCALAR_TENSORS, Capability.ZERO_SIZE_TENSORS,
        Capability.OUTPUT_NAMES, Capability.MODEL_REPOSITORY), types);
  }
}
