package io.inferlink.emulator.kservev1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferlink.Tensor;
import io.inferlink.emulator.CallRecorder;
import io.inferlink.emulator.FrontendContext;
import io.inferlink.emulator.HttpCall;
import io.inferlink.emulator.HttpReply;
import io.inferlink.emulator.HttpRoute;
import io.inferlink.emulator.ModelCall;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ResolvedModel;
import io.inferlink.emulator.ScriptedFailure;
import java.util.List;

/**
 * Answers every request of the V1 server: records the headers, routes by path, runs predict and
 * explain calls (tracked, cancelled when the client hangs up), and turns failures into KServe's
 * answers. Thread-safe (stateless between requests).
 */
final class V1RestHandler implements HttpRoute {
  static final String JSON = "application/json";

  private final ModelScript script;
  private final V1RestModels models;
  private final CallRecorder recorder;

  V1RestHandler(FrontendContext context) {
    this.script = context.script();
    this.models = new V1RestModels(context.script());
    this.recorder = context.recorder();
  }

  @Override
  public HttpReply handle(HttpCall http) {
    recorder.recordHeaders(http.headers());
    try {
      V1RestPath path = V1RestPath.route(http.method(), http.rawPath());
      switch (path.kind()) {
        case LIVE:
          ObjectNode alive = V1RestJson.object();
          alive.put("status", "alive");
          return ok(alive);
        case LIST:
          return ok(models.list());
        case READY:
          return ok(models.ready(path.model()));
        default:
          return ok(run(http, path.model(), path.kind() == V1RestPath.Kind.EXPLAIN));
      }
    } catch (V1RestError e) {
      return HttpReply.of(e.status(), JSON, V1RestJson.message(e.field(), e.getMessage()));
    } catch (ScriptedFailure f) {
      return failure(f);
    }
  }

  /** A model's failure: the shared status table's status and {@code {"error": msg}} (as kserve_models.py installs). */
  static HttpReply failure(ScriptedFailure f) {
    return HttpReply.of(f.httpStatus(), JSON, V1RestJson.message("error", f.getMessage()));
  }

  /** Predict or explain: KServe checks the model before it reads the body. */
  private ObjectNode run(HttpCall http, String name, boolean explain) {
    ResolvedModel target = models.resolveReady(name);
    List<Tensor> inputs = V1Instances.read(V1RestJson.parseObject(http.body()), V1RestModels.inputTypes(target));
    ModelCall call = ModelCall.builder(target).inputs(inputs).headers(http.headers()).build();
    recorder.track(call);
    http.onClientGone(call::cancel);
    List<Tensor> outputs = script.infer(call);
    ObjectNode answer = V1RestJson.object();
    answer.set("predictions", V1Predictions.of(outputs));
    if (explain) {
      answer.set("explanations", explanations(inputs, outputs));
    }
    return answer;
  }

  /**
   * The emulator's explanation: per instance, {@code {"instance": i, "explainer": "inferlink-emulator",
   * "inputs": [names], "outputs": [names]}} (real explainers, Alibi's say, define their own).
   */
  private static ArrayNode explanations(List<Tensor> inputs, List<Tensor> outputs) {
    ArrayNode list = V1RestJson.object().arrayNode();
    long rows = inputs.get(0).shape()[0];
    for (long i = 0; i < rows; i++) {
      ObjectNode e = list.addObject();
      e.put("instance", i);
      e.put("explainer", KServeV1RestFrontend.EXPLAINER);
      ArrayNode in = e.putArray("inputs");
      inputs.forEach(t -> in.add(t.name()));
      ArrayNode out = e.putArray("outputs");
      outputs.forEach(t -> out.add(t.name()));
    }
    return list;
  }

  private static HttpReply ok(JsonNode doc) {
    return HttpReply.of(200, JSON, V1RestJson.bytes(doc));
  }
}
