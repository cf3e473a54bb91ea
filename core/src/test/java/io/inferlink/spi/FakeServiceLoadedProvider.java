package io.inferlink.spi;

import io.inferlink.Capabilities;
import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A provider registered through {@code META-INF/services} in the test resources, so tests can check
 * discovery by {@link java.util.ServiceLoader} and the default registry. Serves scheme {@code fake-sl}.
 */
public final class FakeServiceLoadedProvider implements InferenceClientProvider {
  /** The provider's name. */
  public static final String NAME = "fake-service-loaded";
  /** The scheme it serves. */
  public static final String SCHEME = "fake-sl";

  /** ServiceLoader needs a public no-argument constructor. */
  public FakeServiceLoadedProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> schemes() {
    return Set.of(SCHEME);
  }

  @Override
  public InferenceClient create(Endpoint endpoint, ClientOptions options) {
    return new Client(endpoint, options);
  }

  /** A client that answers every inference with an empty response naming the model. */
  public static final class Client implements InferenceClient {
    private final Endpoint endpoint;
    private final ClientOptions options;

    Client(Endpoint endpoint, ClientOptions options) {
      this.endpoint = endpoint;
      this.options = options;
    }

    /** The endpoint the provider was given. */
    public Endpoint endpoint() {
      return endpoint;
    }

    /** The options the provider was given. */
    public ClientOptions options() {
      return options;
    }

    @Override
    public CompletableFuture<InferenceResponse> inferAsync(InferenceRequest request) {
      return CompletableFuture.completedFuture(
          InferenceResponse.builder().modelName(request.model().name()).build());
    }

    @Override
    public Capabilities capabilities() {
      return Capabilities.of(Set.of(), Set.of());
    }

    @Override
    public String providerName() {
      return NAME;
    }

    @Override
    public void close() {}
  }
}
