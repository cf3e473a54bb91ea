package io.inferlink.emulator.ovms;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferlink.emulator.HttpReply;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ScriptedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * OVMS's configuration endpoints (PROTOCOLS.md §4.4): {@code GET /v1/config} lists every model's
 * version status; {@code POST /v1/config/reload} answers the same document, 201 when something was
 * reloaded and 200 when nothing needed to be. A test says that the configuration file changed
 * ({@link #markChanged}) or that the next reload fails ({@link #failNextReload}). Thread-safe.
 */
final class OvmsConfig {
  private final AtomicBoolean changed = new AtomicBoolean();
  private final AtomicReference<String> nextFailure = new AtomicReference<>();

  void markChanged() {
    changed.set(true);
  }

  void failNextReload(String message) {
    nextFailure.set(message);
  }

  HttpReply status(ModelScript script) {
    return OvmsJson.ok(document(script));
  }

  HttpReply reload(ModelScript script) {
    String failure = nextFailure.getAndSet(null);
    if (failure != null) {
      return OvmsJson.error(500, failure);
    }
    boolean reloaded = changed.getAndSet(false);
    return HttpReply.of(reloaded ? 201 : 200, OvmsJson.JSON, OvmsJson.bytes(document(script)));
  }

  private static ObjectNode document(ModelScript script) {
    ObjectNode doc = OvmsJson.object();
    for (ScriptedModel model : script.models()) {
      ArrayNode list = doc.putObject(model.name()).putArray("model_version_status");
      List<String> versions = new ArrayList<>(model.versions());
      versions.sort((a, b) -> b.compareTo(a));
      for (String v : versions) {
        ObjectNode status = list.addObject();
        status.put("version", v);
        status.put("state", model.isReady(v) ? "AVAILABLE" : "LOADING");
        ObjectNode s = status.putObject("status");
        s.put("error_code", "OK");
        s.put("error_message", "OK");
      }
    }
    return doc;
  }
}
