package io.inferlink.tfserving.rest.internal;

import io.inferlink.Capabilities;
import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceException;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.InvalidRequestException;
import io.inferlink.ModelMetadata;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.spi.Errors;
import io.inferlink.spi.Futures;
import io.inferlink.tfserving.Classification;
import io.inferlink.tfserving.ExampleInput;
import io.inferlink.tfserving.ModelVersionStatus;
import io.inferlink.tfserving.TensorFlowServing;
import io.inferlink.tfserving.rest.TfServingRestOptions;
import io.inferlink.tfserving.rest.TfServingRestOptions.RequestFormat;
import io.inferlink.transport.http.ByteChunks;
import io.inferlink.transport.http.HttpRequestSpec;
import io.inferlink.transport.http.HttpResult;
import io.inferlink.transport.http.HttpTransport;
import io.inferlink.transport.http.RequestBody;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * An {@link InferenceClient} for TF Serving's REST API (and Paperspace deployments, which front it),
 * also offering {@link TensorFlowServing}'s classify, regress and model status. Thread-safe.
 *
 * <p>Predict fetches the model's signature the first time (in parallel with the call, and cached)
 * to give JSON outputs their element types. Requested outputs are selected client-side: TF Serving's
 * REST API has no output filter, so the server computes every output and the others are dropped.
 */
final class TfRestClient implements InferenceClient, TensorFlowServing {
  private static final String JSON = "application/json";

  private final String provider;
  private final ClientOptions options;
  private final HttpTransport transport;
  private final TfRestPaths paths;
  private final Capabilities capabilities;
  private final RequestFormat format;
  private final boolean convertToFp32;
  private final boolean useMetadata;
  private final Function<HttpResult, InferenceException> errors;
  private final MetadataCache metadata;
  private final AtomicBoolean closed = new AtomicBoolean();

  TfRestClient(String provider, HttpTransport transport, TfRestPaths paths, ClientOptions options,
      Capabilities capabilities, Function<HttpResult, InferenceException> errors) {
    this.provider = provider;
    this.options = options;
    this.transport = transport;
    this.paths = paths;
    this.capabilities = capabilities;
    this.format = options.get(TfServingRestOptions.REQUEST_FORMAT);
    this.convertToFp32 = options.get(TfServingRestOptions.CONVERT_TO_FP32);
    this.useMetadata = options.get(TfServingRestOptions.USE_METADATA);
    this.errors = errors;
    this.metadata = new MetadataCache(this::fetchSignatures);
  }

