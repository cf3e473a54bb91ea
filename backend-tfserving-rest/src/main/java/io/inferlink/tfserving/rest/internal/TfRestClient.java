package io.inferlink.tfserving.rest.internal;

import io.inferlink.Capabilities;
import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.InvalidRequestException;
import io.inferlink.ModelMetadata;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.support.AbstractInferenceClient;
import io.inferlink.spi.support.Attempt;
import io.inferlink.spi.support.Errors;
import io.inferlink.spi.support.Futures;
import io.inferlink.spi.support.PreparedCall;
import io.inferlink.tfserving.Classification;
import io.inferlink.tfserving.ExampleInput;
import io.inferlink.tfserving.ModelVersionStatus;
import io.inferlink.tfserving.TensorFlowServing;
import io.inferlink.tfserving.TfReadiness;
import io.inferlink.tfserving.rest.TfServingRestOptions;
import io.inferlink.tfserving.rest.TfServingRestOptions.RequestFormat;
import io.inferlink.transport.http.internal.ByteChunks;
import io.inferlink.transport.http.internal.HttpExchange;
import io.inferlink.transport.http.internal.HttpRequestSpec;
import io.inferlink.transport.http.internal.HttpResult;
import io.inferlink.transport.http.internal.RequestBody;
import io.inferlink.transport.http.internal.HttpTransport;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * An {@link InferenceClient} for TF Serving's REST API (and Paperspace deployments, which front it),
 * also offering {@link TensorFlowServing}'s classify, regress and model status. Each operation builds
 * its request here and leaves sending, errors and cancellation to the skeleton's pipeline and the
 * {@link HttpExchange}. Thread-safe.
 *
 * <p>Predict fetches the model's signature the first time (within the first attempt, in parallel with
 * the predict call, and cached) to give JSON outputs their element types. Requested outputs are
 * selected client-side: TF Serving's REST API has no output filter, so the server computes every
 * output and the others are dropped.
 */
final class TfRestClient extends AbstractInferenceClient implements TensorFlowServing {
  private static final String JSON = "application/json";

  private final HttpExchange exchange;
  private final TfRestPaths paths;
  private final RequestFormat format;
  private final boolean convertToFp32;
  private final boolean useMetadata;
  private final MetadataCache metadata = new MetadataCache();

  TfRestClient(String provider, Endpoint endpoint, HttpTransport transport, TfRestPaths paths, ClientOptions options,
      boolean labels, HttpExchange.ErrorReader errors) {
    super(provider, endpoint, options, TfRestCapabilities.of(options.get(TfServingRestOptions.REQUEST_FORMAT), labels,
        options.get(TfServingRestOptions.CONVERT_TO_FP32)));
    this.exchange = new HttpExchange(transport, provider, TfAnswers.PROTOCOL, errors);
    this.paths = paths;
    this.format = options.get(TfServingRestOptions.REQUEST_FORMAT);
    this.convertToFp32 = options.get(TfServingRestOptions.CONVERT_TO_FP32);
    this.useMetadata = options.get(TfServingRestOptions.USE_METADATA);
  }

  @Override
  protected PreparedCall<InferenceResponse> prepareInfer(InferenceRequest request) {
    InferenceRequest sent = convertToFp32 ? HalfPrecision.asFp32(request) : request;
    String path = paths.verb(request.model(), "predict");
    PreparedCall<HttpResult> keyed = predict(path, PredictRequestWriter.write(sent, sent.inputs().values(), format,
        false), request);
    // The row form writes bare rows only for a signature known to have one input: then both bodies are
    // written now, and the signature chooses which one goes (once it is cached, it chooses here).
    boolean signatureChooses = format == RequestFormat.ROW && sent.inputs().size() == 1 && useMetadata;
    if (signatureChooses) {
      Optional<Optional<SignatureReader.Signatures>> known = metadata.known(request.model());
      if (known.isEmpty()) {
        PreparedCall<HttpResult> bare = predict(path, PredictRequestWriter.write(sent, sent.inputs().values(),
            format, true), request);
        return new Predict(request, keyed, bare);
      }
      if (known.get().map(s -> SignatureReader.inputCount(s, sent.signatureName()) == 1).orElse(false)) {
        keyed = predict(path, PredictRequestWriter.write(sent, sent.inputs().values(), format, true), request);
      }
    }
    return new Predict(request, keyed, null);
  }

  private PreparedCall<HttpResult> predict(String path, RequestBody body, InferenceRequest request) {
    return exchange.prepare(HttpRequestSpec.post(path, body, JSON).idempotent(request.idempotent()).build(),
        Function.identity());
  }

  @Override
  protected PreparedCall<ModelMetadata> prepareModelMetadata(ModelRef model) {
    return exchange.prepare(HttpRequestSpec.get(paths.metadata(model)).build(),
        http -> TfAnswers.metadata(http, model.name()));
  }

