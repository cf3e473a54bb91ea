package io.inferlink.kserve.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.spi.support.JsonLimits;
import io.inferlink.spi.support.MalformedAnswerException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One output of a V1 answer, built from one value per row: all of {@code predictions}, or one key of
 * object rows. The first pass ({@link #measure}) learns the shape from the nesting, checking that
 * every row and nested list agrees and every value sits at the same depth, and the element type from
 * the kinds of values (strings BYTES, booleans BOOL, integers only INT64, any float the float type);
 * the second ({@link #fill}) writes the values into an exactly sized buffer. Not thread-safe: one
 * per output per decoding.
 */
final class V1Column {
  private static final int STRING = 1;
  private static final int BOOL = 2;
  private static final int INT = 4;
  private static final int FLOAT = 8;
  private static final int MAX_DEPTH = JsonLimits.MAX_NESTING_DEPTH; // the parser refuses deeper nesting

  final String name;
  private final long[] dims = new long[MAX_DEPTH];
  private int rank = -1; // depth of the values, once one is seen
  private int minRank;   // at least one deeper than the deepest list seen
  private int kinds;
  private boolean bigInteger;
  private long values;
  private long stringBytes;
  private long rows;
  private DataType dtype;
  private long[] shape;
  private ByteBuffer buffer;

  V1Column(String name) {
    this.name = name;
    Arrays.fill(dims, -1);
  }

  /** First pass: measures row {@code row}, whose first token {@code t} the parser is on. */
  void measure(JsonParser p, JsonToken t, long row) throws IOException {
    rows++;
    measureValue(p, t, 0, row);
  }

  private void measureValue(JsonParser p, JsonToken t, int depth, long row) throws IOException {
    if (t == null) {
      throw new MalformedAnswerException("the answer is cut short in row " + row + " of '" + name + "'");
    }
    if (t == JsonToken.START_OBJECT) {
      throw new MalformedAnswerException("row " + row + " of '" + name + "' holds an object"
          + (depth == 0 ? " where the other rows hold values" : " inside a list") + "; that has no tensor form");
    }
    if (t == JsonToken.START_ARRAY) {
      minRank = Math.max(minRank, depth + 1);
      if (rank >= 0 && depth >= rank) {
        throw ragged(row);
      }
      long n = 0;
      for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
        measureValue(p, e, depth + 1, row);
        n++;
      }
      if (dims[depth] < 0) {
        dims[depth] = n;
      } else if (dims[depth] != n) {
        throw ragged(row);
      }
      return;
    }
    if (rank < 0) {
      if (depth < minRank) {
        throw ragged(row);
      }
      rank = depth;
    } else if (rank != depth) {
      throw ragged(row);
    }
    values++;
    switch (t) {
      case VALUE_STRING:
        kinds |= STRING;
        stringBytes += p.getText().getBytes(StandardCharsets.UTF_8).length;
        break;
      case VALUE_TRUE: case VALUE_FALSE:
        kinds |= BOOL;
        break;
      case VALUE_NUMBER_INT:
        kinds |= INT;
        bigInteger |= p.getNumberType() == JsonParser.NumberType.BIG_INTEGER;
        break;
      default: // VALUE_NUMBER_FLOAT (NaN and infinities too) and null, which orjson writes for them
        kinds |= FLOAT;
    }
  }

  /** After the first pass: decides type and shape and allocates the buffer. */
  void prepare(DataType floatType) {
    dtype = resolveType(floatType);
    int r = rank >= 0 ? rank : minRank;
    shape = new long[r + 1];
    shape[0] = rows;
    System.arraycopy(dims, 0, shape, 1, r);
    long count = rows;
    try {
      for (int i = 1; i < shape.length; i++) {
        count = Math.multiplyExact(count, shape[i]);
      }
    } catch (ArithmeticException e) {
      count = -1;
    }
    long bytes = dtype.isFixedSize() ? count * dtype.byteSize() : 4 * values + stringBytes;
    if (count != values || bytes > Integer.MAX_VALUE - 8) {
      throw new MalformedAnswerException("'" + name + "' of shape " + Arrays.toString(shape) + " is too large or"
          + " does not add up (" + values + " values)");
    }
    buffer = ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  private DataType resolveType(DataType floatType) {
    switch (kinds) {
      case 0: return floatType; // no values at all: JSON says nothing, so the float type
      case STRING: return DataType.BYTES;
      case BOOL: return DataType.BOOL;
      case INT:
        if (bigInteger) {
          throw new MalformedAnswerException("'" + name + "' holds an integer outside the INT64 range");
        }
        return DataType.INT64;
      case FLOAT: case INT | FLOAT:
        return floatType;
      default:
        throw new MalformedAnswerException("'" + name + "' mixes " + describe(kinds)
            + "; a tensor holds one kind of value");
    }
  }

  /** Second pass: writes the values of the row whose first token {@code t} the parser is on. */
  void fill(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.START_ARRAY) {
      for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
        fill(p, e);
      }
      return;
    }
    switch (dtype) {
      case BOOL: buffer.put((byte) (t == JsonToken.VALUE_TRUE ? 1 : 0)); break;
      case INT64: buffer.putLong(p.getLongValue()); break;
      // Parsed from the text: going through double first could round twice.
      case FP32: buffer.putFloat(t == JsonToken.VALUE_NULL ? Float.NaN
          : p.isNaN() ? (float) p.getDoubleValue() : Float.parseFloat(p.getText())); break;
      case FP64: buffer.putDouble(t == JsonToken.VALUE_NULL ? Double.NaN
          : p.isNaN() ? p.getDoubleValue() : Double.parseDouble(p.getText())); break;
      default:
        byte[] raw = p.getText().getBytes(StandardCharsets.UTF_8);
        buffer.putInt(raw.length).put(raw);
    }
  }

  /** After the second pass: the tensor. */
  Tensor tensor() {
    try {
      return Tensor.wrap(name, dtype, buffer.flip(), shape);
    } catch (IllegalArgumentException e) {
      throw new MalformedAnswerException("'" + name + "': " + e.getMessage(), e);
    }
  }

  private MalformedAnswerException ragged(long row) {
    return new MalformedAnswerException("'" + name + "' is ragged at row " + row + ": its lists differ in length"
        + " or its values sit at different depths, so it has no tensor shape");
  }

  private static String describe(int kinds) {
    StringBuilder s = new StringBuilder();
    if ((kinds & STRING) != 0) {
      s.append("strings");
    }
    if ((kinds & BOOL) != 0) {
      s.append(s.length() > 0 ? ", " : "").append("booleans");
    }
    if ((kinds & (INT | FLOAT)) != 0) {
      s.append(s.length() > 0 ? " and " : "").append("numbers");
    }
    return s.toString();
  }
}
