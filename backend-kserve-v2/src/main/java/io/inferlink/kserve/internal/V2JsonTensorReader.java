package io.inferlink.kserve.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.inferlink.DataType;
import io.inferlink.half.HalfFloats;
import io.inferlink.spi.support.MalformedAnswerException;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Reads a V2 JSON {@code data} array, flat or nested along the shape, in two steps: measure (count the
 * leaves and the bytes of string leaves, raw bytes included: {@link V2RestJsonText}) and fill (write each value, checked against the
 * datatype, into an exactly-sized little-endian buffer). Stateless.
 */
final class V2JsonTensorReader {
  private V2JsonTensorReader() {}

  /** First pass: measures the array the parser is at and leaves the parser on its END_ARRAY. */
  static void measure(V2RestOutputHeader o, JsonParser p) throws IOException {
    int depth = 1;
    while (depth > 0) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new MalformedAnswerException("'data' is cut short");
      } else if (t == JsonToken.START_ARRAY) {
        depth++;
      } else if (t == JsonToken.END_ARRAY) {
        depth--;
      } else if (t == JsonToken.START_OBJECT) {
        throw new MalformedAnswerException("'data' holds an object");
      } else {
        o.leafCount++;
        if (t == JsonToken.VALUE_STRING) {
          o.stringBytes += V2RestJsonText.bytes(p.getText()).length;
        }
      }
    }
  }

  /** Second pass: fills {@code out} from the array the parser is at, checking it against the shape. */
  static void fill(V2RestOutputHeader o, JsonParser p, ByteBuffer out) throws IOException {
    long[] shape = o.shape;
    JsonToken first = p.nextToken();
    if (shape.length >= 2 && first == JsonToken.START_ARRAY) {
      level(o, p, out, 0, first);
      return;
    }
    long expected = o.elementCount();
    long n = 0;
    for (JsonToken t = first; t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (n++ == expected) {
        throw new MalformedAnswerException(o.where() + ": 'data' holds more than the " + expected
            + " elements of shape " + java.util.Arrays.toString(shape));
      }
      leaf(o, p, t, out);
    }
    if (n != expected) {
      throw new MalformedAnswerException(o.where() + ": 'data' holds " + n + " elements but shape "
          + java.util.Arrays.toString(shape) + " needs " + expected);
    }
  }

  private static void level(V2RestOutputHeader o, JsonParser p, ByteBuffer out, int dim, JsonToken first)
      throws IOException {
    long n = 0;
    for (JsonToken t = first; t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (++n > o.shape[dim]) {
        break;
      }
      if (dim == o.shape.length - 1) {
        leaf(o, p, t, out);
      } else if (t == JsonToken.START_ARRAY) {
        level(o, p, out, dim + 1, p.nextToken());
      } else {
        throw new MalformedAnswerException(o.where() + ": nested 'data' does not follow the shape at dimension " + dim);
      }
    }
    if (n != o.shape[dim]) {
      throw new MalformedAnswerException(o.where() + ": nested 'data' has the wrong length at dimension " + dim
          + " of shape " + java.util.Arrays.toString(o.shape));
    }
  }

  private static void leaf(V2RestOutputHeader o, JsonParser p, JsonToken t, ByteBuffer out) throws IOException {
    DataType type = o.dtype;
    switch (type) {
      case BOOL:
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
          throw wrong(o, p, t);
        }
        out.put((byte) (t == JsonToken.VALUE_TRUE ? 1 : 0));
        return;
      case INT8: out.put((byte) integer(o, p, t, Byte.MIN_VALUE, Byte.MAX_VALUE)); return;
      case UINT8: out.put((byte) integer(o, p, t, 0, 0xFF)); return;
      case INT16: out.putShort((short) integer(o, p, t, Short.MIN_VALUE, Short.MAX_VALUE)); return;
      case UINT16: out.putShort((short) integer(o, p, t, 0, 0xFFFF)); return;
      case INT32: out.putInt((int) integer(o, p, t, Integer.MIN_VALUE, Integer.MAX_VALUE)); return;
      case UINT32: out.putInt((int) integer(o, p, t, 0, 0xFFFFFFFFL)); return;
      case INT64: out.putLong(integer(o, p, t, Long.MIN_VALUE, Long.MAX_VALUE)); return;
      case UINT64:
        if (t != JsonToken.VALUE_NUMBER_INT || p.getText().startsWith("-")) {
          throw wrong(o, p, t);
        }
        try {
          out.putLong(Long.parseUnsignedLong(p.getText()));
        } catch (NumberFormatException e) {
          throw wrong(o, p, t);
        }
        return;
      // Servers that take FP16/BF16 as JSON numbers (MLServer) answer them so; the nearest value is kept.
      case FP16: out.putShort(HalfFloats.floatToFp16(floatValue(o, p, t))); return;
      case BF16: out.putShort(HalfFloats.floatToBf16(floatValue(o, p, t))); return;
      case FP32: out.putFloat(floatValue(o, p, t)); return;
      case FP64: out.putDouble(isNull(t) ? Double.NaN : Double.parseDouble(number(o, p, t))); return;
      case BYTES:
        if (t != JsonToken.VALUE_STRING) {
          throw wrong(o, p, t);
        }
        byte[] raw = V2RestJsonText.bytes(p.getText());
        out.putInt(raw.length).put(raw);
        return;
      default:
        throw new MalformedAnswerException(o.where() + ": " + type.wireName() + " has no JSON form");
    }
  }

  private static float floatValue(V2RestOutputHeader o, JsonParser p, JsonToken t) throws IOException {
    return isNull(t) ? Float.NaN : Float.parseFloat(number(o, p, t));
  }

  /** KServe's Python server writes NaN as null (orjson); nothing else can mean null in a float tensor. */
  private static boolean isNull(JsonToken t) {
    return t == JsonToken.VALUE_NULL;
  }

  private static String number(V2RestOutputHeader o, JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw wrong(o, p, t);
    }
    return p.getText(); // parsed from text: reading a float through double would round twice
  }

  private static long integer(V2RestOutputHeader o, JsonParser p, JsonToken t, long min, long max) throws IOException {
    if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw wrong(o, p, t);
    }
    long v = p.getLongValue();
    if (v < min || v > max) {
      throw wrong(o, p, t);
    }
    return v;
  }

  private static MalformedAnswerException wrong(V2RestOutputHeader o, JsonParser p, JsonToken t) throws IOException {
    String text = t == null || t.isStructStart() ? String.valueOf(t) : p.getText();
    return new MalformedAnswerException(o.where() + ": '" + text + "' is not a " + o.dtype.wireName() + " value");
  }
}
