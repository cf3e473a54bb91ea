package io.inferlink.emulator.oip;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.POJONode;
import io.inferlink.DataType;
import io.inferlink.half.HalfFloats;
import io.inferlink.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * V2 JSON tensor data both ways (PROTOCOLS.md §3.3), written here rather than borrowed from the
 * client codec so that the emulator checks the client instead of agreeing with it: {@code data}
 * flat or nested, its element count checked against the shape, FP16/BF16 refused unless the
 * {@link OipRestDialect} takes them; outputs flat. Stateless.
 */
final class OipRestTensors {
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private OipRestTensors() {}

  /** An input from its JSON {@code data}; 400 for a wrong count, type or range. */
  static Tensor fromJson(String name, DataType dtype, long[] shape, JsonNode data, boolean halfAsJson) {
    if (!hasJsonForm(dtype) && !halfAsJson) {
      throw OipRestError.invalid("Receiving " + dtype.wireName() + " data via JSON is not supported. "
          + "Please use the binary data format for input '" + name + "'");
    }
    List<JsonNode> flat = new ArrayList<>();
    flatten(name, data, flat);
    long n = elements(shape);
    if (flat.size() != n) {
      throw OipRestError.invalid("input '" + name + "': shape " + Arrays.toString(shape) + " needs " + n
          + " elements, 'data' has " + flat.size());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    for (JsonNode v : flat) {
      b.clear();
      put(name, dtype, v, b, out);
      out.write(b.array(), 0, b.position());
    }
    return OipRestBinary.wrap(name, dtype, shape, out.toByteArray());
  }

  /** False for FP16 and BF16: JSON numbers cannot carry them faithfully, and servers refuse them. */
  static boolean hasJsonForm(DataType dtype) {
    return dtype != DataType.FP16 && dtype != DataType.BF16;
  }

  /**
   * True when an output has no JSON form in the dialect: a NaN or infinity in a floating-point type,
   * FP16/BF16 unless {@link OipRestDialect#halfAsJson}, a BYTES element that is not valid UTF-8 unless
   * {@link OipRestDialect#rawByteStrings}.
   */
  static boolean needsBinary(Tensor t, OipRestDialect dialect) {
    switch (t.dtype()) {
      case FP16: case BF16:
        if (!dialect.halfAsJson()) {
          return true;
        }
        for (float f : t.toFloatArray()) {
          if (!Float.isFinite(f)) {
            return true;
          }
        }
        return false;
      case FP32:
        for (float f : t.toFloatArray()) {
          if (!Float.isFinite(f)) {
            return true;
          }
        }
        return false;
      case FP64:
        for (double d : t.toDoubleArray()) {
          if (!Double.isFinite(d)) {
            return true;
          }
        }
        return false;
      case BYTES:
        if (dialect.rawByteStrings()) {
          return false;
        }
        for (byte[] e : t.toBytesList()) {
          if (!isUtf8(e)) {
            return true;
          }
        }
        return false;
      default: return false;
    }
  }

  /** An output's flat JSON {@code data}; only for tensors that {@link #needsBinary} does not send binary. */
  static JsonNode toJson(Tensor t, OipRestDialect dialect) {
    if (t.dtype() == DataType.BYTES && dialect.rawByteStrings()) {
      return new POJONode(new RawByteStrings(t.toBytesList()));
    }
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    ByteBuffer d = t.data();
    int n = (int) t.elementCount();
    if (t.dtype() == DataType.BYTES) {
      t.toBytesList().forEach(e -> a.add(new String(e, StandardCharsets.UTF_8)));
      return a;
    }
    if (t.dtype() == DataType.FP16 || t.dtype() == DataType.BF16) {
      for (float f : t.toFloatArray()) {
        a.add(f);
      }
      return a;
    }
    for (int i = 0; i < n; i++) {
      switch (t.dtype()) {
        case BOOL: a.add(d.get(i) != 0); break;
        case INT8: a.add(d.get(i)); break;
        case INT16: a.add(d.getShort(i * 2)); break;
        case INT32: a.add(d.getInt(i * 4)); break;
        case INT64: a.add(d.getLong(i * 8)); break;
        case UINT8: a.add(Byte.toUnsignedInt(d.get(i))); break;
        case UINT16: a.add(Short.toUnsignedInt(d.getShort(i * 2))); break;
        case UINT32: a.add(Integer.toUnsignedLong(d.getInt(i * 4))); break;
        case UINT64: a.add(new BigInteger(Long.toUnsignedString(d.getLong(i * 8)))); break;
        case FP32: a.add(d.getFloat(i * 4)); break;
        case FP64: a.add(d.getDouble(i * 8)); break;
        default: throw new IllegalStateException("no JSON form for " + t.dtype());
      }
    }
    return a;
  }

  static long elements(long[] shape) {
    long n = 1;
    for (long d : shape) {
      n = d == 0 ? 0 : n * d;
      if (n > Integer.MAX_VALUE) {
        throw OipRestError.invalid("shape " + Arrays.toString(shape) + " has too many elements");
      }
    }
    return n;
  }

  private static void flatten(String name, JsonNode v, List<JsonNode> into) {
    if (v.isArray()) {
      v.forEach(e -> flatten(name, e, into));
    } else if (v.isObject() || v.isNull()) {
      throw OipRestError.invalid("input '" + name + "': 'data' may only hold arrays and "
          + (v.isNull() ? "values, got null" : "values, got an object"));
    } else {
      into.add(v);
    }
  }

  private static void put(String name, DataType dtype, JsonNode v, ByteBuffer b, ByteArrayOutputStream out) {
    switch (dtype) {
      case BOOL:
        if (!v.isBoolean()) {
          throw wrongType(name, dtype, v);
        }
        b.put((byte) (v.booleanValue() ? 1 : 0));
        break;
      case INT8: b.put((byte) integer(name, dtype, v, -128, 127)); break;
      case INT16: b.putShort((short) integer(name, dtype, v, Short.MIN_VALUE, Short.MAX_VALUE)); break;
      case INT32: b.putInt((int) integer(name, dtype, v, Integer.MIN_VALUE, Integer.MAX_VALUE)); break;
      case INT64: b.putLong(integer(name, dtype, v, Long.MIN_VALUE, Long.MAX_VALUE)); break;
      case UINT8: b.put((byte) integer(name, dtype, v, 0, 255)); break;
      case UINT16: b.putShort((short) integer(name, dtype, v, 0, 65535)); break;
      case UINT32: b.putInt((int) integer(name, dtype, v, 0, 0xFFFF_FFFFL)); break;
      case UINT64: b.putLong(uint64(name, v)); break;
      case FP16: b.putShort(HalfFloats.floatToFp16((float) number(name, dtype, v))); break;
      case BF16: b.putShort(HalfFloats.floatToBf16((float) number(name, dtype, v))); break;
      case FP32: b.putFloat((float) number(name, dtype, v)); break;
      case FP64: b.putDouble(number(name, dtype, v)); break;
      case BYTES:
        if (!v.isTextual()) {
          throw wrongType(name, dtype, v);
        }
        byte[] s = v.textValue().getBytes(StandardCharsets.UTF_8);
        b.putInt(s.length);
        out.write(b.array(), 0, 4);
        b.clear();
        out.writeBytes(s);
        break;
      default: throw new IllegalStateException("no JSON form for " + dtype);
    }
  }

  private static long integer(String name, DataType dtype, JsonNode v, long min, long max) {
    if (!v.isIntegralNumber()) {
      throw wrongType(name, dtype, v);
    }
    BigInteger i = v.bigIntegerValue();
    if (i.compareTo(BigInteger.valueOf(min)) < 0 || i.compareTo(BigInteger.valueOf(max)) > 0) {
      throw OipRestError.invalid("input '" + name + "': " + i + " does not fit " + dtype.wireName());
    }
    return i.longValue();
  }

  private static long uint64(String name, JsonNode v) {
    if (!v.isIntegralNumber()) {
      throw wrongType(name, DataType.UINT64, v);
    }
    BigInteger i = v.bigIntegerValue();
    if (i.signum() < 0 || i.compareTo(UINT64_MAX) > 0) {
      throw OipRestError.invalid("input '" + name + "': " + i + " does not fit UINT64");
    }
    return i.longValue();
  }

  private static double number(String name, DataType dtype, JsonNode v) {
    if (!v.isNumber()) {
      throw wrongType(name, dtype, v);
    }
    return v.doubleValue();
  }

  private static OipRestError wrongType(String name, DataType dtype, JsonNode v) {
    return OipRestError.invalid("input '" + name + "': " + dtype.wireName() + " data cannot hold " + v);
  }

  /**
   * BYTES {@code data} written the way Triton writes it: each element's bytes copied into a JSON
   * string as they are, escaping only what JSON must escape. Jackson's {@code writeUTF8String} does
   * exactly that on a byte-writing generator, as the frontend's is, without checking the bytes.
   */
  private static final class RawByteStrings extends JsonSerializable.Base {
    private final List<byte[]> elements;

    RawByteStrings(List<byte[]> elements) {
      this.elements = elements;
    }

    @Override
    public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
      g.writeStartArray();
      for (byte[] e : elements) {
        g.writeUTF8String(e, 0, e.length);
      }
      g.writeEndArray();
    }

    @Override
    public void serializeWithType(JsonGenerator g, SerializerProvider provider, TypeSerializer type) throws IOException {
      serialize(g, provider);
    }
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
