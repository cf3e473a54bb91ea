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
import io.inferlink.transport.http.HttpErrors;
import io.inferlink.transport.http.HttpRequestSpec;
import io.inferlink.transport.http.HttpResult;
import io.inferlink.transport.http.HttpTransport;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An {@link InferenceClient} for KServe's V1 protocol (TF Serving's row format over REST), with
 * {@link KServeV1} for explain and the model list. Requests carry {@code instances}; answers'
 * {@code predictions} are typed from their JSON values (see {@link V1PredictionsReader}), and a
 * single-output model's answer is named {@code predictions}, since V1 does not carry output names.
 * Model readiness is false on 404 (unknown model) and 503 (not ready), an error on other failures;
 * liveness is {@code GET /} (KServe answers {@code {"status": "alive"}}), true on 2xx. Thread-safe.
 */
final class V1RestClient implements InferenceClient, KServeV1 {
  private static final String JSON = "application/json";

  private final String provider;
  private final ClientOptions options;
  private final Capabilities capabilities;
  private final DataType floatType;
  private final RestExchange exchange;

  V1RestClient(String provider, HttpTransport transport, ClientOptions options, Capabilities capabilities,
      DataType floatType) {
    this.provider = provider;
    this.exchange = new RestExchange(transport, provider, "a KServe V1 response");
    this.options = options;
    this.capabilities = capabilities;
    this.floatType = floatType;
  }

  @Override
  public CompletableFuture<InferenceResponse> inferAsync(InferenceRequest request) {
    return exchange(() -> post(request, KServePaths.predictPath(request.model().name(), KServePaths.Protocol.V1)),
        http -> response(http, request.model().name(), floatType), true);
  }

  /** The response of a predict answer; its outputs are typed with {@code floatType} for floats. */
  static InferenceResponse response(HttpResult http, String model, DataType floatType) {
    InferenceResponse.Builder b = InferenceResponse.builder().modelName(model);
    V1PredictionsReader.read(http.body(), floatType).values().forEach(b::output);
    return b.build();
  }

  @Override
  public CompletableFuture<KServeExplanation> explainAsync(InferenceRequest request) {
    return exchange(() -> post(request, KServePaths.explainPath(request.model().name())),
        http -> V1Docs.explanation(http.body(), floatType), true);
  }

  @Override
  public CompletableFuture<List<String>> listModelsAsync() {
    return exchange(() -> HttpRequestSpec.get(KServePaths.v1Models()).accept(JSON).build(),
        http -> V1Docs.models(http.body()), true);
  }

  @Override
  public CompletableFuture<Boolean> modelReadyAsync(ModelRef model) {
    return exchange(() -> {
      capabilities.check(model, provider);
      return HttpRequestSpec.get(KServePaths.v1Model(model.name())).accept(JSON).build();
    }, http -> {
      if (http.status() == 404 || http.status() == 503) {
        return false; // KServe: "does not exist" / "is not ready"
      }
      if (!http.isSuccess()) {
        throw HttpErrors.toException(http, provider);
      }
      return V1Docs.ready(http.body());
    }, false);
  }

  @Override
  public CompletableFuture<Boolean> serverLiveAsync() {
    return exchange(() -> HttpRequestSpec.get("/").accept(JSON).build(), HttpResult::isSuccess, false);
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public String providerName() {
    return provider;
  }

  @Override
  public InferenceClient client() {
    return this;
  }

  @Override
  public void close() {
    exchange.close();
  }

  /** A predict or explain POST: checked against the capabilities and encoded before anything is sent. */
  private HttpRequestSpec post(InferenceRequest request, String path) {
    capabilities.check(request, provider);
    return HttpRequestSpec.post(path, V1InstancesWriter.write(request), JSON).accept(JSON)
        .timeout(options.timeoutFor(request)).idempotent(request.idempotent()).build();
  }

  /** One exchange through the shared {@link RestExchange}. */
  private <T> CompletableFuture<T> exchange(Supplier<HttpRequestSpec> request, Function<HttpResult, T> read,
      boolean failOnError) {
    return exchange.send(request, read, failOnError);
  }
}
