package io.inferlink.kserve.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferlink.kserve.ModelIndexEntry;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.transport.http.internal.ByteChunks;
import java.util.ArrayList;
import java.util.List;

/**
 * The model repository's REST documents, read as trees: Triton's index (a JSON array of
 * {@code {"name", "version", "state", "reason"}}, every field but the name optional), KServe's model
 * list ({@code {"models": [names]}}), and KServe's load/unload answer ({@code {"name": n, "load": true}};
 * Triton's is empty). Stateless and thread-safe.
 */
final class V2RestRepositoryDocs {
  private V2RestRepositoryDocs() {}

  static List<ModelIndexEntry> tritonIndex(ByteChunks body) {
    JsonNode doc = V2RestDocs.tree(body, "repository index");
    if (!doc.isArray()) {
      throw new MalformedAnswerException("the repository index is not a JSON array");
    }
    List<ModelIndexEntry> out = new ArrayList<>(doc.size());
    for (JsonNode m : doc) {
      if (!m.path("name").isTextual()) {
        throw new MalformedAnswerException("a repository index entry has no name: " + m);
      }
      out.add(new ModelIndexEntry(m.get("name").asText(), text(m, "version"), text(m, "state"), text(m, "reason")));
    }
    return List.copyOf(out);
  }

  /** KServe's list says which models the server holds, nothing about versions or states. */
  static List<ModelIndexEntry> kserveModels(ByteChunks body) {
    JsonNode models = V2RestDocs.tree(body, "model list").path("models");
    if (!models.isArray()) {
      throw new MalformedAnswerException("the model list has no 'models' array");
    }
    List<ModelIndexEntry> out = new ArrayList<>(models.size());
    for (JsonNode name : models) {
      if (!name.isTextual()) {
        throw new MalformedAnswerException("the model list holds " + name + ", not a name");
      }
      out.add(new ModelIndexEntry(name.asText(), "", "", ""));
    }
    return List.copyOf(out);
  }

  /**
   * Whether a 200 answer to a load ({@code flag} = "load") or unload ("unload") says it did not happen:
   * only a body whose flag is {@code false}. An empty body (Triton's) or one without the flag is no
   * refusal, since the status already says success.
   */
  static boolean refuses(ByteChunks body, String flag) {
    if (body.size() == 0) {
      return false;
    }
    JsonNode v = V2RestDocs.tree(body, flag).path(flag);
    return v.isBoolean() && !v.asBoolean();
  }

  /**
   * An optional text member ({@link OptionalMembers}): absent is empty, a number (some servers write
   * versions so) is its text.
   */
  private static String text(JsonNode entry, String field) {
    JsonNode v = OptionalMembers.get(entry, field);
    return v != null && v.isValueNode() ? v.asText() : "";
  }
}
