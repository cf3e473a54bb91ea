package io.inferlink.kserve.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inferlink.DataType;
import io.inferlink.ModelMetadata;
import io.inferlink.ServerMetadata;
import io.inferlink.TensorSpec;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.codec.json.JsonTensors;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.transport.http.internal.ByteChunks;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The small V2 REST documents: server metadata and model metadata, read as trees. Optional members
 * ({@code extensions}, {@code versions}, {@code platform}, a tensor list) may be missing or
 * {@code null} alike ({@link OptionalMembers}); a tensor's name, datatype and shape are required.
 */
final class V2RestDocs {
  private static final ObjectMapper MAPPER = new ObjectMapper(JsonTensors.factory(true).copy());

  private V2RestDocs() {}

  static ServerMetadata server(ByteChunks body) {
    JsonNode doc = parse(body, "server metadata");
    return new ServerMetadata(text(doc, "name"), text(doc, "version"), texts(doc, "extensions", "server metadata"));
  }

  static ModelMetadata model(ByteChunks body) {
    JsonNode doc = parse(body, "model metadata");
    JsonNode name = OptionalMembers.get(doc, "name");
    if (name == null || !name.isValueNode()) {
      throw new MalformedAnswerException("the model metadata has no name");
    }
    return new ModelMetadata(name.asText(), texts(doc, "versions", "model metadata"), text(doc, "platform"),
        specs(doc, "inputs"), specs(doc, "outputs"));
  }

  /** An optional text member; absent is empty, a number (some servers write versions so) is its text. */
  private static String text(JsonNode doc, String field) {
    JsonNode v = OptionalMembers.get(doc, field);
    return v != null && v.isValueNode() ? v.asText() : "";
  }

  /** An optional list of texts; absent is empty, and so are null entries. */
  private static List<String> texts(JsonNode doc, String field, String what) {
    JsonNode list = OptionalMembers.get(doc, field);
    List<String> out = new ArrayList<>();
    if (list == null) {
      return out;
    }
    if (!list.isArray()) {
      throw new MalformedAnswerException("'" + field + "' of the " + what + " is not a list: " + list);
    }
    for (JsonNode v : list) {
      if (!v.isNull()) {
        out.add(v.asText());
      }
    }
    return out;
  }

  private static List<TensorSpec> specs(JsonNode doc, String field) {
    JsonNode tensors = OptionalMembers.get(doc, field);
    if (tensors == null) {
      return List.of();
    }
    if (!tensors.isArray()) {
      throw new MalformedAnswerException("'" + field + "' of the model metadata is not a list");
    }
    List<TensorSpec> out = new ArrayList<>();
    for (JsonNode t : tensors) {
      JsonNode name = OptionalMembers.get(t, "name");
      JsonNode datatype = OptionalMembers.get(t, "datatype");
      JsonNode dims = OptionalMembers.get(t, "shape");
      if (name == null || !name.isTextual() || datatype == null || !datatype.isTextual() || dims == null
          || !dims.isArray()) {
        throw new MalformedAnswerException("a tensor of '" + field + "' lacks 'name', 'datatype' or 'shape': " + t);
      }
      DataType dtype;
      try {
        dtype = DataType.fromWireName(datatype.asText());
      } catch (IllegalArgumentException e) {
        throw new UnsupportedFeatureException("tensor '" + name.asText() + "' has datatype '" + datatype.asText()
            + "', which Inferlink cannot carry");
      }
      long[] shape = new long[dims.size()];
      for (int i = 0; i < shape.length; i++) {
        JsonNode d = dims.get(i);
        if (!d.canConvertToLong()) {
          throw new MalformedAnswerException("shape of '" + name.asText() + "' is not a list of integers");
        }
        shape[i] = Math.max(-1, d.asLong());
      }
      out.add(new TensorSpec(name.asText(), dtype, shape));
    }
    return List.copyOf(out);
  }

  private static JsonNode parse(ByteChunks body, String what) {
    JsonNode doc = tree(body, what);
    if (!doc.isObject()) {
      throw new MalformedAnswerException("the " + what + " answer is not a JSON object");
    }
    return doc;
  }

  /** Any JSON document (the repository index is an array); an empty body is malformed. */
  static JsonNode tree(ByteChunks body, String what) {
    try (InputStream in = body.newInputStream()) {
      JsonNode doc = MAPPER.readTree(in);
      if (doc == null || doc.isMissingNode()) {
        throw new MalformedAnswerException("the " + what + " answer is empty");
      }
      return doc;
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new MalformedAnswerException("the " + what + " answer is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new MalformedAnswerException("cannot read the " + what + " answer: " + e.getMessage(), e);
    }
  }
}
