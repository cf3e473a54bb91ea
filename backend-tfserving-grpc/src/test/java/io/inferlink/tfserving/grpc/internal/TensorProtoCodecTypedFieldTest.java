package io.inferlink.tfserving.grpc.internal;

import static io.inferlink.tfserving.grpc.internal.CodecTestSupport.assertMalformed;
import static io.inferlink.tfserving.grpc.internal.CodecTestSupport.proto;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.inferlink.DataType;
import io.inferlink.ServerException;
import io.inferlink.Tensor;
import io.inferlink.protos.internal.tensorflow.TensorProto;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decoding the typed fields TF Serving answers with, including TensorFlow's fill rule. */
class TensorProtoCodecTypedFieldTest {

  private static Tensor decode(TensorProto.Builder b) {
    return TensorProtoCodec.decode("out", b.build());
  }

  @Test
  void floatVal() {
    assertEquals(Tensor.ofFloats("out", new float[] {1.5f, -2f, Float.NaN, Float.NEGATIVE_INFINITY}, 2, 2),
        decode(proto(1, 2, 2).addAllFloatVal(List.of(1.5f, -2f, Float.NaN, Float.NEGATIVE_INFINITY))));
  }

  @Test
  void doubleVal() {
    assertEquals(Tensor.ofDoubles("out", new double[] {Math.PI, -0d}, 2),
        decode(proto(2, 2).addAllDoubleVal(List.of(Math.PI, -0d))));
  }

  @Test
  void intValForInt32() {
    assertEquals(Tensor.ofInts("out", new int[] {Integer.MIN_VALUE, 0, Integer.MAX_VALUE}, 3),
        decode(proto(3, 3).addAllIntVal(List.of(Integer.MIN_VALUE, 0, Integer.MAX_VALUE))));
  }

  @Test
  void intValForInt16() {
    assertEquals(Tensor.ofInt16("out", new short[] {Short.MIN_VALUE, -1, Short.MAX_VALUE}, 3),
        decode(proto(5, 3).addAllIntVal(List.of(-32768, -1, 32767))));
  }

  @Test
  void intValForInt8() {
    assertEquals(Tensor.ofInt8("out", new byte[] {-128, -1, 127}, 3),
        decode(proto(6, 3).addAllIntVal(List.of(-128, -1, 127))));
  }

  @Test
  void intValForUint8() {
    assertEquals(Tensor.ofUint8("out", new byte[] {0, (byte) 0x80, (byte) 0xFF}, 3),
        decode(proto(4, 3).addAllIntVal(List.of(0, 128, 255))));
  }

  @Test
  void intValForUint16() {
    assertEquals(Tensor.ofUint16("out", new short[] {0, (short) 0x8000, (short) 0xFFFF}, 3),
        decode(proto(17, 3).addAllIntVal(List.of(0, 32768, 65535))));
  }

  @Test
  void int64Val() {
    assertEquals(Tensor.ofLongs("out", new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, 2),
        decode(proto(9, 2).addAllInt64Val(List.of(Long.MIN_VALUE, Long.MAX_VALUE))));
  }

  @Test
  void uint32ValKeepsAll32Bits() {
    Tensor t = decode(proto(22, 2).addAllUint32Val(List.of(-1, 7)));
    assertEquals(DataType.UINT32, t.dtype());
    assertArrayEquals(new long[] {0xFFFF_FFFFL, 7}, t.toLongArray());
  }

  @Test
  void uint64ValKeepsAll64Bits() {
    Tensor t = decode(proto(23, 2).addAllUint64Val(List.of(-1L, 7L)));
    assertEquals(Tensor.ofUint64("out", new long[] {-1L, 7L}, 2), t);
    assertEquals("18446744073709551615", Long.toUnsignedString(t.getLong(0)));
  }

  @Test
  void boolVal() {
    assertEquals(Tensor.ofBooleans("out", new boolean[] {true, false, true}, 3),
        decode(proto(10, 3).addAllBoolVal(List.of(true, false, true))));
  }

