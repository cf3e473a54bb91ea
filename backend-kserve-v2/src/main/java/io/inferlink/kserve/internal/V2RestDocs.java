package io.inferlink.kserve.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inferlink.DataType;
import io.inferlink.ModelMetadata;
import io.inferlink.ServerMetadata;
import io.inferlink.TensorSpec;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.transport.http.ByteChunks;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** The small V2 REST documents: server metadata and model metadata, read as trees. */
final class V2RestDocs {
  private static final ObjectMapper MAPPER = new ObjectMapper(KServeJson.FACTORY);

  private V2RestDocs() {}

  static ServerMetadata server(ByteChunks body) {
    JsonNode doc = parse(body, "server metadata");
    List<String> extensions = new ArrayList<>();
    doc.path("extensions").forEach(e -> extensions.add(e.asText()));
    return new ServerMetadata(doc.path("name").asText(""), doc.path("version").asText(""), extensions);
  }

  static ModelMetadata model(ByteChunks body) {
    JsonNode doc = parse(body, "model metadata");
    if (!doc.hasNonNull("name")) {
      throw new V2RestMalformedException("the model metadata has no name");
    }
    List<String> versions = new ArrayList<>();
    doc.path("versions").forEach(v -> versions.add(v.asText()));
    return new ModelMetadata(doc.get("name").asText(), versions, doc.path("platform").asText(""),
        specs(doc.path("inputs")), specs(doc.path("outputs")));
  }

  private static List<TensorSpec> specs(JsonNode tensors) {
    List<TensorSpec> out = new ArrayList<>();
    for (JsonNode t : tensors) {
      String datatype = t.path("datatype").asText("");
      DataType dtype;
      try {
        dtype = DataType.fromWireName(datatype);
      } catch (IllegalArgumentException e) {
        throw new UnsupportedFeatureException("tensor '" + t.path("name").asText() + "' has datatype '" + datatype
            + "', which Inferlink cannot carry");
      }
      JsonNode dims = t.path("shape");
      if (dims.isObject()) {
        throw new V2RestMalformedException("shape of '" + t.path("name").asText() + "' is an object, not a list of integers");
      }
      long[] shape = new long[dims.size()];
      for (int i = 0; i < shape.length; i++) {
        JsonNode d = dims.get(i);
        if (!d.canConvertToLong()) {
          throw new V2RestMalformedException("shape of '" + t.path("name").asText() + "' is not a list of integers");
        }
        shape[i] = Math.max(-1, d.asLong());
      }
      out.add(new TensorSpec(t.path("name").asText(), dtype, shape));
    }
    return List.copyOf(out);
  }

  private static JsonNode parse(ByteChunks body, String what) {
    JsonNode doc = tree(body, what);
    if (!doc.isObject()) {
      throw new V2RestMalformedException("the " + what + " answer is not a JSON object");
    }
    return doc;
  }

  /** Any JSON document (the repository index is an array); an empty body is malformed. */
  static JsonNode tree(ByteChunks body, String what) {
    try (InputStream in = body.newInputStream()) {
      JsonNode doc = MAPPER.readTree(in);
      if (doc == null || doc.isMissingNode()) {
        throw new V2RestMalformedException("the " + what + " answer is empty");
      }
      return doc;
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new V2RestMalformedException("the " + what + " answer is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new V2RestMalformedException("cannot read the " + what + " answer: " + e.getMessage(), e);
    }
  }
}
