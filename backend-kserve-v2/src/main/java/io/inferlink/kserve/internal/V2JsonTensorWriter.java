package io.inferlink.kserve.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.inferlink.DataType;
import io.inferlink.half.HalfFloats;
import io.inferlink.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Writes a tensor's values as a flat, row-major V2 JSON {@code data} array straight from its buffer,
 * and says beforehand whether JSON can carry the tensor at all. Stateless.
 */
final class V2JsonTensorWriter {
  private V2JsonTensorWriter() {}

  /**
   * Why the tensor cannot travel as JSON data without changing, or {@code null} when it can: FP16/BF16
   * have no JSON form unless {@code halfAsJson} (then they are numbers, each exactly the value of its
   * 16 bits), NaN and infinities have no strict-JSON spelling, BYTES must be valid UTF-8.
   */
  static String whyNotJson(Tensor t, boolean halfAsJson) {
    ByteBuffer d = t.data();
    int n = (int) t.elementCount();
    switch (t.dtype()) {
      case FP16: case BF16:
        if (!halfAsJson) {
          return t.dtype().wireName() + " has no JSON form unless option half-as-json is set";
        }
        for (int i = 0; i < n; i++) {
          float f = halfValue(t.dtype(), d, i);
          if (!Float.isFinite(f)) {
            return "element " + i + " is " + f + ", which JSON cannot carry";
          }
        }
        return null;
      case FP32:
        for (int i = 0; i < n; i++) {
          if (!Float.isFinite(d.getFloat(i * 4))) {
            return "element " + i + " is " + d.getFloat(i * 4) + ", which JSON cannot carry";
          }
        }
        return null;
      case FP64:
        for (int i = 0; i < n; i++) {
          if (!Double.isFinite(d.getDouble(i * 8))) {
            return "element " + i + " is " + d.getDouble(i * 8) + ", which JSON cannot carry";
          }
        }
        return null;
      case BYTES:
        int pos = 0;
        for (int i = 0; i < n; i++) {
          int len = d.getInt(pos);
          if (!isUtf8(d.duplicate().position(pos + 4).limit(pos + 4 + len))) {
            return "element " + i + " is not valid UTF-8, which a JSON string cannot carry";
          }
          pos += 4 + len;
        }
        return null;
      default:
        return null;
    }
  }

  /** Writes {@code [v, v, ...]}; only for tensors {@link #whyNotJson} accepts. */
  static void writeData(JsonGenerator g, Tensor t) throws IOException {
    ByteBuffer d = t.data();
    int n = (int) t.elementCount();
    g.writeStartArray();
    if (t.dtype() == DataType.BYTES) {
      int pos = 0;
      for (int i = 0; i < n; i++) {
        int len = d.getInt(pos);
        byte[] raw = new byte[len];
        d.get(pos + 4, raw);
        g.writeString(new String(raw, StandardCharsets.UTF_8));
        pos += 4 + len;
      }
    } else {
      for (int i = 0; i < n; i++) {
        writeElement(g, t.dtype(), d, i);
      }
    }
    g.writeEndArray();
  }

  private static void writeElement(JsonGenerator g, DataType type, ByteBuffer d, int i) throws IOException {
    switch (type) {
      case BOOL: g.writeBoolean(d.get(i) != 0); break;
      case INT8: g.writeNumber(d.get(i)); break;
      case UINT8: g.writeNumber(d.get(i) & 0xFF); break;
      case INT16: g.writeNumber(d.getShort(i * 2)); break;
      case UINT16: g.writeNumber(d.getShort(i * 2) & 0xFFFF); break;
      case INT32: g.writeNumber(d.getInt(i * 4)); break;
      case UINT32: g.writeNumber(d.getInt(i * 4) & 0xFFFFFFFFL); break;
      case INT64: g.writeNumber(d.getLong(i * 8)); break;
      // Raw text, never through double, so all 64 bits survive.
      case UINT64: g.writeNumber(Long.toUnsignedString(d.getLong(i * 8))); break;
      case FP32: g.writeNumber(d.getFloat(i * 4)); break;
      case FP64: g.writeNumber(d.getDouble(i * 8)); break;
      // The shortest text of the widened float, which reads back to the same 16 bits.
      case FP16: case BF16: g.writeNumber(halfValue(type, d, i)); break;
      default: throw new IllegalStateException(type + " has no JSON form");
    }
  }

  private static float halfValue(DataType type, ByteBuffer d, int i) {
    short bits = d.getShort(i * 2);
    return type == DataType.FP16 ? HalfFloats.fp16ToFloat(bits) : HalfFloats.bf16ToFloat(bits);
  }

  private static boolean isUtf8(ByteBuffer bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes);
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
