package io.inferlink.protos.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds protobuf wire bytes by hand, from field numbers and wire types only, for the wire tests.
 * It deliberately uses nothing from protobuf-java, so a wrong field number or type in a .proto file
 * cannot hide behind a generated encoder and decoder that agree with each other. Its own encoding
 * is pinned against literal bytes in {@code tfserving.WireHelperTest} and {@code oip.OipWireHelperTest}.
 * Shared by every wire test of this module.
 */
public final class Wire {
  public static final int VARINT = 0;
  public static final int I64 = 1;
  public static final int LEN = 2;
  public static final int I32 = 5;

  private Wire() {}

  /** Literal bytes, written as ints so hex like 0x8A needs no casts. */
  public static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  public static byte[] cat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** Base-128 varint of the value's 64-bit two's-complement pattern (negative int32/int64 take 10 bytes). */
  public static byte[] varint(long value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
    return out.toByteArray();
  }

  public static byte[] tag(int field, int wireType) {
    return varint(((long) field << 3) | wireType);
  }

  public static byte[] le32(int bits) {
    return bytes(bits, bits >>> 8, bits >>> 16, bits >>> 24);
  }

  public static byte[] le64(long bits) {
    byte[] out = new byte[8];
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (bits >>> (8 * i));
    }
    return out;
  }

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Wire type 0 field: int32/int64/uint32/uint64/enum. */
  public static byte[] varintField(int field, long value) {
    return cat(tag(field, VARINT), varint(value));
  }

  public static byte[] boolField(int field, boolean value) {
    return varintField(field, value ? 1 : 0);
  }

  /** Wire type 5 field holding a float. */
  public static byte[] floatField(int field, float value) {
    return cat(tag(field, I32), le32(Float.floatToIntBits(value)));
  }

  /** Wire type 1 field holding a double. */
  public static byte[] doubleField(int field, double value) {
    return cat(tag(field, I64), le64(Double.doubleToLongBits(value)));
  }

  /** Wire type 2 field whose payload is the concatenation of the given parts (a sub-message, bytes...). */
  public static byte[] lenField(int field, byte[]... payload) {
    byte[] body = cat(payload);
    return cat(tag(field, LEN), varint(body.length), body);
  }

  public static byte[] stringField(int field, String value) {
    return lenField(field, utf8(value));
  }

  /** A map entry: a sub-message with the key as field 1 and the value as field 2 (both already encoded). */
  public static byte[] mapEntry(int field, byte[] keyField, byte[] valueField) {
    return lenField(field, keyField, valueField);
  }

  /** Packed repeated varint scalars (int32, int64, uint32, uint64, bool, enum). */
  public static byte[] packedVarints(int field, long... values) {
    byte[][] parts = new byte[values.length][];
    for (int i = 0; i < values.length; i++) {
      parts[i] = varint(values[i]);
    }
    return lenField(field, parts);
  }

  public static byte[] packedFloats(int field, float... values) {
    byte[][] parts = new byte[values.length][];
    for (int i = 0; i < values.length; i++) {
      parts[i] = le32(Float.floatToIntBits(values[i]));
    }
    return lenField(field, parts);
  }

  public static byte[] packedDoubles(int field, double... values) {
    byte[][] parts = new byte[values.length][];
    for (int i = 0; i < values.length; i++) {
      parts[i] = le64(Double.doubleToLongBits(values[i]));
    }
    return lenField(field, parts);
  }

  public static String hex(byte[] data) {
    StringBuilder sb = new StringBuilder(data.length * 3);
    for (byte b : data) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(String.format("%02X", b & 0xFF));
    }
    return sb.toString();
  }

  /** Compares as hex so a failure shows exactly which byte differs. */
  public static void assertBytes(byte[] expected, byte[] actual) {
    assertEquals(hex(expected), hex(actual));
  }
}
