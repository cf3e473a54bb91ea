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
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.support.AbstractInferenceClient;
import io.inferlink.spi.support.PreparedCall;
import io.inferlink.transport.http.internal.HttpExchange;
import io.inferlink.transport.http.internal.HttpRequestSpec;
import io.inferlink.transport.http.internal.HttpResult;
import io.inferlink.transport.http.internal.HttpTransport;
import java.util.Collection;
import java.util.List;

/**
 * An {@link InferenceClient} for the Open Inference Protocol over REST (KServe V2, Triton, MLServer,
 * OVMS), with the binary tensor data extension chosen per tensor by the {@code binary} option.
 * Health and readiness are true on 200 and false on any other answer (servers differ: 4xx, 404, 503);
 * a connection failure is still an error. The model repository extension is reached with
 * {@code unwrap(ModelRepository.class)}, in the form the {@code repository} option names. Each
 * operation builds its request here and leaves sending, errors and cancellation to the skeleton's
 * pipeline and the {@link HttpExchange}. Thread-safe.
 */
final class V2RestClient extends AbstractInferenceClient {
  private static final String JSON = "application/json";

  private final V2RestBinaryPolicy binary;
  private final HttpExchange exchange;
  private final ModelRepository repository;

  V2RestClient(String provider, Endpoint endpoint, HttpTransport transport, ClientOptions options,
      Capabilities capabilities, V2RestBinaryPolicy binary) {
    super(provider, endpoint, options, capabilities);
    this.binary = binary;
    this.exchange = new HttpExchange(transport, provider, "an Open Inference Protocol response");
    this.repository = new V2RestRepository(this, exchange, options.get(KServeOptions.REPOSITORY));
  }

  @Override
  protected PreparedCall<InferenceResponse> prepareInfer(InferenceRequest request) {
    V2RestEncodedRequest encoded = V2RestRequestWriter.write(request, binary);
    HttpRequestSpec.Builder spec = HttpRequestSpec.post(KServePaths.v2Infer(request.model()), encoded.body(),
        encoded.contentType()).accept(JSON).idempotent(request.idempotent());
    encoded.inferenceHeaderContentLength()
        .ifPresent(n -> spec.header(V2RestEncodedRequest.HEADER_LENGTH_HEADER, Long.toString(n)));
    return exchange.prepare(spec.build(), http -> V2RestResponseReader.read(http).response());
  }

  @Override
  protected PreparedCall<ModelMetadata> prepareModelMetadata(ModelRef model) {
    return exchange.prepare(HttpRequestSpec.get(KServePaths.v2Model(model)).accept(JSON).build(),
        http -> V2RestDocs.model(http.body()));
  }

  @Override
  protected PreparedCall<Boolean> prepareModelReady(ModelRef model) {
    return exchange.prepareAnyStatus(HttpRequestSpec.get(KServePaths.v2Ready(model)).build(), HttpResult::isSuccess);
  }

  @Override
  protected PreparedCall<Boolean> prepareServerLive() {
    return exchange.prepareAnyStatus(HttpRequestSpec.get(KServePaths.v2Live()).build(), HttpResult::isSuccess);
  }

  @Override
  protected PreparedCall<Boolean> prepareServerReady() {
    return exchange.prepareAnyStatus(HttpRequestSpec.get(KServePaths.v2ServerReady()).build(), HttpResult::isSuccess);
  }

  @Override
  protected PreparedCall<ServerMetadata> prepareServerMetadata() {
    return exchange.prepare(HttpRequestSpec.get(KServePaths.v2ServerMetadata()).accept(JSON).build(),
        http -> V2RestDocs.server(http.body()));
  }

  /** {@link ModelRepository}. */
  @Override
  protected Collection<?> extensions() {
    return List.of(repository);
  }

  @Override
  protected void closeTransport() {
    exchange.close();
  }
}
