package io.inferlink.emulator.oip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferlink.emulator.HttpCall;
import io.inferlink.emulator.HttpReply;
import io.inferlink.emulator.ModelScript;

/**
 * The repository paths of the REST frontend, in the repository's form (PROTOCOLS.md §3.2 and Triton's
 * extension_model_repository.md): Triton's {@code POST /v2/repository/index} (body empty, {@code {}}
 * or {@code {"ready": b}}) answers a JSON array and its load/unload an empty 200; KServe's
 * {@code GET /v2/models} answers {@code {"models": [names]}} and its load/unload
 * {@code {"name": n, "load": true}} / {@code {"name": n, "unload": true}}. Paths of the other form,
 * or all of them without a repository, are not served (404). Thread-safe.
 */
final class OipRestRepository {
  private final OipModelRepository repository; // null: not served
  private final ModelScript script;
  private final OipRestDialect dialect;

  OipRestRepository(OipModelRepository repository, ModelScript script, OipRestDialect dialect) {
    this.repository = repository;
    this.script = script;
    this.dialect = dialect;
  }

  /** Whether this server answers the (repository) path at all. */
  boolean serves(OipRestPath path) {
    if (repository == null) {
      return false;
    }
    boolean triton = repository.form() == OipModelRepository.Form.TRITON;
    switch (path.kind()) {
      case MODEL_LIST:
        return !triton;
      case REPOSITORY_INDEX:
        return triton;
      default:
        return true;
    }
  }

  /** Answers a path {@link #serves} accepts; failures are thrown as the handler expects them. */
  HttpReply answer(OipRestPath path, HttpCall http) {
    switch (path.kind()) {
      case MODEL_LIST:
        ObjectNode list = OipRestJson.object();
        ArrayNode names = list.putArray("models");
        repository.loadedNames(script).forEach(names::add);
        return json(list);
      case REPOSITORY_INDEX:
        ArrayNode index = OipRestJson.array();
        for (OipModelRepository.Entry e : repository.index(script, readyOnly(http))) {
          ObjectNode entry = index.addObject().put("name", e.name());
          optional(entry, "version", e.version());
          optional(entry, "state", e.state());
          optional(entry, "reason", e.reason());
        }
        return json(index);
      case REPOSITORY_LOAD:
        repository.load(script, path.model());
        return confirmation(path.model(), "load");
      default:
        repository.unload(script, path.model());
        return confirmation(path.model(), "unload");
    }
  }

  /** An index member; an empty one is {@code null} in the {@link OipRestDialect#explicitNulls} dialect. */
  private void optional(ObjectNode entry, String field, String value) {
    if (value.isEmpty() && dialect.explicitNulls()) {
      entry.putNull(field);
    } else {
      entry.put(field, value);
    }
  }

  private HttpReply confirmation(String model, String flag) {
    if (repository.form() == OipModelRepository.Form.TRITON) {
      return HttpReply.of(200, OipRestHandler.JSON, new byte[0]);
    }
    ObjectNode doc = OipRestJson.object();
    doc.put("name", model);
    doc.put(flag, true);
    return json(doc);
  }

  /** The index request's {@code ready}: false for an empty body; 400 for anything but an object with a boolean. */
  private static boolean readyOnly(HttpCall http) {
    if (http.body().length == 0) {
      return false;
    }
    JsonNode ready = OipRestJson.parseObject(http.body(), http.body().length, "repository index request").path("ready");
    if (!ready.isMissingNode() && !ready.isBoolean()) {
      throw OipRestError.invalid("'ready' must be a boolean, got " + ready);
    }
    return ready.asBoolean(false);
  }

  private static HttpReply json(JsonNode doc) {
    return HttpReply.of(200, OipRestHandler.JSON, OipRestJson.bytes(doc));
  }
}
