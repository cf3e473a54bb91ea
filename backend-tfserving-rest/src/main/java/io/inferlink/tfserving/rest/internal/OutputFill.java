package io.inferlink.tfserving.rest.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.NumberInput;
import io.inferlink.DataType;
import io.inferlink.half.HalfFloats;
import io.inferlink.spi.support.MalformedAnswerException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Second pass over one output: writes each JSON leaf, in document (row-major) order, into a buffer
 * sized exactly by {@link OutputScan}, converting to the output's element type. A value the type
 * cannot hold (a fraction for an integer type, a number out of range, text for a number) is a
 * malformed response, not a silent rounding.
 */
final class OutputFill {
  final String name;
  final DataType dtype;
  final ByteBuffer buffer;

  OutputFill(String name, DataType dtype, long elements, long bytesNeeded) {
    this.name = name;
    this.dtype = dtype;
    long size = dtype == DataType.BYTES ? bytesNeeded : elements * dtype.byteSize();
    if (size > Integer.MAX_VALUE - 8) {
      throw new MalformedAnswerException("output '" + name + "' needs " + size + " bytes, more than a tensor holds");
    }
    this.buffer = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Writes every leaf of the value at the current token. */
  void fillValue(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.START_ARRAY) {
      while (p.nextToken() != JsonToken.END_ARRAY) {
        fillValue(p);
      }
      return;
    }
    leaf(p);
  }

  /** Writes a scalar text value read ahead by the walker. */
  void fillScalarText(String text, boolean b64) {
    if (dtype != DataType.BYTES) {
      throw new MalformedAnswerException("output '" + name + "' is " + dtype + ", but the server sent text");
    }
    byte[] raw;
    try {
      raw = b64 ? B64.decode(text) : text.getBytes(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new MalformedAnswerException("output '" + name + "': a b64 value that is not base64");
    }
    buffer.putInt(raw.length).put(raw);
  }

  private void leaf(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (dtype) {
      case BOOL:
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
          throw mismatch(p);
        }
        buffer.put((byte) (t == JsonToken.VALUE_TRUE ? 1 : 0));
        break;
      case INT8: buffer.put((byte) integer(p, Byte.MIN_VALUE, Byte.MAX_VALUE)); break;
      case UINT8: buffer.put((byte) integer(p, 0, 0xFF)); break;
      case INT16: buffer.putShort((short) integer(p, Short.MIN_VALUE, Short.MAX_VALUE)); break;
      case UINT16: buffer.putShort((short) integer(p, 0, 0xFFFF)); break;
      case INT32: buffer.putInt((int) integer(p, Integer.MIN_VALUE, Integer.MAX_VALUE)); break;
      case UINT32: buffer.putInt((int) integer(p, 0, 0xFFFFFFFFL)); break;
      case INT64: buffer.putLong(integer(p, Long.MIN_VALUE, Long.MAX_VALUE)); break;
      case UINT64: buffer.putLong(unsigned64(p)); break;
      case FP16: buffer.putShort(HalfFloats.floatToFp16(number(p).floatValue())); break;
      case BF16: buffer.putShort(HalfFloats.floatToBf16(number(p).floatValue())); break;
      case FP32: buffer.putFloat(float32(p)); break;
      case FP64: buffer.putDouble(float64(p)); break;
      case BYTES: bytes(p); break;
      default: throw new AssertionError(dtype);
    }
  }

  private long integer(JsonParser p, long min, long max) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw mismatch(p);
    }
    long v = p.getLongValue();
    if (v < min || v > max) {
      throw new MalformedAnswerException("output '" + name + "': " + v + " does not fit " + dtype);
    }
    return v;
  }

  private long unsigned64(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw mismatch(p);
    }
    try {
      // The text, never a double: all 64 bits survive.
      return Long.parseUnsignedLong(p.getText());
    } catch (NumberFormatException e) {
      throw new MalformedAnswerException("output '" + name + "': " + p.getText() + " does not fit UINT64");
    }
  }

  /**
   * A float read straight from the parser's characters (no String) with FastDoubleParser, which rounds
   * correctly as {@code Float.parseFloat} does at a fraction of its cost on Java 17; NaN, the
   * infinities and integers take the general path.
   */
  private float float32(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT && !p.isNaN()) {
      return NumberInput.parseFloat(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), true);
    }
    return number(p).floatValue();
  }

  /** A double, as {@link #float32} reads a float. */
  private double float64(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT && !p.isNaN()) {
      return NumberInput.parseDouble(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), true);
    }
    return number(p).doubleValue();
  }

  private Number number(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw mismatch(p);
    }
    // getDoubleValue parses the text once with correct rounding; float outputs narrow from it the
    // way TF Serving's own writer widened them, so every float written by a correct server returns.
    return t == JsonToken.VALUE_NUMBER_FLOAT && dtype == DataType.FP32 ? (Number) p.getFloatValue() : p.getDoubleValue();
  }

  private void bytes(JsonParser p) throws IOException {
    byte[] raw;
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      raw = p.getText().getBytes(StandardCharsets.UTF_8);
    } else if (p.currentToken() == JsonToken.START_OBJECT) {
      try {
        raw = B64.decode(OutputScan.b64Text(p, name));
      } catch (IllegalArgumentException e) {
        throw new MalformedAnswerException("output '" + name + "': a b64 value that is not base64");
      }
    } else {
      throw mismatch(p);
    }
    if (buffer.remaining() < 4 + raw.length) {
      throw new MalformedAnswerException("output '" + name + "': element sizes changed between passes");
    }
    buffer.putInt(raw.length).put(raw);
  }

  private MalformedAnswerException mismatch(JsonParser p) throws IOException {
    return new MalformedAnswerException("output '" + name + "' is " + dtype + ", but the server sent "
        + p.currentToken() + " '" + abbreviate(p.getText()) + "'");
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
