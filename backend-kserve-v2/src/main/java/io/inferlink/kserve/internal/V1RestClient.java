package io.inferlink.kserve.internal;

import io.inferlink.Capabilities;
import io.inferlink.ClientOptions;
import io.inferlink.DataType;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelRef;
import io.inferlink.kserve.KServeExplanation;
import io.inferlink.kserve.KServePaths;
import io.inferlink.kserve.KServeV1;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.support.AbstractInferenceClient;
import io.inferlink.spi.support.PreparedCall;
import io.inferlink.transport.http.internal.HttpErrors;
import io.inferlink.transport.http.internal.HttpExchange;
import io.inferlink.transport.http.internal.HttpRequestSpec;
import io.inferlink.transport.http.internal.HttpResult;
import io.inferlink.transport.http.internal.HttpTransport;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An {@link InferenceClient} for KServe's V1 protocol (TF Serving's row format over REST), with
 * {@link KServeV1} for explain and the model list. Requests carry {@code instances}; answers'
 * {@code predictions} are typed from their JSON values (see {@link V1PredictionsReader}), and a
 * single-output model's answer is named {@code predictions}, since V1 does not carry output names.
 * Model readiness is false on 404 (unknown model) and 503 (not ready), an error on other failures;
 * liveness is {@code GET /} (KServe answers {@code {"status": "alive"}}), true on 2xx. Each operation
 * builds its request here and leaves sending, errors and cancellation to the skeleton's pipeline and
 * the {@link HttpExchange}. Thread-safe.
 */
final class V1RestClient extends AbstractInferenceClient implements KServeV1 {
  private static final String JSON = "application/json";

  private final DataType floatType;
  private final HttpExchange exchange;

  V1RestClient(String provider, Endpoint endpoint, HttpTransport transport, ClientOptions options,
      Capabilities capabilities, DataType floatType) {
    super(provider, endpoint, options, capabilities);
    this.exchange = new HttpExchange(transport, provider, "a KServe V1 response");
    this.floatType = floatType;
  }

  @Override
  protected PreparedCall<InferenceResponse> prepareInfer(InferenceRequest request) {
    String model = request.model().name();
    return exchange.prepare(post(request, KServePaths.predictPath(model, KServePaths.Protocol.V1)),
        http -> response(http, model, floatType));
  }

  /** The response of a predict answer; its outputs are typed with {@code floatType} for floats. */
  static InferenceResponse response(HttpResult http, String model, DataType floatType) {
    InferenceResponse.Builder b = InferenceResponse.builder().modelName(model);
    V1PredictionsReader.read(http.body(), floatType).values().forEach(b::output);
    return b.build();
  }

  @Override
  protected PreparedCall<Boolean> prepareModelReady(ModelRef model) {
    return exchange.prepareAnyStatus(HttpRequestSpec.get(KServePaths.v1Model(model.name())).accept(JSON).build(),
        http -> {
          if (http.status() == 404 || http.status() == 503) {
            return false; // KServe: "does not exist" / "is not ready"
          }
          if (!http.isSuccess()) {
            throw HttpErrors.toException(http, providerName());
          }
          return V1Docs.ready(http.body());
        });
  }

  @Override
  protected PreparedCall<Boolean> prepareServerLive() {
    return exchange.prepareAnyStatus(HttpRequestSpec.get("/").accept(JSON).build(), HttpResult::isSuccess);
  }

  @Override
  public CompletableFuture<KServeExplanation> explainAsync(InferenceRequest request) {
    return callExtension("explain", request, () -> exchange.prepare(
        post(request, KServePaths.explainPath(request.model().name())),
        http -> V1Docs.explanation(http.body(), floatType)));
  }

  @Override
  public CompletableFuture<List<String>> listModelsAsync() {
    return callExtension("models", true, () -> exchange.prepare(
        HttpRequestSpec.get(KServePaths.v1Models()).accept(JSON).build(), http -> V1Docs.models(http.body())));
  }

  @Override
  public InferenceClient client() {
    return this;
  }

  @Override
  protected void closeTransport() {
    exchange.close();
  }

  /** A predict or explain POST, encoded before anything is sent. */
  private static HttpRequestSpec post(InferenceRequest request, String path) {
    return HttpRequestSpec.post(path, V1InstancesWriter.write(request), JSON).accept(JSON)
        .idempotent(request.idempotent()).build();
  }
}
