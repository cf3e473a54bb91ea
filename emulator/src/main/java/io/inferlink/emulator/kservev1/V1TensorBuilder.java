package io.inferlink.emulator.kservev1;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One input from its rows of JSON values. The shape comes from the first row's nesting; every row
 * must repeat it (numpy refuses an "inhomogeneous shape" too). The element type is the declared
 * one when the values fit it, else the values' own: strings BYTES, booleans BOOL, integers only an
 * integer type (the declared one, else INT64), numbers with a fraction, NaN, infinities or
 * {@code null} a float type (FP32/FP64 as declared, else FP32). So identity echoes integers as
 * integers even under a name declared FP32, and a model sees a type it can refuse in its own words.
 * Stateless.
 */
final class V1TensorBuilder {
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private V1TensorBuilder() {}

  static Tensor build(String name, DataType declared, List<JsonNode> rows) {
    long[] rowShape = rows.isEmpty() ? new long[0] : shapeOf(rows.get(0));
    List<JsonNode> leaves = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      collect(name, r, rows.get(r), 0, rowShape, leaves);
    }
    DataType dtype = typeOf(name, declared, leaves);
    long[] shape = new long[rowShape.length + 1];
    shape[0] = rows.size();
    System.arraycopy(rowShape, 0, shape, 1, rowShape.length);
    return Tensor.wrap(name, dtype, encode(name, dtype, leaves).flip(), shape);
  }

  private static long[] shapeOf(JsonNode value) {
    List<Long> dims = new ArrayList<>();
    for (JsonNode v = value; v.isArray(); v = v.get(0)) {
      dims.add((long) v.size());
      if (v.isEmpty()) {
        break;
      }
    }
    return dims.stream().mapToLong(Long::longValue).toArray();
  }

  private static void collect(String name, int row, JsonNode v, int level, long[] shape, List<JsonNode> leaves) {
    if (!v.isArray()) {
      if (level != shape.length || v.isObject()) {
        throw inhomogeneous(name, row, shape);
      }
      leaves.add(v);
      return;
    }
    if (level >= shape.length || v.size() != shape[level]) {
      throw inhomogeneous(name, row, shape);
    }
    for (JsonNode e : v) {
      collect(name, row, e, level + 1, shape, leaves);
    }
  }

  private static DataType typeOf(String name, DataType declared, List<JsonNode> leaves) {
    boolean strings = false;
    boolean bools = false;
    boolean ints = false;
    boolean floats = false;
    for (JsonNode v : leaves) {
      strings |= v.isTextual();
      bools |= v.isBoolean();
      ints |= v.isIntegralNumber();
      floats |= v.isFloatingPointNumber() || v.isNull();
    }
    int kinds = (strings ? 1 : 0) + (bools ? 1 : 0) + (ints || floats ? 1 : 0);
    if (kinds > 1) {
      throw V1RestError.invalid("input '" + name + "' mixes strings, booleans and numbers");
    }
    if (strings) {
      return DataType.BYTES;
    }
    if (bools) {
      return DataType.BOOL;
    }
    if (ints && !floats) {
      return declared != null && declared.isInteger() ? declared : DataType.INT64;
    }
    if (floats) {
      return declared == DataType.FP64 ? DataType.FP64 : DataType.FP32;
    }
    return declared != null ? declared : DataType.FP32; // no values at all
  }

  private static ByteBuffer encode(String name, DataType dtype, List<JsonNode> leaves) {
    int size = 0;
    if (dtype == DataType.BYTES) {
      for (JsonNode v : leaves) {
        size += 4 + v.textValue().getBytes(StandardCharsets.UTF_8).length;
      }
    } else {
      size = leaves.size() * dtype.byteSize();
    }
    ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    for (JsonNode v : leaves) {
      switch (dtype) {
        case BOOL: out.put((byte) (v.booleanValue() ? 1 : 0)); break;
        case INT8: out.put((byte) integer(name, dtype, v, Byte.MIN_VALUE, Byte.MAX_VALUE)); break;
        case UINT8: out.put((byte) integer(name, dtype, v, 0, 0xFF)); break;
        case INT16: out.putShort((short) integer(name, dtype, v, Short.MIN_VALUE, Short.MAX_VALUE)); break;
        case UINT16: out.putShort((short) integer(name, dtype, v, 0, 0xFFFF)); break;
        case INT32: out.putInt((int) integer(name, dtype, v, Integer.MIN_VALUE, Integer.MAX_VALUE)); break;
        case UINT32: out.putInt((int) integer(name, dtype, v, 0, 0xFFFFFFFFL)); break;
        case INT64: out.putLong(integer(name, dtype, v, Long.MIN_VALUE, Long.MAX_VALUE)); break;
        case UINT64: out.putLong(unsigned64(name, v)); break;
        // Through double, as a Python server does (orjson gives floats, numpy casts them to float32).
        case FP32: out.putFloat(v.isNull() ? Float.NaN : (float) v.doubleValue()); break;
        case FP64: out.putDouble(v.isNull() ? Double.NaN : v.doubleValue()); break;
        default:
          byte[] raw = v.textValue().getBytes(StandardCharsets.UTF_8);
          out.putInt(raw.length).put(raw);
      }
    }
    return out;
  }

  private static long integer(String name, DataType dtype, JsonNode v, long min, long max) {
    if (!v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
      throw outOfRange(name, dtype, v);
    }
    return v.longValue();
  }

  private static long unsigned64(String name, JsonNode v) {
    BigInteger value = v.bigIntegerValue();
    if (value.signum() < 0 || value.compareTo(UINT64_MAX) > 0) {
      throw outOfRange(name, DataType.UINT64, v);
    }
    return value.longValue();
  }

  private static V1RestError outOfRange(String name, DataType dtype, JsonNode v) {
    return V1RestError.invalid("input '" + name + "': " + v + " is out of range for " + dtype.wireName());
  }

  private static V1RestError inhomogeneous(String name, int row, long[] shape) {
    return V1RestError.invalid("input '" + name + "': the rows have an inhomogeneous shape: row " + row
        + " does not have the shape " + Arrays.toString(shape) + " of row 0, or holds an object");
  }
}
