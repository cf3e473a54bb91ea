package io.inferlink.tfserving.grpc.internal;

import static io.inferlink.tfserving.grpc.internal.CodecTestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.DataType;
import io.inferlink.ServerException;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.protos.internal.tensorflow.TensorProto;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TensorProto bytes written out by hand from TensorFlow's field numbers, so a wrong number or type
 * in our .proto files fails here even when encode and decode agree with each other.
 *
 * <p>Tags: dtype 1 varint {@code 08}; tensor_shape 2 {@code 12}, inside it dim 2 {@code 12} with
 * size 1 {@code 08} and unknown_rank 3 {@code 18}; tensor_content 4 {@code 22}; float_val 5 packed
 * {@code 2A} / unpacked {@code 2D}; double_val 6 {@code 32}; int_val 7 {@code 3A}; string_val 8
 * {@code 42}; int64_val 10 {@code 52}; bool_val 11 {@code 5A}; half_val 13 {@code 6A}; uint32_val 16
 * {@code 82 01}; uint64_val 17 {@code 8A 01}.
 */
class TensorProtoCodecWireBytesTest {

  private static final String SHAPE_2 = "12 04 12 02 08 02";

  private static Tensor decode(String hexBytes) throws Exception {
    return CodecTestSupport.answer("out", TensorProto.parseFrom(hex(hexBytes)), null, ClientOptions.DEFAULT_MAX_MESSAGE_SIZE);
  }

  @Test
  void floatValPacked() throws Exception {
    // DT_FLOAT, shape [2], float_val packed {1.5, -2.0}
    Tensor t = decode("08 01 " + SHAPE_2 + " 2A 08 00 00 C0 3F 00 00 00 C0");
    assertEquals(DataType.FP32, t.dtype());
    assertArrayEquals(new long[] {2}, t.shape());
    assertArrayEquals(new float[] {1.5f, -2f}, t.toFloatArray());
  }

  @Test
  void floatValUnpacked() throws Exception {
    // The same values as one fixed32 field per value, which parsers must also accept.
    Tensor t = decode("08 01 " + SHAPE_2 + " 2D 00 00 C0 3F 2D 00 00 00 C0");
    assertArrayEquals(new float[] {1.5f, -2f}, t.toFloatArray());
  }

  @Test
  void tensorContentInt32() throws Exception {
    Tensor t = decode("08 03 " + SHAPE_2 + " 22 08 01 00 00 00 FE FF FF FF");
    assertEquals(DataType.INT32, t.dtype());
    assertArrayEquals(new int[] {1, -2}, t.toIntArray());
  }

  @Test
  void stringValWithEmbeddedNul() throws Exception {
    Tensor t = decode("08 07 " + SHAPE_2 + " 42 03 61 00 62 42 00");
    assertEquals(DataType.BYTES, t.dtype());
    assertArrayEquals(new byte[] {'a', 0, 'b'}, t.toBytesList().get(0));
    assertEquals(0, t.toBytesList().get(1).length);
  }

  @Test
  void halfValForDtHalfInAShapeOfTwoDims() throws Exception {
    // DT_HALF 19, shape [2, 1], half_val packed {0x3C00, 0xC000} as varints
    Tensor t = decode("08 13 12 08 12 02 08 02 12 02 08 01 6A 05 80 78 80 80 03");
    assertEquals(DataType.FP16, t.dtype());
    assertArrayEquals(new long[] {2, 1}, t.shape());
    assertArrayEquals(new float[] {1f, -2f}, t.toFloatArray());
  }

  @Test
  void doubleIntInt64AndBoolFields() throws Exception {
    assertArrayEquals(new double[] {1.0, -2.0},
        decode("08 02 " + SHAPE_2 + " 32 10 00 00 00 00 00 00 F0 3F 00 00 00 00 00 00 00 C0").toDoubleArray());
    // DT_INT8, int_val {-1 (ten-byte varint), 127}
    assertArrayEquals(new byte[] {-1, 127},
        decode("08 06 " + SHAPE_2 + " 3A 0B FF FF FF FF FF FF FF FF FF 01 7F").toByteArray());
    // DT_INT64, int64_val {-1, 300}
    assertArrayEquals(new long[] {-1, 300},
        decode("08 09 " + SHAPE_2 + " 52 0C FF FF FF FF FF FF FF FF FF 01 AC 02").toLongArray());
    // DT_BOOL 10, bool_val {true, false}
    assertArrayEquals(new boolean[] {true, false}, decode("08 0A " + SHAPE_2 + " 5A 02 01 00").toBooleanArray());
  }

  @Test
  void unsignedFieldsWithTwoByteTags() throws Exception {
    // DT_UINT32 22, shape [2], uint32_val {4294967295, 1}
    assertArrayEquals(new long[] {0xFFFF_FFFFL, 1},
        decode("08 16 " + SHAPE_2 + " 82 01 06 FF FF FF FF 0F 01").toLongArray());
    // DT_UINT64 23, scalar, uint64_val {2^64 - 1}
    Tensor t = decode("08 17 8A 01 0A FF FF FF FF FF FF FF FF FF 01");
    assertEquals(0, t.rank());
    assertEquals(-1L, t.getLong(0));
  }

  @Test
  void unknownRankByteIsMalformed() throws Exception {
    assertThrows(ServerException.class, () -> decode("08 01 12 02 18 01 2A 04 00 00 80 3F"));
  }

  @Test
  void unknownDtypeNumberOnTheWire() {
    UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, () -> decode("08 63 " + SHAPE_2));
    assertTrue(e.getMessage().contains("99"), e.getMessage());
  }

  // ------------------------------------------------------------------ encode, byte for byte

  @Test
  void encodesFloatsAsDtypeShapeAndTensorContent() {
    byte[] wire = TensorProtoCodec.encode(Tensor.ofFloats("x", new float[] {1.5f, -2f}, 2)).toByteArray();
    assertArrayEquals(hex("08 01 " + SHAPE_2 + " 22 08 00 00 C0 3F 00 00 00 C0"), wire);
  }

  @Test
  void encodesHalfAsPackedHalfVal() {
    byte[] wire = TensorProtoCodec.encode(Tensor.ofFp16("x", new float[] {1f, -2f}, 2)).toByteArray();
    assertArrayEquals(hex("08 13 " + SHAPE_2 + " 6A 05 80 78 80 80 03"), wire);
  }

  @Test
  void encodesStringsAsStringVal() {
    byte[] wire = TensorProtoCodec.encode(Tensor.ofBytes("x", new byte[][] {{'a', 0, 'b'}, {}}, 2)).toByteArray();
    assertArrayEquals(hex("08 07 " + SHAPE_2 + " 42 03 61 00 62 42 00"), wire);
  }

  @Test
  void encodesUint16ScalarAsIntValWithAnEmptyShape() {
    byte[] wire = TensorProtoCodec.encode(Tensor.ofUint16("x", new short[] {(short) 0xFFFF})).toByteArray();
    assertArrayEquals(hex("08 11 12 00 3A 03 FF FF 03"), wire);
  }

  @Test
  void handWrittenBytesMatchTheFieldAccessors() throws Exception {
    // Guards the hex helper itself: the parsed proto must expose the fields the bytes name.
    TensorProto p = TensorProto.parseFrom(hex("08 01 " + SHAPE_2 + " 2A 04 00 00 80 3F"));
    assertEquals(1, p.getDtypeValue());
    assertEquals(2, p.getTensorShape().getDim(0).getSize());
    assertEquals(List.of(1f), p.getFloatValList());
  }
}
