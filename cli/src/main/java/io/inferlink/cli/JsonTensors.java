package io.inferlink.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Builds tensors from JSON values: nested arrays give the shape, the leaves the data. Without a
 * dtype, the type comes from the leaves: all booleans BOOL, all strings BYTES, integers only INT64,
 * any number with a fraction or exponent FP32. With a dtype, every leaf must fit it exactly (no
 * silent rounding of 1.5 into an integer, no overflow). Float types also take the strings
 * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}, which JSON cannot write as numbers;
 * BYTES also takes {@code {"b64": "..."}} for binary elements. Stateless and thread-safe.
 */
final class JsonTensors {
  private JsonTensors() {}

  /**
   * The tensor a JSON value describes.
   *
   * @param dtype the element type, or {@code null} to infer it from the leaves
   * @throws IllegalArgumentException naming the tensor and the offending element
   */
  static Tensor fromJson(String name, JsonNode value, DataType dtype) {
    if (value.isObject() && value.has("data")) {
      return typedObject(name, value, dtype);
    }
    List<Long> shape = new ArrayList<>();
    List<JsonNode> leaves = new ArrayList<>();
    flatten(name, value, 0, shape, leaves, "");
    return build(name, dtype != null ? dtype : inferType(name, leaves), toArray(shape), leaves);
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
    List<Long> nested = new ArrayList<>();
    List<JsonNode> leaves = new ArrayList<>();
    flatten(name, value.get("data"), 0, nested, leaves, "");
    long[] shape = toArray(nested);
    if (value.has("shape")) {
      JsonNode s = value.get("shape");
      shape = new long[s.size()];
      long count = 1;
      for (int i = 0; i < shape.length; i++) {
        if (!s.get(i).canConvertToLong() || s.get(i).asLong() < 0) {
          throw new IllegalArgumentException("tensor '" + name + "': shape " + s + " has a dimension that is not a count");
        }
        shape[i] = s.get(i).asLong();
        count *= shape[i];
      }
      if (count != leaves.size()) {
        throw new IllegalArgumentException("tensor '" + name + "': shape " + s + " needs " + count + " elements, the data has "
            + leaves.size());
      }
    }
    return build(name, dtype != null ? dtype : inferType(name, leaves), shape, leaves);
  }

  private static void flatten(String name, JsonNode node, int depth, List<Long> shape, List<JsonNode> leaves, String path) {
    if (node == null || node.isNull()) {
      throw new IllegalArgumentException("tensor '" + name + "': null at " + where(path) + " is not a value");
    }
    if (!node.isArray()) {
      if (depth < shape.size()) {
        throw ragged(name, path);
      }
      leaves.add(node);
      return;
    }
    if (depth == shape.size()) {
      if (!leaves.isEmpty()) {
        throw ragged(name, path);
      }
      shape.add((long) node.size());
    } else if (shape.get(depth) != node.size()) {
      throw ragged(name, path);
    }
    for (int i = 0; i < node.size(); i++) {
      flatten(name, node.get(i), depth + 1, shape, leaves, path + "[" + i + "]");
    }
  }

  private static IllegalArgumentException ragged(String name, String path) {
    return new IllegalArgumentException("tensor '" + name + "': the array is ragged at " + where(path)
        + " (every row of a dimension must have the same length)");
  }

  private static String where(String path) {
    return path.isEmpty() ? "the top" : path;
  }

  private static DataType inferType(String name, List<JsonNode> leaves) {
    if (leaves.isEmpty()) {
      throw new IllegalArgumentException("tensor '" + name + "': an empty array needs a dtype, e.g. []:FP32");
    }
    boolean bools = true;
    boolean strings = true;
    boolean integers = true;
    for (JsonNode n : leaves) {
      bools &= n.isBoolean();
      strings &= n.isTextual() || n.isObject() && n.has("b64");
      integers &= n.isIntegralNumber();
    }
    if (bools) {
      return DataType.BOOL;
    }
    if (strings) {
      return DataType.BYTES;
    }
    for (JsonNode n : leaves) {
      if (!n.isNumber()) {
        throw new IllegalArgumentException("tensor '" + name + "' mixes numbers with " + n.getNodeType().toString().toLowerCase()
            + " values; give one kind, or a dtype");
      }
    }
    return integers ? DataType.INT64 : DataType.FP32;
  }

