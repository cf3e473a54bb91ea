package io.inferlink.emulator.tfserving;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferlink.Tensor;
import io.inferlink.emulator.CallRecorder;
import io.inferlink.emulator.FrontendContext;
import io.inferlink.emulator.HttpCall;
import io.inferlink.emulator.HttpReply;
import io.inferlink.emulator.HttpRoute;
import io.inferlink.emulator.KitContract;
import io.inferlink.emulator.ModelCall;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ResolvedModel;
import io.inferlink.emulator.ScriptedFailure;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Answers every request of a TF Serving REST (or legacy Paperspace) server: records the headers,
 * checks Basic credentials when asked to, routes by TF's path expressions, and turns failures into
 * {@code {"error": msg}} with TF's statuses. Thread-safe (stateless between requests).
 */
final class TfsHandler implements HttpRoute {
  private static final String JSON = "application/json";
  // What libevent's evhttp_send_error writes for a path outside /v1/.
  private static final byte[] LIBEVENT_404 = ("<HTML><HEAD>\n<TITLE>404 Not Found</TITLE>\n</HEAD><BODY>\n"
      + "<H1>Not Found</H1>\n</BODY></HTML>\n").getBytes(StandardCharsets.US_ASCII);

  private final ModelScript script;
  private final TfsModels models;
  private final CallRecorder recorder;
  private final TfsBasicAuth auth;
  private final boolean paperspace;
  private final UnaryOperator<String> deployments;

  /**
   * @param auth the required credentials, or {@code null} for none
   * @param deployments Paperspace deployment id → model name ({@code null}: plain TF Serving paths)
   */
  TfsHandler(FrontendContext context, TfsBasicAuth auth, UnaryOperator<String> deployments) {
    this.script = context.script();
    this.models = new TfsModels(context.script());
    this.recorder = context.recorder();
    this.auth = auth;
    this.paperspace = deployments != null;
    this.deployments = deployments;
  }

  @Override
  public HttpReply handle(HttpCall http) {
    recorder.recordHeaders(http.headers());
    if (auth != null && !auth.accepts(http)) {
      return auth.challenge();
    }
    try {
      TfsPath path = TfsPath.parse(http.method(), http.rawPath(), paperspace);
      if (path == null) {
        return HttpReply.of(404, "text/html", LIBEVENT_404);
      }
      String model = paperspace ? deployments.apply(path.model()) : path.model();
      switch (path.kind()) {
        case STATUS:
          // TF's status handler never resolves a label: it lists every version.
          return ok(TfsDocuments.status(models.forStatus(model), path.version()));
        case METADATA:
          return ok(TfsDocuments.metadata(models.resolve(model, path.version(), path.label())));
        case PREDICT:
          return ok(predict(http, model, path));
        default:
          return ok(classifyOrRegress(http, model, path));
      }
    } catch (TfsError e) {
      return error(e.httpStatus(), e.getMessage());
    } catch (ScriptedFailure f) {
      return failure(f);
    }
  }

  /** The answer to a model's failure: TF's status for the code and {@code {"error": msg}}. */
  static HttpReply failure(ScriptedFailure f) {
    return error(TfsError.httpStatus(f.code()), f.getMessage());
  }

  static HttpReply error(int status, String message) {
    return HttpReply.of(status, JSON, new TfsJsonWriter().beginObject().key("error").string(message).endObject().toBytes());
  }

  private byte[] predict(HttpCall http, String model, TfsPath path) {
    JsonNode doc = TfsJson.parseObject(http.body());
    String signature = signatureName(doc);
    ResolvedModel target = models.resolve(model, path.version(), path.label());
    if (!signature.isEmpty() && !signature.equals(TfsModels.SIGNATURE)) {
      throw TfsError.invalid("Serving signature name: \"" + signature + "\" not found in signature def");
    }
    Map<String, io.inferlink.DataType> inputs = TfsModels.inputs(target.model().metadata(target.version()));
    if (inputs.isEmpty()) {
      throw TfsError.invalid("Failed to get input map for signature: " + (signature.isEmpty() ? "DEFAULT" : signature));
    }
    // identity takes any subset of its declared inputs; a real TF model demands them all.
    boolean lenient = target.name().equals(KitContract.IDENTITY);
    TfsPredictRequest request = TfsPredictRequest.read(doc, inputs, lenient);
    ModelCall call = start(http, ModelCall.builder(target).inputs(request.inputs()));
    List<Tensor> outputs = script.infer(call);
    boolean named = outputs.size() > 1 || target.model().metadata(target.version()).outputs().size() > 1;
    return TfsPredictResponse.write(outputs, request.rowFormat(), named);
  }

  private byte[] classifyOrRegress(HttpCall http, String model, TfsPath path) {
    boolean classify = path.kind() == TfsPath.Kind.CLASSIFY;
    JsonNode doc = TfsJson.parseObject(http.body());
    String signature = signatureName(doc);
    var examples = TfsExamples.read(doc);
    ResolvedModel target = models.resolve(model, path.version(), path.label());
    if (!signature.isEmpty() && !signature.equals(TfsModels.SIGNATURE)) {
      throw TfsError.invalid("No signature was found with the name: " + signature);
    }
    boolean supported = classify ? target.model().classifies() : target.model().regresses();
    if (!supported) {
      String what = classify ? "classification" : "regression";
      String method = classify ? "tensorflow/serving/classify" : "tensorflow/serving/regress";
      throw TfsError.invalid("Expected " + what + " signature method_name to be " + method + ". Was: "
          + TfsDocuments.PREDICT_METHOD);
    }
    ModelCall call = start(http, ModelCall.builder(target));
    return classify
        ? TfsExamples.classifications(target.model().classify(call, examples))
        : TfsExamples.regressions(target.model().regress(call, examples));
  }

  /** Builds the call, reports its cancellation, and cancels it when the client hangs up. */
  private ModelCall start(HttpCall http, ModelCall.Builder builder) {
    ModelCall call = builder.headers(http.headers()).build();
    // Headers were recorded on arrival; track() records them again (the first copy is kept) and
    // marks the model call started, with its cancellation reported.
    recorder.track(call);
    http.onClientGone(call::cancel);
    return call;
  }

  private static String signatureName(JsonNode doc) {
    JsonNode name = doc.get("signature_name");
    if (name == null) {
      return "";
    }
    if (!name.isTextual()) {
      throw TfsError.invalid("JSON Value: " + TfsJson.describe(doc)
          + " not formatted correctly. 'signature_name' key must be a string value.");
    }
    return name.textValue();
  }

  private static HttpReply ok(byte[] json) {
    return HttpReply.of(200, JSON, json);
  }
}
