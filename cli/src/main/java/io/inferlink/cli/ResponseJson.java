package io.inferlink.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.inferlink.codec.json.JsonTensors;
import io.inferlink.InferenceResponse;
import io.inferlink.Tensor;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The stable JSON form of an answer, one line, for scripts ({@code infer --output json} and each
 * line of {@code batch}):
 *
 * <pre>{@code
 * {"model":"add_one","version":"1","id":null,
 *  "outputs":[{"name":"y","dtype":"FP32","shape":[2],"data":[2.0,3.0]}]}
 * }</pre>
 *
 * {@code version} and {@code id} are {@code null} when the server named none; outputs keep the
 * server's order; each tensor is written as {@link TensorJson} describes. Fields may be added in
 * later versions, never renamed or removed. Stateless and thread-safe.
 */
final class ResponseJson {
  /** Strict JSON (tensors write their non-finite values as strings). */
  static final JsonFactory FACTORY = JsonTensors.factory(false);

  private ResponseJson() {}

  /** The response as one line of JSON. */
  static String toJson(InferenceResponse response) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      writeFields(g, response, true);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Writes the model, version, id (unless the caller's record has an id of its own) and outputs
   * fields into an object already started.
   */
  static void writeFields(JsonGenerator g, InferenceResponse response, boolean withId) throws IOException {
    g.writeStringField("model", response.modelName());
    g.writeStringField("version", response.modelVersion());
    if (withId) {
      g.writeStringField("id", response.id());
    }
    g.writeArrayFieldStart("outputs");
    for (Tensor t : response.outputs().values()) {
      TensorJson.write(g, t);
    }
    g.writeEndArray();
  }
}