  private static Tensor build(String name, DataType dtype, long[] shape, List<JsonNode> leaves) {
    int n = leaves.size();
    switch (dtype) {
      case BOOL: {
        boolean[] v = new boolean[n];
        for (int i = 0; i < n; i++) {
          v[i] = bool(name, leaves.get(i));
        }
        return Tensor.ofBooleans(name, v, shape);
      }
      case INT8: case UINT8: {
        byte[] v = new byte[n];
        for (int i = 0; i < n; i++) {
          v[i] = (byte) integer(name, dtype, leaves.get(i)).longValue();
        }
        return dtype == DataType.INT8 ? Tensor.ofInt8(name, v, shape) : Tensor.ofUint8(name, v, shape);
      }
      case INT16: case UINT16: {
        short[] v = new short[n];
        for (int i = 0; i < n; i++) {
          v[i] = (short) integer(name, dtype, leaves.get(i)).longValue();
        }
        return dtype == DataType.INT16 ? Tensor.ofInt16(name, v, shape) : Tensor.ofUint16(name, v, shape);
      }
      case INT32: case UINT32: {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
          v[i] = (int) integer(name, dtype, leaves.get(i)).longValue();
        }
        return dtype == DataType.INT32 ? Tensor.ofInts(name, v, shape) : Tensor.ofUint32(name, v, shape);
      }
      case INT64: case UINT64: {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
          v[i] = integer(name, dtype, leaves.get(i)).longValue();
        }
        return dtype == DataType.INT64 ? Tensor.ofLongs(name, v, shape) : Tensor.ofUint64(name, v, shape);
      }
      case FP16: case BF16: case FP32: {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
          v[i] = (float) real(name, dtype, leaves.get(i));
        }
        return dtype == DataType.FP32 ? Tensor.ofFloats(name, v, shape)
            : dtype == DataType.FP16 ? Tensor.ofFp16(name, v, shape) : Tensor.ofBf16(name, v, shape);
      }
      case FP64: {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
          v[i] = real(name, dtype, leaves.get(i));
        }
        return Tensor.ofDoubles(name, v, shape);
      }
      case BYTES: {
        byte[][] v = new byte[n][];
        for (int i = 0; i < n; i++) {
          v[i] = bytes(name, leaves.get(i));
        }
        return Tensor.ofBytes(name, v, shape);
      }
      default:
        throw new IllegalArgumentException("unsupported dtype " + dtype);
    }
  }

  private static boolean bool(String name, JsonNode n) {
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isIntegralNumber() && (n.asLong() == 0 || n.asLong() == 1)) {
      return n.asLong() == 1;
    }
    throw misfit(name, DataType.BOOL, n);
  }

  /** The exact integer, checked against the type's range (two's complement bits for unsigned types). */
  private static BigInteger integer(String name, DataType dtype, JsonNode n) {
    BigInteger v;
    if (n.isIntegralNumber()) {
      v = n.bigIntegerValue();
    } else if (n.isNumber() && n.decimalValue().stripTrailingZeros().scale() <= 0) {
      v = n.decimalValue().toBigIntegerExact(); // 2.0 or 1e3 are integers too
    } else {
      throw misfit(name, dtype, n);
    }
    int bits = dtype.byteSize() * 8;
    BigInteger min = dtype.isUnsigned() ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits - 1).negate();
    BigInteger max = dtype.isUnsigned() ? BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
        : BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
    if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
      throw new IllegalArgumentException("tensor '" + name + "': " + v + " is outside " + dtype.wireName() + " ("
          + min + ".." + max + ")");
    }
    return v;
  }

  private static double real(String name, DataType dtype, JsonNode n) {
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isTextual()) {
      switch (n.textValue()) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw misfit(name, dtype, n);
  }

  private static byte[] bytes(String name, JsonNode n) {
    if (n.isTextual()) {
      return n.textValue().getBytes(StandardCharsets.UTF_8);
    }
    if (n.isObject() && n.has("b64") && n.size() == 1) {
      try {
        return Base64.getDecoder().decode(n.get("b64").asText());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("tensor '" + name + "': {\"b64\": ...} is not valid base64");
      }
    }
    throw misfit(name, DataType.BYTES, n);
  }

  private static IllegalArgumentException misfit(String name, DataType dtype, JsonNode n) {
    String shown = n.toString().length() > 40 ? n.toString().substring(0, 40) + "..." : n.toString();
    return new IllegalArgumentException("tensor '" + name + "': " + shown + " is not a " + dtype.wireName() + " value");
  }

  private static long[] toArray(List<Long> dims) {
    long[] out = new long[dims.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = dims.get(i);
    }
    return out;
  }
}
