package io.inferlink.emulator.tfserving;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferlink.emulator.ClassScore;
import io.inferlink.emulator.Example;
import io.inferlink.emulator.Feature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classify and regress bodies (PROTOCOLS.md §1.5): {@code context} and {@code examples} read into
 * neutral {@link Example}s with TF's JSON → feature rules and messages, and the {@code results}
 * answers. Stateless.
 */
final class TfsExamples {
  private TfsExamples() {}

  /** The examples of a body, each with the context's features merged in (the example's own win). */
  static List<Example> read(JsonNode doc) {
    Map<String, Feature> context = Map.of();
    JsonNode contextNode = doc.get("context");
    if (contextNode != null) {
      context = features(contextNode);
    }
    JsonNode examples = doc.get("examples");
    if (examples == null) {
      // TF says "classify" for regress too: the message is shared.
      throw TfsError.invalid("JSON Value: " + TfsJson.describe(doc)
          + " When method is classify, key 'examples' is expected and was not found");
    }
    if (!examples.isArray()) {
      throw TfsError.invalid("JSON Value: " + TfsJson.describe(doc) + " Expecting 'examples' value to be an list/array");
    }
    if (examples.isEmpty()) {
      throw TfsError.invalid("JSON Value: " + TfsJson.describe(doc) + " 'examples' value is an empty array");
    }
    List<Example> result = new ArrayList<>();
    for (JsonNode example : examples) {
      Map<String, Feature> merged = new LinkedHashMap<>(context);
      merged.putAll(features(example));
      result.add(new Example(merged));
    }
    return result;
  }

  static byte[] classifications(List<List<ClassScore>> results) {
    TfsJsonWriter w = new TfsJsonWriter().beginObject().key("results").beginArray();
    for (List<ClassScore> classes : results) {
      w.singleLineArrays(true).beginArray();
      for (ClassScore c : classes) {
        w.beginArray().string(c.label()).literal(TfsDecimal.format(c.score())).endArray();
      }
      w.endArray().singleLineArrays(false);
    }
    return w.endArray().endObject().toBytes();
  }

  static byte[] regressions(float[] values) {
    TfsJsonWriter w = new TfsJsonWriter().beginObject().key("results").singleLineArrays(true).beginArray();
    for (float v : values) {
      w.literal(TfsDecimal.format(v));
    }
    return w.endArray().singleLineArrays(false).endObject().toBytes();
  }

  private static Map<String, Feature> features(JsonNode object) {
    if (!object.isObject()) {
      throw TfsError.invalid("Example must be JSON object but got JSON " + TfsJson.typeName(object));
    }
    Map<String, Feature> features = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      FeatureBuilder feature = new FeatureBuilder(field.getKey());
      if (field.getValue().isArray()) {
        field.getValue().forEach(feature::add);
      } else {
        feature.add(field.getValue());
      }
      features.put(field.getKey(), feature.build());
    }
    return features;
  }

  /** One feature's values; the first value fixes the kind, as TF's {@code AddValueToFeature} does. */
  private static final class FeatureBuilder {
    private final String name;
    private String kind;
    private final List<byte[]> bytes = new ArrayList<>();
    private final List<Float> floats = new ArrayList<>();
    private final List<Long> int64s = new ArrayList<>();

    FeatureBuilder(String name) {
      this.name = name;
    }

    void add(JsonNode v) {
      if (v.isBoolean()) {
        kind("int64");
        int64s.add(v.booleanValue() ? 1L : 0L);
      } else if (TfsTensorBuilder.isBase64Object(v)) {
        kind("bytes");
        bytes.add(TfsTensorBuilder.decodeBase64(v.get("b64").textValue()));
      } else if (v.isTextual()) {
        kind("bytes");
        bytes.add(v.textValue().getBytes(StandardCharsets.UTF_8));
      } else if (v.isNumber() && !TfsJson.isRapidjsonInteger(v)) {
        kind("float");
        floats.add(v.floatValue());
      } else if (v.isNumber()) {
        kind("int64");
        if (!v.canConvertToLong()) {
          throw TfsError.invalid("Feature: " + name + " has uint64_t element. Only int64_t is supported.");
        }
        int64s.add(v.longValue());
      } else {
        throw TfsError.invalid("Feature: " + name + " has element with unexpected JSON type: " + TfsJson.typeName(v));
      }
    }

    private void kind(String wanted) {
      if (kind != null && !kind.equals(wanted)) {
        throw TfsError.invalid("Unexpected element type in feature: " + name + " expecting type: " + kind);
      }
      kind = wanted;
    }

    Feature build() {
      if ("bytes".equals(kind)) {
        return new Feature.Bytes(bytes);
      }
      if ("int64".equals(kind)) {
        return new Feature.Int64s(int64s.stream().mapToLong(Long::longValue).toArray());
      }
      // An empty list has no kind in TF; it arrives here as an empty float feature.
      float[] values = new float[floats.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = floats.get(i);
      }
      return new Feature.Floats(values);
    }
  }
}
