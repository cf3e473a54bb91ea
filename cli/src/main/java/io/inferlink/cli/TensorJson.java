package io.inferlink.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Writes one tensor as {@code {"name", "dtype", "shape", "data"}}: data flat in row-major order;
 * integers exact (UINT64 unsigned); FP16/BF16 widened to their exact float value; floats in the
 * shortest form that reads back to the same value, with NaN and infinities as the strings
 * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}; BOOL as true/false; BYTES as a string when
 * the element is UTF-8, else {@code {"b64": "..."}}. Stateless and thread-safe.
 */
final class TensorJson {
  private TensorJson() {}

  static void write(JsonGenerator g, Tensor t) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", t.name());
    g.writeStringField("dtype", t.dtype().wireName());
    g.writeArrayFieldStart("shape");
    for (long d : t.shape()) {
      g.writeNumber(d);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("data");
    writeData(g, t);
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeData(JsonGenerator g, Tensor t) throws IOException {
    DataType d = t.dtype();
    long n = t.elementCount();
    if (d == DataType.BYTES) {
      for (byte[] e : t.toBytesList()) {
        writeBytes(g, e);
      }
    } else if (d == DataType.BOOL) {
      for (boolean b : t.toBooleanArray()) {
        g.writeBoolean(b);
      }
    } else if (d == DataType.UINT64) {
      for (long v : t.toLongArray()) {
        if (v >= 0) {
          g.writeNumber(v);
        } else {
          g.writeNumber(new BigInteger(Long.toUnsignedString(v)));
        }
      }
    } else if (d.isInteger()) {
      for (long v : t.toLongArray()) {
        g.writeNumber(v);
      }
    } else if (d == DataType.FP64) {
      for (long i = 0; i < n; i++) {
        writeReal(g, t.getDouble(i), false);
      }
    } else {
      for (float v : t.toFloatArray()) {
        writeReal(g, v, true);
      }
    }
  }

  private static void writeReal(JsonGenerator g, double v, boolean single) throws IOException {
    if (Double.isNaN(v)) {
      g.writeString("NaN");
    } else if (Double.isInfinite(v)) {
      g.writeString(v > 0 ? "Infinity" : "-Infinity");
    } else if (single) {
      g.writeNumber((float) v);
    } else {
      g.writeNumber(v);
    }
  }

  private static void writeBytes(JsonGenerator g, byte[] e) throws IOException {
    String text = utf8(e);
    if (text != null) {
      g.writeString(text);
    } else {
      g.writeStartObject();
      g.writeStringField("b64", Base64.getEncoder().encodeToString(e));
      g.writeEndObject();
    }
  }

  /** The element as text when it is valid UTF-8, else {@code null}. */
  static String utf8(byte[] e) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(e)).toString();
    } catch (CharacterCodingException ex) {
      return null;
    }
  }
}
