package io.inferlink.emulator.oip;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferlink.ServerMetadata;
import io.inferlink.emulator.CallRecorder;
import io.inferlink.emulator.FrontendContext;
import io.inferlink.emulator.HttpCall;
import io.inferlink.emulator.HttpReply;
import io.inferlink.emulator.HttpRoute;
import io.inferlink.emulator.ScriptedFailure;
import io.inferlink.spi.support.HttpStatusTable;

/**
 * Answers every request of the V2 REST server: records the headers, routes by path, and turns
 * failures into {@code {"error": msg}} with KServe/Triton statuses. Thread-safe (stateless between
 * requests).
 */
final class OipRestHandler implements HttpRoute {
  static final String JSON = "application/json";

  private final OipRestModels models;
  private final OipRestInfer infer;
  private final OipRestRepository repositoryRoutes;
  private final OipModelRepository repository; // null: no repository extension
  private final CallRecorder recorder;
  private final ServerMetadata server;

  OipRestHandler(FrontendContext context, OipModelRepository repository, OipRestDialect dialect) {
    this.models = new OipRestModels(context.script(), repository, dialect);
    this.infer = new OipRestInfer(models, context, dialect);
    this.repositoryRoutes = new OipRestRepository(repository, context.script(), dialect);
    this.repository = repository;
    this.recorder = context.recorder();
    this.server = context.server();
  }

  @Override
  public HttpReply handle(HttpCall http) {
    recorder.recordHeaders(http.headers());
    try {
      OipRestPath path = OipRestPath.parse(http.rawPath());
      if (path == null || (path.isRepository() && !repositoryRoutes.serves(path))) {
        return error(404, "Not Found: " + http.rawPath());
      }
      if (!path.method().equals(http.method())) {
        return error(405, "Method Not Allowed: " + http.method() + " " + http.rawPath());
      }
      switch (path.kind()) {
        case LIVE:
          return ok(flag("live"));
        case READY:
          return ok(flag("ready"));
        case SERVER_METADATA:
          return ok(serverMetadata());
        case MODEL_READY:
          return ok(models.ready(path.model(), path.version()));
        case MODEL_METADATA:
          return ok(models.metadata(path.model(), path.version()));
        case MODEL_LIST: case REPOSITORY_INDEX: case REPOSITORY_LOAD: case REPOSITORY_UNLOAD:
          return repositoryRoutes.answer(path, http);
        default:
          return infer.infer(http, path.model(), path.version());
      }
    } catch (OipRestError e) {
      return error(e.status(), e.getMessage());
    } catch (ScriptedFailure f) {
      return failure(f);
    }
  }

  /** A model's failure: the shared status table's status and {@code {"error": msg}}. */
  static HttpReply failure(ScriptedFailure f) {
    return error(HttpStatusTable.toHttpStatus(f.code()), f.getMessage());
  }

  static HttpReply error(int status, String message) {
    return HttpReply.of(status, JSON, OipRestJson.error(message));
  }

  private static HttpReply ok(ObjectNode doc) {
    return HttpReply.of(200, JSON, OipRestJson.bytes(doc));
  }

  private static ObjectNode flag(String name) {
    ObjectNode doc = OipRestJson.object();
    doc.put(name, true);
    return doc;
  }

  private ObjectNode serverMetadata() {
    ObjectNode doc = OipRestJson.object();
    doc.put("name", server.name());
    doc.put("version", server.version());
    ArrayNode extensions = doc.putArray("extensions");
    extensions.add(OipRestFrontend.BINARY_EXTENSION);
    if (repository != null) {
      extensions.add(repository.extensionName());
    }
    return doc;
  }
}
