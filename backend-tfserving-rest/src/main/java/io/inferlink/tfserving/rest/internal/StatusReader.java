package io.inferlink.tfserving.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferlink.tfserving.ModelVersionStatus;
import io.inferlink.transport.http.ByteChunks;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads TF Serving's model status document ({@code model_version_status}; int64 versions as strings).
 * Public for OVMS, whose {@code /v1/config} document holds one such document per model; stateless.
 */
public final class StatusReader {
  private StatusReader() {}

  static List<ModelVersionStatus> read(ByteChunks body) {
    return read(TfDocs.parse(body, "model status"));
  }

  /**
   * The versions of one parsed status document.
   *
   * @throws RuntimeException naming what is wrong when the document is not a status document
   */
  public static List<ModelVersionStatus> read(JsonNode doc) {
    JsonNode list = TfDocs.require(doc, "the model status document", "model_version_status", "modelVersionStatus");
    if (!list.isArray()) {
      throw new MalformedResponseException("model_version_status is not a list");
    }
    List<ModelVersionStatus> out = new ArrayList<>();
    for (JsonNode v : list) {
      long version;
      try {
        version = Long.parseLong(v.path("version").asText("0"));
      } catch (NumberFormatException e) {
        throw new MalformedResponseException("version '" + v.path("version").asText() + "' is not an integer");
      }
      JsonNode state = v.path("state");
      ModelVersionStatus.State s = state.isNumber()
          ? ModelVersionStatus.State.fromNumber(state.asInt())
          : ModelVersionStatus.State.fromName(state.asText(""));
      JsonNode status = v.path("status");
      JsonNode code = TfDocs.field(status, "error_code", "errorCode");
      JsonNode message = TfDocs.field(status, "error_message", "errorMessage");
      out.add(new ModelVersionStatus(version, s, code == null ? "OK" : code.asText(),
          message == null ? "" : message.asText()));
    }
    return out;
  }
}
