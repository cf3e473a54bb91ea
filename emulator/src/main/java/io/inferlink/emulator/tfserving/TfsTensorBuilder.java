package io.inferlink.emulator.tfserving;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferlink.DataType;
import io.inferlink.ErrorCode;
import io.inferlink.Tensor;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Collects the JSON leaves of one input tensor, typed by the signature's dtype with TF Serving's
 * rules (PROTOCOLS.md §1.7): integers must be integers and fit the type, floats take any number
 * (bare NaN and infinities too) and are narrowed to float32, bools only true/false, strings or
 * {@code {"b64": ...}} for DT_STRING; half, bfloat16 and uint16 have no JSON form (501). Not
 * thread-safe; one per tensor.
 */
final class TfsTensorBuilder {
  private static final BigInteger UINT32_MAX = BigInteger.valueOf(0xFFFF_FFFFL);

  private final String name;
  private final DataType dtype;
  private long[] longs = new long[16];
  private double[] doubles = new double[16];
  private final List<byte[]> strings = new ArrayList<>();
  private int count;

  TfsTensorBuilder(String name, DataType dtype) {
    this.name = name;
    this.dtype = dtype;
  }

  DataType dtype() {
    return dtype;
  }

  /** How many leaves were added. */
  int count() {
    return count;
  }

  /** Adds a non-array, non-object leaf. */
  void add(JsonNode leaf) {
    switch (dtype) {
      case FP32:
      case FP64:
        requireType(leaf.isNumber(), leaf);
        // floatValue() rounds an integer straight to float32, as rapidjson's GetFloat() does.
        addDouble(dtype == DataType.FP32 ? leaf.floatValue() : leaf.doubleValue());
        return;
      case INT8:
      case INT16:
      case INT32:
      case UINT8:
        // TF keeps these in int_val: anything that fits int32 goes, and narrower types wrap.
        requireType(leaf.isIntegralNumber() && leaf.canConvertToInt(), leaf);
        addLong(leaf.intValue());
        return;
      case INT64:
        requireType(leaf.isIntegralNumber() && leaf.canConvertToLong(), leaf);
        addLong(leaf.longValue());
        return;
      case UINT32:
        requireType(leaf.isIntegralNumber() && leaf.bigIntegerValue().signum() >= 0
            && leaf.bigIntegerValue().compareTo(UINT32_MAX) <= 0, leaf);
        addLong(leaf.longValue());
        return;
      case UINT64:
        requireType(leaf.isIntegralNumber() && leaf.bigIntegerValue().signum() >= 0
            && leaf.bigIntegerValue().compareTo(TfsJson.UINT64_MAX) <= 0, leaf);
        addLong(leaf.bigIntegerValue().longValue()); // the two's complement bits of the unsigned value
        return;
      case BOOL:
        requireType(leaf.isBoolean(), leaf);
        addLong(leaf.booleanValue() ? 1 : 0);
        return;
      case BYTES:
        requireType(leaf.isTextual(), leaf);
        addBytes(leaf.textValue().getBytes(StandardCharsets.UTF_8));
        return;
      default:
        throw new TfsError(ErrorCode.UNIMPLEMENTED, "Conversion of JSON Value: " + TfsJson.describe(leaf)
            + " to type: " + TfsTypes.shortName(dtype));
    }
  }

  /** Adds an object leaf: only {@code {"b64": "<base64>"}} into a DT_STRING tensor. */
  void addObject(JsonNode object) {
    if (dtype != DataType.BYTES) {
      throw typeError(object);
    }
    if (!isBase64Object(object)) {
      throw TfsError.invalid("JSON Value: " + TfsJson.describe(object) + " not formatted correctly for base64 data");
    }
    addBytes(decodeBase64(object.get("b64").textValue()));
  }

  Tensor build(long[] shape) {
    switch (dtype) {
      case FP32: {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
          v[i] = (float) doubles[i];
        }
        return Tensor.ofFloats(name, v, shape);
      }
      case FP64: return Tensor.ofDoubles(name, Arrays.copyOf(doubles, count), shape);
      case INT64: return Tensor.ofLongs(name, Arrays.copyOf(longs, count), shape);
      case UINT64: return Tensor.ofUint64(name, Arrays.copyOf(longs, count), shape);
      case BYTES: return Tensor.ofBytes(name, strings.toArray(new byte[0][]), shape);
      case BOOL: {
        boolean[] v = new boolean[count];
        for (int i = 0; i < count; i++) {
          v[i] = longs[i] != 0;
        }
        return Tensor.ofBooleans(name, v, shape);
      }
      case INT8:
      case UINT8: {
        byte[] v = new byte[count];
        for (int i = 0; i < count; i++) {
          v[i] = (byte) longs[i];
        }
        return dtype == DataType.INT8 ? Tensor.ofInt8(name, v, shape) : Tensor.ofUint8(name, v, shape);
      }
      case INT16: {
        short[] v = new short[count];
        for (int i = 0; i < count; i++) {
          v[i] = (short) longs[i];
        }
        return Tensor.ofInt16(name, v, shape);
      }
      default: {
        int[] v = new int[count];
        for (int i = 0; i < count; i++) {
          v[i] = (int) longs[i];
        }
        return dtype == DataType.INT32 ? Tensor.ofInts(name, v, shape) : Tensor.ofUint32(name, v, shape);
      }
    }
  }

  /** TF's test for a binary value: an object with exactly one member, {@code b64}, holding a string. */
  static boolean isBase64Object(JsonNode v) {
    return v.isObject() && v.size() == 1 && v.has("b64") && v.get("b64").isTextual();
  }

  static byte[] decodeBase64(String text) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw TfsError.invalid("Unable to base64 decode");
    }
  }

  private void requireType(boolean ok, JsonNode leaf) {
    if (!ok) {
      throw typeError(leaf);
    }
  }

  private TfsError typeError(JsonNode v) {
    return TfsError.invalid("JSON Value: " + TfsJson.describe(v) + " Type: " + TfsJson.typeName(v)
        + " is not of expected type: " + TfsTypes.shortName(dtype));
  }

  private void addLong(long v) {
    if (count == longs.length) {
      longs = Arrays.copyOf(longs, count * 2);
    }
    longs[count++] = v;
  }

  private void addDouble(double v) {
    if (count == doubles.length) {
      doubles = Arrays.copyOf(doubles, count * 2);
    }
    doubles[count++] = v;
  }

  private void addBytes(byte[] v) {
    strings.add(v);
    count++;
  }
}
