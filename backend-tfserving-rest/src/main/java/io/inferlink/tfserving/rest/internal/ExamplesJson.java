package io.inferlink.tfserving.rest.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.inferlink.codec.json.JsonTensors;
import io.inferlink.codec.json.TensorJsonWriter;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.tfserving.Classification;
import io.inferlink.tfserving.Example;
import io.inferlink.tfserving.ExampleInput;
import io.inferlink.tfserving.Feature;
import io.inferlink.transport.http.internal.ByteChunks;
import io.inferlink.transport.http.internal.ChunkedOutput;
import io.inferlink.transport.http.internal.RequestBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Classify and regress bodies. Requests: {@code {"signature_name": s, "context": {...},
 * "examples": [{...}, ...]}} where a feature with one value is that value and a feature with several
 * is a list (as the API page writes them): text as strings, raw bytes as {@code {"b64": ...}},
 * floats always with a decimal point or exponent (TF Serving decides a feature's kind by the first
 * value's JSON form, so {@code 1} would be an int64), int64s as integers.
 * Responses: {@code results} (what servers send) or {@code result} (what the API page shows).
 */
final class ExamplesJson {
  private ExamplesJson() {}

  static RequestBody request(String signatureName, ExampleInput input) {
    ChunkedOutput body = new ChunkedOutput();
    request(signatureName, input, body);
    return body.toRequestBody();
  }

  /** Writes a classify/regress body to a stream, which is closed afterwards. */
  static void request(String signatureName, ExampleInput input, java.io.OutputStream out) {
    try (JsonGenerator gen = JsonTensors.factory(true).createGenerator(out)) {
      gen.writeStartObject();
      if (signatureName != null) {
        gen.writeStringField("signature_name", signatureName);
      }
      if (input.context() != null) {
        gen.writeFieldName("context");
        example(gen, input.context());
      }
      gen.writeFieldName("examples");
      gen.writeStartArray();
      for (Example e : input.examples()) {
        example(gen, e);
      }
      gen.writeEndArray();
      gen.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the examples", e);
    }
  }

  private static void example(JsonGenerator gen, Example e) throws IOException {
    gen.writeStartObject();
    for (Map.Entry<String, Feature> f : e.features().entrySet()) {
      gen.writeFieldName(f.getKey());
      feature(gen, f.getValue());
    }
    gen.writeEndObject();
  }

  private static void feature(JsonGenerator gen, Feature f) throws IOException {
    boolean list = f.size() != 1;
    if (list) {
      gen.writeStartArray();
    }
    switch (f.kind()) {
      case BYTES:
        for (byte[] b : f.bytesValues()) {
          if (f.isText()) {
            gen.writeString(new String(b, StandardCharsets.UTF_8));
          } else {
            TensorJsonWriter.writeB64(gen, b);
          }
        }
        break;
      case FLOAT:
        for (float v : f.floatValues()) {
          // Float.toString always has '.' or 'E' ("1.0", "1.0E10"), or is NaN/Infinity.
          gen.writeNumber(Float.toString(v));
        }
        break;
      default:
        for (long v : f.int64Values()) {
          gen.writeNumber(v);
        }
    }
    if (list) {
      gen.writeEndArray();
    }
  }

  static List<List<Classification>> classifications(ByteChunks body) {
    JsonNode results = results(body, "classify");
    List<List<Classification>> out = new ArrayList<>();
    for (JsonNode example : results) {
      if (!example.isArray()) {
        throw new MalformedAnswerException("a classify result is not a list of [label, score] pairs");
      }
      List<Classification> classes = new ArrayList<>();
      for (JsonNode pair : example) {
        if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isNumber()) {
          throw new MalformedAnswerException("a classify result entry is not [label, score]: " + pair);
        }
        classes.add(new Classification(pair.get(0).asText(), pair.get(1).floatValue()));
      }
      out.add(List.copyOf(classes));
    }
    return List.copyOf(out);
  }

  static List<Float> regressions(ByteChunks body) {
    JsonNode results = results(body, "regress");
    List<Float> out = new ArrayList<>();
    for (JsonNode v : results) {
      if (!v.isNumber()) {
        throw new MalformedAnswerException("a regress result is not a number: " + v);
      }
      out.add(v.floatValue());
    }
    return List.copyOf(out);
  }

  private static JsonNode results(ByteChunks body, String what) {
    JsonNode doc = TfDocs.parse(body, what);
    JsonNode results = TfDocs.field(doc, "results", "result");
    if (results == null || !results.isArray()) {
      throw new MalformedAnswerException("the " + what + " response has no \"results\" list");
    }
    return results;
  }
}