  @Override
  public CompletableFuture<InferenceResponse> inferAsync(InferenceRequest request) {
    InferenceRequest sent;
    try {
      ensureOpen();
      sent = convertToFp32 ? HalfPrecision.asFp32(request) : request;
      capabilities.check(sent, provider);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    ModelRef ref = request.model();
    CompletableFuture<Optional<SignatureReader.Signatures>> sigs =
        useMetadata ? metadata.get(ref) : CompletableFuture.completedFuture(Optional.empty());
    // The row form writes bare rows only for a signature known to have one input, so it waits for
    // the signature; the columnar form does not depend on it and goes out at once.
    CompletableFuture<Boolean> bareRows = format == RequestFormat.ROW && sent.inputs().size() == 1
        ? sigs.thenApply(s -> s.map(x -> SignatureReader.inputCount(x, sent.signatureName()) == 1).orElse(false))
        : CompletableFuture.completedFuture(false);
    CompletableFuture<InferenceResponse> result = new CompletableFuture<>();
    bareRows.whenComplete((bare, ignored) -> {
      if (result.isDone()) {
        return;
      }
      CompletableFuture<HttpResult> call;
      try {
        RequestBody body = PredictRequestWriter.write(sent, sent.inputs().values(), format, Boolean.TRUE.equals(bare));
        call = transport.send(HttpRequestSpec.post(paths.verb(ref, "predict"), body, JSON)
            .timeout(options.timeoutFor(request)).idempotent(request.idempotent()).build());
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
        return;
      }
      Futures.cancelling(result, call);
      call.thenCombine(sigs, (http, signatures) -> {
        if (!http.isSuccess()) {
          throw errors.apply(http);
        }
        OutputTypes types = signatures.map(s -> typesOrUnknown(s, request.signatureName())).orElse(OutputTypes.UNKNOWN);
        return response(request, TfAnswers.outputs(http, types, provider));
      }).whenComplete((response, error) -> {
        if (error != null) {
          result.completeExceptionally(Errors.unwrapFutureException(error));
        } else {
          result.complete(response);
        }
      });
    });
    return result;
  }

  private InferenceResponse response(InferenceRequest request, List<Tensor> outputs) {
    InferenceResponse.Builder b = InferenceResponse.builder().modelName(request.model().name())
        .modelVersion(request.model().version());
    if (request.requestedOutputs().isEmpty()) {
      outputs.forEach(b::output);
      return b.build();
    }
    for (String wanted : request.requestedOutputs()) {
      Tensor t = outputs.stream().filter(o -> o.name().equals(wanted)).findFirst().orElseThrow(() ->
          new InvalidRequestException("model '" + request.model() + "' has no output '" + wanted + "'; it answered "
              + outputs.stream().map(Tensor::name).toList()));
      b.output(t);
    }
    return b.build();
  }

  private static OutputTypes typesOrUnknown(SignatureReader.Signatures s, String signatureName) {
    try {
      return SignatureReader.outputTypes(s, signatureName);
    } catch (RuntimeException e) {
      return OutputTypes.UNKNOWN; // the server will say what is wrong with the signature name
    }
  }

  @Override
  public CompletableFuture<ModelMetadata> modelMetadataAsync(ModelRef model) {
    return get(model, paths.metadata(model), http -> TfAnswers.metadata(http, model.name(), provider));
  }

  @Override
  public CompletableFuture<Boolean> modelReadyAsync(ModelRef model) {
    return io.inferlink.tfserving.TfReadiness.fromStatus(modelStatusAsync(model), provider);
  }

  @Override
  public CompletableFuture<List<ModelVersionStatus>> modelStatusAsync(ModelRef model) {
    return get(model, paths.model(model), http -> TfAnswers.status(http, provider));
  }

  @Override
  public CompletableFuture<List<List<Classification>>> classifyAsync(ModelRef model, String signatureName, ExampleInput input) {
    return post(model, "classify", signatureName, input, ExamplesJson::classifications);
  }

  @Override
  public CompletableFuture<List<Float>> regressAsync(ModelRef model, String signatureName, ExampleInput input) {
    return post(model, "regress", signatureName, input, ExamplesJson::regressions);
  }

  @Override
  public void refreshMetadata(ModelRef model) {
    metadata.forget(model.name());
  }

  @Override
  public InferenceClient client() {
    return this;
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
  public void close() {
    if (closed.compareAndSet(false, true)) {
      transport.close();
    }
  }

  private CompletableFuture<SignatureReader.Signatures> fetchSignatures(ModelRef model) {
    return get(model, paths.metadata(model), http -> TfAnswers.signatures(http, model.name(), provider));
  }

  private <T> CompletableFuture<T> get(ModelRef model, String path, Function<HttpResult, T> read) {
    try {
      ensureOpen();
      capabilities.check(model, provider);
      return exchange(HttpRequestSpec.get(path).build(), read);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private <T> CompletableFuture<T> post(ModelRef model, String verb, String signatureName, ExampleInput input,
      Function<ByteChunks, T> read) {
    try {
      ensureOpen();
      capabilities.check(model, provider);
      RequestBody body = ExamplesJson.request(signatureName, input);
      return exchange(HttpRequestSpec.post(paths.verb(model, verb), body, JSON).build(),
          http -> TfAnswers.read(http, provider, read));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private <T> CompletableFuture<T> exchange(HttpRequestSpec spec, Function<HttpResult, T> read) {
    CompletableFuture<HttpResult> call = transport.send(spec);
    CompletableFuture<T> result = call.thenApply(http -> {
      if (!http.isSuccess()) {
        throw errors.apply(http);
      }
      return read.apply(http);
    });
    return Futures.cancelling(result, call);
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException(provider + " client is closed");
    }
  }

}
