package io.inferlink.tfserving.rest.internal;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.InferenceClientProvider;
import io.inferlink.tfserving.rest.TfServingRestOptions;
import io.inferlink.transport.http.internal.HttpTarget;
import io.inferlink.transport.http.internal.HttpTransport;
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
    HttpTransport transport = HttpTransport.create(HttpTarget.of(endpoint, DEFAULT_PORT), options, NAME);
    return new TfRestClient(NAME, endpoint, transport, TfRestPaths.tfServing(), options, true,
        TfRestErrors::toException);
  }
}
