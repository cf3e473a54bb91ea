package io.inferlink.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.inferlink.Tensor;
import io.inferlink.codec.json.NonFinite;
import io.inferlink.codec.json.TensorJsonWriter;
import java.io.IOException;

/**
 * Writes one tensor as {@code {"name", "dtype", "shape", "data"}}: data flat in row-major order, by the codec's
 * {@link TensorJsonWriter}: integers exact (UINT64 unsigned); FP16/BF16 widened to their exact float value; floats
 * in the shortest form that reads back to the same value, with NaN and infinities as the strings {@code "NaN"},
 * {@code "Infinity"}, {@code "-Infinity"} (strict JSON, and what the input form reads back); BOOL as true/false;
 * BYTES as a string when the element is UTF-8, else {@code {"b64": "..."}}. Stateless and thread-safe.
 */
final class TensorJson {
  private TensorJson() {}

  static void write(JsonGenerator g, Tensor t) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", t.name());
    g.writeStringField("dtype", t.dtype().wireName());
    g.writeArrayFieldStart("shape");
    for (long d : t.shape()) {
      g.writeNumber(d);
    }
    g.writeEndArray();
    g.writeFieldName("data");
    new TensorJsonWriter(g, NonFinite.STRINGS, true).writeFlat(t);
    g.writeEndObject();
  }
}
