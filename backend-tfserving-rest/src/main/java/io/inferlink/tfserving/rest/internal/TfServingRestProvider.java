package io.inferlink.tfserving.rest.internal;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.InferenceClientProvider;
import io.inferlink.tfserving.rest.TfServingRestOptions;
import io.inferlink.transport.http.HttpTarget;
import io.inferlink.transport.http.HttpTransport;
import java.util.Set;

/** Serves {@code tfserving+http} and {@code tfserving+https} (default port 8501). Thread-safe. */
public final class TfServingRestProvider implements InferenceClientProvider {
  /** The provider's name. */
  public static final String NAME = "tfserving-rest";
  static final int DEFAULT_PORT = 8501;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> schemes() {
    return Set.of("tfserving+http", "tfserving+https");
  }

  /** The protocol options this provider reads. */
  static final Set<String> OPTIONS = Set.of(TfServingRestOptions.REQUEST_FORMAT.name(),
      TfServingRestOptions.CONVERT_TO_FP32.name(), TfServingRestOptions.USE_METADATA.name());

  @Override
  public InferenceClient create(Endpoint endpoint, ClientOptions options) {
    KnownOptions.check(options, NAME, OPTIONS);
    return create(NAME, HttpTarget.of(endpoint, DEFAULT_PORT), options);
  }

  /** A TF Serving REST client at a target; shared with the Paperspace provider. */
  static InferenceClient create(String provider, HttpTarget target, ClientOptions options) {
    HttpTransport transport = HttpTransport.create(target, options, provider);
    return new TfRestClient(provider, transport, TfRestPaths.tfServing(), options,
        TfRestCapabilities.of(options.get(TfServingRestOptions.REQUEST_FORMAT), true),
        http -> TfRestErrors.toException(http, provider));
  }
}
