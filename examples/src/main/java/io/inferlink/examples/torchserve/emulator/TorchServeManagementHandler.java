package io.inferlink.examples.torchserve.emulator;

import io.inferlink.emulator.CallRecorder;
import io.inferlink.emulator.FrontendContext;
import io.inferlink.emulator.HttpCall;
import io.inferlink.emulator.HttpReply;
import io.inferlink.emulator.HttpRoute;

/**
 * Answers the read-only part of TorchServe's management API: {@code GET /models} (the list) and
 * {@code GET /models/{model}[/{version}|/all]} (descriptions with worker states). Registering,
 * scaling and unregistering are not emulated: they answer 405. Records every call's headers.
 * Thread-safe (stateless between requests).
 */
final class TorchServeManagementHandler implements HttpRoute {
  private final TorchServeModels models;
  private final CallRecorder recorder;

  TorchServeManagementHandler(FrontendContext context) {
    this.models = new TorchServeModels(context.script());
    this.recorder = context.recorder();
  }

  @Override
  public HttpReply handle(HttpCall http) {
    recorder.recordHeaders(http.headers());
    try {
      TorchServePath path = TorchServePath.parse(http.rawPath());
      if (!path.is("models", 0, 2)) {
        throw TorchServeError.resourceNotFound();
      }
      if (!http.method().equals("GET")) {
        throw TorchServeError.methodNotAllowed();
      }
      if (path.at(1) == null) {
        return TorchServeInferenceHandler.json(200, models.list());
      }
      return TorchServeInferenceHandler.json(200, models.describe(path.at(1), path.at(2)));
    } catch (TorchServeError e) {
      return e.reply();
    }
  }
}
