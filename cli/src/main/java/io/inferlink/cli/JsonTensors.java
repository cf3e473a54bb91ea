package io.inferlink.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.codec.json.JsonColumn;
import io.inferlink.codec.json.LeafKinds;
import io.inferlink.codec.json.LeafRules;
import io.inferlink.spi.support.MalformedAnswerException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Builds tensors from JSON values through the codec's {@link JsonColumn}: nested arrays give the shape, the leaves
 * the data. Without a dtype, the type comes from the leaves: all booleans BOOL, all strings BYTES, integers only
 * INT64, any number with a fraction or exponent FP32. With a dtype, every leaf must fit it exactly (no silent
 * rounding of 1.5 into an integer, no overflow), though values may be written the way a person would
 * ({@link LeafRules#withLooseValues()}: {@code 2.0} for an integer, {@code 0}/{@code 1} for a boolean, and the
 * strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}, which JSON cannot write as numbers); BYTES also
 * takes {@code {"b64": "..."}} for binary elements. Stateless and thread-safe.
 */
final class JsonTensors {
  private static final LeafRules RULES = LeafRules.STRICT.withB64Objects().withLooseValues();

  private JsonTensors() {}

  /**
   * The tensor a JSON value describes.
   *
   * @param dtype the element type, or {@code null} to infer it from the leaves
   * @throws IllegalArgumentException naming the tensor and the offending element
   */
  static Tensor fromJson(String name, JsonNode value, DataType dtype) {
    try {
      if (value.isObject() && value.has("data")) {
        return typedObject(name, value, dtype);
      }
      return read(name, value, dtype, null);
    } catch (MalformedAnswerException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** {@code {"dtype": "FP32", "shape": [2, 2], "data": [...]}}, the form the JSON output uses. */
  private static Tensor typedObject(String name, JsonNode value, DataType dtypeOverride) {
    DataType dtype = dtypeOverride;
    if (value.has("dtype")) {
      DataType given = DataType.fromWireName(value.get("dtype").asText());
      if (dtype != null && dtype != given) {
        throw new IllegalArgumentException("tensor '" + name + "': dtype " + given.wireName() + " in the data but "
            + dtype.wireName() + " after ':'");
      }
      dtype = given;
    }
    long[] shape = null;
    if (value.has("shape")) {
      JsonNode s = value.get("shape");
      shape = new long[s.size()];
      for (int i = 0; i < shape.length; i++) {
        if (!s.get(i).canConvertToLong() || s.get(i).asLong() < 0) {
          throw new IllegalArgumentException("tensor '" + name + "': shape " + s + " has a dimension that is not a count");
        }
        shape[i] = s.get(i).asLong();
      }
    }
    return read(name, value.get("data"), dtype, shape);
  }

  /** Both passes over one value; {@code shape} null for the nesting's own. */
  private static Tensor read(String name, JsonNode value, DataType dtype, long[] shape) {
    JsonColumn column = new JsonColumn("tensor '" + name + "'", dtype, RULES);
    try {
      try (JsonParser p = value.traverse()) {
        p.nextToken();
        column.measure(p);
      }
      column.allocate(dtype != null ? dtype : inferType(name, column.kinds()),
          shape != null ? shape : column.valueShape());
      try (JsonParser p = value.traverse()) {
        p.nextToken();
        column.fill(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a tree is already parsed
    }
    return column.toTensor(name);
  }

  private static DataType inferType(String name, LeafKinds k) {
    if (k.none()) {
      throw new IllegalArgumentException("tensor '" + name + "': an empty array needs a dtype, e.g. []:FP32");
    }
    if (k.kindCount() > 1 || !k.numbers()) {
      if (k.kindCount() == 1) {
        return k.booleans() ? DataType.BOOL : DataType.BYTES;
      }
      throw new IllegalArgumentException("tensor '" + name + "' mixes numbers with " + (k.text() ? "string" : "boolean")
          + " values; give one kind, or a dtype");
    }
    return k.floats() ? DataType.FP32 : DataType.INT64;
  }
}
