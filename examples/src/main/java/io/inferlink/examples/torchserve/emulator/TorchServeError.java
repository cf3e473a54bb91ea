package io.inferlink.examples.torchserve.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferlink.emulator.HttpReply;
import io.inferlink.emulator.ScriptedFailure;

/**
 * An error answer in TorchServe's form, {@code {"code": <status>, "type": <exception class>,
 * "message": <text>}}: the frontend's own ({@code ModelNotFoundException} 404 and the like) and the
 * handler's, which TorchServe always reports as {@code InternalServerException} with the status the
 * handler chose (a {@code PredictionException}'s code, else 503). Immutable.
 */
final class TorchServeError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;

  private TorchServeError(int status, String type, String message) {
    // No stack trace: an expected answer, thrown for every bad request.
    super(message, null, false, false);
    this.status = status;
    this.type = type;
  }

  static TorchServeError modelNotFound(String model) {
    return new TorchServeError(404, "ModelNotFoundException", "Model not found: " + model);
  }

  static TorchServeError versionNotFound(String model, String version) {
    return new TorchServeError(404, "ModelVersionNotFoundException",
        "Model version: " + version + " does not exist for model: " + model);
  }

  static TorchServeError resourceNotFound() {
    return new TorchServeError(404, "ResourceNotFoundException",
        "Requested resource is not found, please refer to API document.");
  }

  static TorchServeError methodNotAllowed() {
    return new TorchServeError(405, "MethodNotAllowedException",
        "Requested method is not allowed, please refer to API document.");
  }

  static TorchServeError noWorker(String model) {
    return new TorchServeError(503, "ServiceUnavailableException", "Model \"" + model
        + "\" has no worker to serve inference request. Please use scale workers API to add workers.");
  }

  /** What the model's handler raised, as TorchServe's frontend passes it on. */
  static TorchServeError handler(int status, String message) {
    return new TorchServeError(status, "InternalServerException", message);
  }

  /** A scripted model's failure: the handler raised a {@code PredictionException} with the code's status. */
  static HttpReply failure(ScriptedFailure failure) {
    return handler(failure.httpStatus(), failure.getMessage()).reply();
  }

  HttpReply reply() {
    ObjectNode doc = TorchServeJsonTrees.object();
    doc.put("code", status);
    doc.put("type", type);
    doc.put("message", getMessage());
    return HttpReply.of(status, "application/json", TorchServeJsonTrees.bytes(doc));
  }
}