  @Test
  void halfValForFp16() {
    Tensor t = decode(proto(19, 3).addAllHalfVal(List.of(0x3C00, 0xC000, 0x7C00)));
    assertEquals(DataType.FP16, t.dtype());
    assertArrayEquals(new float[] {1f, -2f, Float.POSITIVE_INFINITY}, t.toFloatArray());
  }

  @Test
  void halfValForBf16() {
    Tensor t = decode(proto(14, 2).addAllHalfVal(List.of(0x3F80, 0xC000)));
    assertEquals(DataType.BF16, t.dtype());
    assertArrayEquals(new float[] {1f, -2f}, t.toFloatArray());
  }

  @Test
  void halfValAcceptsSignExtendedPatterns() {
    // (short) 0xC000 written by a Java client without masking: the same 16 bits, -2.0.
    Tensor t = decode(proto(19, 1).addHalfVal((short) 0xC000));
    assertArrayEquals(new float[] {-2f}, t.toFloatArray());
  }

  @Test
  void stringVal() {
    Tensor t = decode(proto(7, 3).addStringVal(ByteString.copyFromUtf8("héllo"))
        .addStringVal(ByteString.copyFrom(new byte[] {0, 'x', 0})).addStringVal(ByteString.EMPTY));
    assertEquals(3, t.toBytesList().size());
    assertEquals("héllo", t.toStringList().get(0));
    assertArrayEquals(new byte[] {0, 'x', 0}, t.toBytesList().get(1));
    assertArrayEquals(new byte[0], t.toBytesList().get(2));
  }

  // ------------------------------------------------------------------ fill rule

  @Test
  void oneValueFillsAThousandElements() {
    Tensor t = decode(proto(1, 1000).addFloatVal(7.5f));
    float[] values = t.toFloatArray();
    assertEquals(1000, values.length);
    for (int i = 0; i < values.length; i++) {
      assertEquals(7.5f, values[i], "element " + i);
    }
  }

  @Test
  void theLastOfSeveralValuesRepeats() {
    Tensor t = decode(proto(3, 3, 333).addAllIntVal(List.of(1, 2, 3)));
    int[] values = t.toIntArray();
    assertEquals(999, values.length);
    assertArrayEquals(new int[] {1, 2, 3}, Arrays.copyOf(values, 3));
    for (int i = 3; i < values.length; i++) {
      assertEquals(3, values[i], "element " + i);
    }
  }

  @Test
  void fillWorksForEveryElementSize() {
    assertArrayEquals(new long[] {-5, 9, 9, 9, 9}, decode(proto(9, 5).addAllInt64Val(List.of(-5L, 9L))).toLongArray());
    assertArrayEquals(new int[] {-3, -3, -3}, decode(proto(6, 3).addIntVal(-3)).toIntArray());
    assertArrayEquals(new float[] {1f, -2f, -2f, -2f}, decode(proto(19, 4).addAllHalfVal(List.of(0x3C00, 0xC000))).toFloatArray());
    assertArrayEquals(new boolean[] {false, true, true}, decode(proto(10, 3).addAllBoolVal(List.of(false, true))).toBooleanArray());
    assertArrayEquals(new double[] {0.25, 0.25}, decode(proto(2, 2).addDoubleVal(0.25)).toDoubleArray());
  }

  @Test
  void theLastStringRepeats() {
    Tensor t = decode(proto(7, 2, 2).addStringVal(ByteString.copyFromUtf8("a")).addStringVal(ByteString.copyFromUtf8("b\0")));
    assertEquals(List.of("a", "b\0", "b\0", "b\0"), t.toStringList());
  }

  @Test
  void noValuesMeanZeros() {
    assertArrayEquals(new float[4], decode(proto(1, 4)).toFloatArray());
    assertArrayEquals(new long[] {0, 0, 0, 0}, decode(proto(9, 2, 2)).toLongArray());
    assertArrayEquals(new float[] {0f, 0f}, decode(proto(19, 2)).toFloatArray());
    assertArrayEquals(new boolean[3], decode(proto(10, 3)).toBooleanArray());
  }

