package io.inferlink.kserve.internal;

import io.inferlink.Capabilities;
import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelMetadata;
import io.inferlink.ModelRef;
import io.inferlink.ServerMetadata;
import io.inferlink.kserve.KServeOptions;
import io.inferlink.kserve.KServePaths;
import io.inferlink.kserve.ModelRepository;
import io.inferlink.transport.http.HttpRequestSpec;
import io.inferlink.transport.http.HttpResult;
import io.inferlink.transport.http.HttpTransport;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An {@link InferenceClient} for the Open Inference Protocol over REST (KServe V2, Triton, MLServer,
 * OVMS), with the binary tensor data extension chosen per tensor by the {@code binary} option.
 * Health and readiness are true on 200 and false on any other answer (servers differ: 4xx, 404, 503);
 * a connection failure is still an error. The model repository extension is reached with
 * {@code unwrap(ModelRepository.class)}, in the form the {@code repository} option names. Thread-safe.
 */
final class V2RestClient implements InferenceClient {
  private static final String JSON = "application/json";

  private final String provider;
  private final ClientOptions options;
  private final Capabilities capabilities;
  private final V2RestBinaryPolicy binary;
  private final ModelRepository repository;
  private final RestExchange exchange;

  V2RestClient(String provider, HttpTransport transport, ClientOptions options, Capabilities capabilities,
      V2RestBinaryPolicy binary) {
    this.provider = provider;
    this.exchange = new RestExchange(transport, provider, "an Open Inference Protocol response");
    this.options = options;
    this.capabilities = capabilities;
    this.binary = binary;
    this.repository = new V2RestRepository(this, options.get(KServeOptions.REPOSITORY));
  }

  @Override
  public CompletableFuture<InferenceResponse> inferAsync(InferenceRequest request) {
    return exchange(() -> {
      capabilities.check(request, provider);
      V2RestEncodedRequest encoded = V2RestRequestWriter.write(request, binary);
      HttpRequestSpec.Builder spec = HttpRequestSpec.post(KServePaths.v2Infer(request.model()), encoded.body(),
          encoded.contentType()).accept(JSON).timeout(options.timeoutFor(request)).idempotent(request.idempotent());
      encoded.inferenceHeaderContentLength()
          .ifPresent(n -> spec.header(V2RestEncodedRequest.HEADER_LENGTH_HEADER, Long.toString(n)));
      return spec.build();
    }, http -> V2RestResponseReader.read(http).response(), true);
  }

  @Override
  public CompletableFuture<ModelMetadata> modelMetadataAsync(ModelRef model) {
    return exchange(() -> {
      capabilities.check(model, provider);
      return HttpRequestSpec.get(KServePaths.v2Model(model)).accept(JSON).build();
    }, http -> V2RestDocs.model(http.body()), true);
  }

  @Override
  public CompletableFuture<Boolean> modelReadyAsync(ModelRef model) {
    return exchange(() -> {
      capabilities.check(model, provider);
      return HttpRequestSpec.get(KServePaths.v2Ready(model)).build();
    }, HttpResult::isSuccess, false);
  }

  @Override
  public CompletableFuture<Boolean> serverLiveAsync() {
    return exchange(() -> HttpRequestSpec.get(KServePaths.v2Live()).build(), HttpResult::isSuccess, false);
  }

  @Override
  public CompletableFuture<Boolean> serverReadyAsync() {
    return exchange(() -> HttpRequestSpec.get(KServePaths.v2ServerReady()).build(), HttpResult::isSuccess, false);
  }

  @Override
  public CompletableFuture<ServerMetadata> serverMetadataAsync() {
    return exchange(() -> HttpRequestSpec.get(KServePaths.v2ServerMetadata()).accept(JSON).build(),
        http -> V2RestDocs.server(http.body()), true);
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public String providerName() {
    return provider;
  }

  /** Adds {@link ModelRepository} to what the client itself is. */
  @Override
  public <T> T unwrap(Class<T> type) {
    if (type.isInstance(repository)) {
      return type.cast(repository);
    }
    return InferenceClient.super.unwrap(type);
  }

  @Override
  public void close() {
    exchange.close();
  }

  /** One exchange through the shared {@link RestExchange}. */
  <T> CompletableFuture<T> exchange(Supplier<HttpRequestSpec> request, Function<HttpResult, T> read,
      boolean failOnError) {
    return exchange.send(request, read, failOnError);
  }
}