  /** TF Serving has no ready endpoint: ready when a version it reports is AVAILABLE. */
  @Override
  protected PreparedCall<Boolean> prepareModelReady(ModelRef model) {
    PreparedCall<List<ModelVersionStatus>> status = prepareStatus(model);
    return attempt -> TfReadiness.fromStatus(status.send(attempt), providerName());
  }

  @Override
  public CompletableFuture<List<ModelVersionStatus>> modelStatusAsync(ModelRef model) {
    return callExtension("model.status", model, true, () -> {
      capabilities().check(model, providerName());
      return prepareStatus(model);
    });
  }

  private PreparedCall<List<ModelVersionStatus>> prepareStatus(ModelRef model) {
    return exchange.prepare(HttpRequestSpec.get(paths.model(model)).build(), TfAnswers::status);
  }

  @Override
  public CompletableFuture<List<List<Classification>>> classifyAsync(ModelRef model, String signatureName,
      ExampleInput input) {
    return examples("classify", model, signatureName, input, ExamplesJson::classifications);
  }

  @Override
  public CompletableFuture<List<Float>> regressAsync(ModelRef model, String signatureName, ExampleInput input) {
    return examples("regress", model, signatureName, input, ExamplesJson::regressions);
  }

  private <T> CompletableFuture<T> examples(String verb, ModelRef model, String signatureName, ExampleInput input,
      Function<ByteChunks, T> read) {
    return callExtension(verb, model, true, () -> {
      capabilities().check(model, providerName());
      RequestBody body = ExamplesJson.request(signatureName, input);
      return exchange.prepare(HttpRequestSpec.post(paths.verb(model, verb), body, JSON).build(),
          http -> read.apply(http.body()));
    });
  }

  @Override
  public void refreshMetadata(ModelRef model) {
    metadata.forget(model.name());
  }

  @Override
  protected void closeTransport() {
    exchange.close();
  }

  @Override
  public InferenceClient client() {
    return this;
  }

  /**
   * A predict: its body (or, while the signature is unknown, both bodies) written before anything is
   * sent; each attempt sends it alongside the signature fetch (needed once per model, with the
   * attempt's headers and time) and types the answer's outputs with the signature.
   */
  private final class Predict implements PreparedCall<InferenceResponse> {
    private final InferenceRequest request;
    private final PreparedCall<HttpResult> keyed;
    private final PreparedCall<HttpResult> bare;

    Predict(InferenceRequest request, PreparedCall<HttpResult> keyed, PreparedCall<HttpResult> bare) {
      this.request = request;
      this.keyed = keyed;
      this.bare = bare;
    }

    @Override
    public CompletableFuture<InferenceResponse> send(Attempt attempt) {
      CompletableFuture<Optional<SignatureReader.Signatures>> sigs = useMetadata
          ? metadata.get(request.model(), () -> fetchSignatures(request.model(), attempt))
          : CompletableFuture.completedFuture(Optional.empty());
      CompletableFuture<InferenceResponse> result = new CompletableFuture<>();
      if (bare == null) {
        decodeInto(result, keyed.send(attempt), sigs);
        return result;
      }
      sigs.thenRun(() -> {
        if (!result.isDone()) { // not cancelled while the signature was fetched
          boolean oneInput = sigs.join().map(s -> SignatureReader.inputCount(s, request.signatureName()) == 1)
              .orElse(false);
          decodeInto(result, (oneInput ? bare : keyed).send(attempt), sigs);
        }
      });
      return result;
    }

    @Override
    public long requestBytes() {
      return keyed.requestBytes();
    }

    private void decodeInto(CompletableFuture<InferenceResponse> result, CompletableFuture<HttpResult> call,
        CompletableFuture<Optional<SignatureReader.Signatures>> sigs) {
      Futures.cancelling(result, call);
      call.thenCombine(sigs, (http, signatures) -> HttpExchange.decode(http, h -> response(request,
          TfAnswers.outputs(h, signatures.map(s -> typesOrUnknown(s)).orElse(OutputTypes.UNKNOWN))),
          providerName(), TfAnswers.PROTOCOL))
          .whenComplete((response, error) -> {
            if (error != null) {
              result.completeExceptionally(Errors.unwrapFutureException(error));
            } else {
              result.complete(response);
            }
          });
    }

    private OutputTypes typesOrUnknown(SignatureReader.Signatures s) {
      try {
        return SignatureReader.outputTypes(s, request.signatureName());
      } catch (RuntimeException e) {
        return OutputTypes.UNKNOWN; // the server will say what is wrong with the signature name
      }
    }
  }

  private CompletableFuture<SignatureReader.Signatures> fetchSignatures(ModelRef model, Attempt attempt) {
    return exchange.prepare(HttpRequestSpec.get(paths.metadata(model)).build(),
        http -> TfAnswers.signatures(http, model.name())).send(attempt);
  }

  private static InferenceResponse response(InferenceRequest request, List<Tensor> outputs) {
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
}
