package io.inferlink.examples.torchserve.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferlink.DataType;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answers TorchServe's inference API: {@code GET /ping} and {@code POST|PUT /predictions/{model}[/{version}]},
 * where the emulated handler reads and writes the template's JSON convention. Records every call's
 * headers; a client that hangs up cancels its model call. Thread-safe (stateless between requests).
 */
final class TorchServeInferenceHandler implements HttpRoute {
  private final ModelScript script;
  private final TorchServeModels models;
  private final CallRecorder recorder;

  TorchServeInferenceHandler(FrontendContext context) {
    this.script = context.script();
    this.models = new TorchServeModels(context.script());
    this.recorder = context.recorder();
  }

  @Override
  public HttpReply handle(HttpCall http) {
    recorder.recordHeaders(http.headers());
    try {
      TorchServePath path = TorchServePath.parse(http.rawPath());
      if (path.is("ping", 0, 0)) {
        boolean healthy = models.allReady();
        ObjectNode status = TorchServeJsonTrees.object().put("status", healthy ? "Healthy" : "Unhealthy");
        return json(healthy ? 200 : 500, status);
      }
      if (path.is("predictions", 1, 2)) {
        if (!http.method().equals("POST") && !http.method().equals("PUT")) {
          throw TorchServeError.methodNotAllowed();
        }
        return json(200, predict(http, path.at(1), path.at(2)));
      }
      throw TorchServeError.resourceNotFound();
    } catch (TorchServeError e) {
      return e.reply();
    } catch (ScriptedFailure f) {
      return TorchServeError.failure(f);
    }
  }

  /** TorchServe routes to the model before the handler reads the body, so an unknown model wins over a bad body. */
  private ObjectNode predict(HttpCall http, String name, String version) {
    ResolvedModel target = models.resolve(name, version);
    if (!target.model().isReady(target.version())) {
      throw TorchServeError.noWorker(name);
    }
    ObjectNode body = TorchServeJsonTrees.parseObject(http.body());
    Map<String, DataType> declared = TorchServeModels.inputTypes(target);
    List<Tensor> inputs = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : body.properties()) {
      inputs.add(TorchServeTensors.fromJson(field.getKey(), field.getValue(), declared.get(field.getKey())));
    }
    ModelCall call = ModelCall.builder(target).inputs(inputs).headers(http.headers()).build();
    recorder.track(call);
    http.onClientGone(call::cancel);
    ObjectNode answer = TorchServeJsonTrees.object();
    for (Tensor t : script.infer(call)) {
      answer.set(t.name(), TorchServeTensors.toJson(t));
    }
    return answer;
  }

  static HttpReply json(int status, JsonNode doc) {
    return HttpReply.of(status, "application/json", TorchServeJsonTrees.bytes(doc));
  }
}