  @Test
  void noValuesMeanEmptyStrings() {
    assertEquals(List.of("", "", ""), decode(proto(7, 3)).toStringList());
  }

  // Found by TfGrpcAnswersFuzzTest: a 12-byte proto made the client allocate 2 GiB (OutOfMemoryError).
  @Test
  void theFillRuleStopsAtTheLargestAnswerTheClientAccepts() {
    assertMalformed(proto(6, Integer.MAX_VALUE - 8).addIntVal(1).build(), "int_val holds 1 values",
        "TensorFlow's rule", "maxMessageSize");
    assertMalformed(proto(10, Integer.MAX_VALUE - 8).build(), "bool_val holds 0 values", "maxMessageSize");
    assertMalformed(proto(7, 1 << 28).addStringVal(ByteString.copyFromUtf8("abc")).build(), "string_val holds 1 values",
        "maxMessageSize");
    int limit = 1 << 20;
    TensorProto justOver = proto(1, limit / 4 + 1).addFloatVal(1f).build();
    ServerException e = assertThrows(ServerException.class, () -> TensorProtoCodec.decode("out", justOver, "p", limit));
    assertTrue(e.getMessage().contains((limit + 4) + " bytes, more than the " + limit + " bytes"), e.getMessage());
    assertEquals(limit / 4, TensorProtoCodec.decode("out", proto(1, limit / 4).addFloatVal(1f).build(), "p", limit)
        .elementCount());
    // All values present: no filling, so no limit but the tensor's own.
    float[] all = new float[limit / 4 + 1];
    assertEquals(all.length, TensorProtoCodec.decode("out", proto(1, all.length).addAllFloatVal(floats(all)).build(),
        "p", limit).elementCount());
  }

  private static List<Float> floats(float[] values) {
    java.util.List<Float> out = new java.util.ArrayList<>(values.length);
    for (float v : values) {
      out.add(v);
    }
    return out;
  }

  @Test
  void aScalarWithOneValue() {
    Tensor t = decode(proto(9).addInt64Val(42));
    assertEquals(0, t.rank());
    assertEquals(42, t.getLong(0));
  }

  // ------------------------------------------------------------------ refused

  @Test
  void moreValuesThanTheShapeHolds() {
    assertMalformed(proto(1, 2).addAllFloatVal(List.of(1f, 2f, 3f)).build(), "float_val", "3 values", "2 elements");
    assertMalformed(proto(7).addStringVal(ByteString.EMPTY).addStringVal(ByteString.EMPTY).build(), "string_val");
    assertMalformed(proto(3, 0).addIntVal(1).build(), "int_val", "0 elements");
  }

  @ParameterizedTest
  @CsvSource({
      "6, int_val, 300", "6, int_val, -129", "6, int_val, 128",
      "4, int_val, 256", "4, int_val, -1",
      "5, int_val, 32768", "5, int_val, -32769",
      "17, int_val, 65536", "17, int_val, -1",
      "19, half_val, 65536", "19, half_val, -32769", "14, half_val, 70000"})
  void valuesOutOfRangeForTheType(int dtype, String field, int value) {
    TensorProto.Builder b = proto(dtype, 2);
    if (field.equals("half_val")) {
      b.addHalfVal(0).addHalfVal(value);
    } else {
      b.addIntVal(0).addIntVal(value);
    }
    assertMalformed(b.build(), field + "[1] = " + value, "does not fit");
  }

  @Test
  void valuesInAnotherTypesFieldAreNotSilentZeros() {
    assertMalformed(proto(1, 2).addAllIntVal(List.of(1, 2)).build(), "int_val", "float_val");
    assertMalformed(proto(9, 1).addIntVal(5).build(), "int_val", "int64_val");
    assertMalformed(proto(19, 1).addIntVal(15360).build(), "int_val", "half_val");
    assertMalformed(proto(7, 1).addFloatVal(1f).build(), "float_val", "string_val");
  }
}
