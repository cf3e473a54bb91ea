package io.inferlink.tfserving.grpc.internal;

import static io.inferlink.tfserving.grpc.internal.CodecTestSupport.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.protos.internal.tensorflow.TensorProto;
import io.inferlink.testkit.KitTensors;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Round trips and the wire form encode chooses for each type. */
class TensorProtoCodecTest {

  /** TensorFlow's DataType numbers, written out here so a wrong table entry shows. */
  private static final Map<DataType, Integer> DT = Map.ofEntries(
      Map.entry(DataType.FP32, 1), Map.entry(DataType.FP64, 2), Map.entry(DataType.INT32, 3),
      Map.entry(DataType.UINT8, 4), Map.entry(DataType.INT16, 5), Map.entry(DataType.INT8, 6),
      Map.entry(DataType.BYTES, 7), Map.entry(DataType.INT64, 9), Map.entry(DataType.BOOL, 10),
      Map.entry(DataType.BF16, 14), Map.entry(DataType.UINT16, 17), Map.entry(DataType.FP16, 19),
      Map.entry(DataType.UINT32, 22), Map.entry(DataType.UINT64, 23));

  @ParameterizedTest
  @EnumSource(DataType.class)
  void everyTypeRoundTripsByteForByte(DataType dtype) throws Exception {
    Tensor sample = KitTensors.sample(dtype, "x");
    TensorProto p = TensorProto.parseFrom(TensorProtoCodec.encode(sample).toByteArray());
    Tensor back = TensorProtoCodec.decode("x", p);
    assertEquals(dtype, back.dtype());
    assertArrayEquals(sample.shape(), back.shape());
    assertArrayEquals(bytes(sample), bytes(back));
    assertEquals(sample, back);
  }

  @ParameterizedTest
  @EnumSource(DataType.class)
  void dtypeNumberAndShapeAreTensorFlows(DataType dtype) {
    Tensor sample = KitTensors.sample(dtype, "x");
    TensorProto p = TensorProtoCodec.encode(sample);
    assertEquals(DT.get(dtype), p.getDtypeValue());
    long[] dims = p.getTensorShape().getDimList().stream().mapToLong(d -> d.getSize()).toArray();
    assertArrayEquals(sample.shape(), dims);
    assertEquals(false, p.getTensorShape().getUnknownRank());
  }

  @ParameterizedTest
  @EnumSource(value = DataType.class,
      names = {"FP32", "FP64", "INT8", "UINT8", "INT16", "INT32", "INT64", "UINT32", "UINT64", "BOOL"})
  void numericTypesGoToTensorContentOnly(DataType dtype) {
    Tensor sample = KitTensors.sample(dtype, "x");
    TensorProto p = TensorProtoCodec.encode(sample);
    assertEquals(ByteString.copyFrom(bytes(sample)), p.getTensorContent());
    assertEquals(0, typedValueCount(p), "no typed field may be set: " + p);
  }

  @Test
  void fp16GoesToHalfValAsZeroExtendedBitPatterns() {
    TensorProto p = TensorProtoCodec.encode(Tensor.ofFp16("h", new float[] {1f, -2f, 0f}, 3));
    assertEquals(List.of(0x3C00, 0xC000, 0), p.getHalfValList());
    assertTrue(p.getTensorContent().isEmpty());
    assertEquals(3, typedValueCount(p));
  }

  @Test
  void bf16GoesToHalfValAsZeroExtendedBitPatterns() {
    TensorProto p = TensorProtoCodec.encode(Tensor.ofBf16("h", new float[] {1f, -2f}, 2));
    assertEquals(List.of(0x3F80, 0xC000), p.getHalfValList());
    assertTrue(p.getTensorContent().isEmpty());
    assertEquals(2, typedValueCount(p));
  }

  @Test
  void fp16SampleKeepsEveryBitPattern() {
    Tensor sample = KitTensors.sample(DataType.FP16, "h");
    List<Integer> expected = new ArrayList<>();
    for (short s : sample.toShortArray()) {
      expected.add(s & 0xFFFF);
    }
    assertEquals(expected, TensorProtoCodec.encode(sample).getHalfValList());
  }

  @Test
  void uint16GoesToIntValZeroExtended() {
    TensorProto p = TensorProtoCodec.encode(Tensor.ofUint16("u", new short[] {0, 1, (short) 0x8000, (short) 0xFFFF}, 4));
    assertEquals(List.of(0, 1, 32768, 65535), p.getIntValList());
    assertTrue(p.getTensorContent().isEmpty());
    assertEquals(4, typedValueCount(p));
  }

  @Test
  void bytesGoToStringValRawWithEmbeddedNuls() {
    byte[][] values = {{'a', 0, 'b'}, {}, {0}, {(byte) 0xFF, 0, 0}};
    TensorProto p = TensorProtoCodec.encode(Tensor.ofBytes("s", values, 2, 2));
    assertEquals(4, p.getStringValCount());
    for (int i = 0; i < values.length; i++) {
      assertArrayEquals(values[i], p.getStringVal(i).toByteArray(), "element " + i);
    }
    assertTrue(p.getTensorContent().isEmpty());
    Tensor back = TensorProtoCodec.decode("s", p);
    for (int i = 0; i < values.length; i++) {
      assertArrayEquals(values[i], back.toBytesList().get(i), "element " + i);
    }
  }

  @Test
  void scalarHasNoDimAndComesBackAsScalar() {
    Tensor scalar = Tensor.ofFloats("s", new float[] {2.5f});
    TensorProto p = TensorProtoCodec.encode(scalar);
    assertEquals(0, p.getTensorShape().getDimCount());
    Tensor back = TensorProtoCodec.decode("s", p);
    assertEquals(0, back.rank());
    assertEquals(2.5f, back.toFloatArray()[0]);
  }

  @Test
  void stringScalarRoundTrips() {
    Tensor scalar = Tensor.ofStrings("s", new String[] {"only"});
    Tensor back = TensorProtoCodec.decode("s", TensorProtoCodec.encode(scalar));
    assertEquals(0, back.rank());
    assertEquals(List.of("only"), back.toStringList());
  }

  @ParameterizedTest
  @EnumSource(DataType.class)
  void zeroSizeShapesRoundTrip(DataType dtype) {
    Tensor empty = Tensor.wrap("z", dtype, ByteBuffer.allocate(0), 2, 0, 3);
    TensorProto p = TensorProtoCodec.encode(empty);
    assertEquals(0, typedValueCount(p));
    assertTrue(p.getTensorContent().isEmpty());
    Tensor back = TensorProtoCodec.decode("z", p);
    assertArrayEquals(new long[] {2, 0, 3}, back.shape());
    assertEquals(0, back.elementCount());
    assertEquals(dtype, back.dtype());
  }

  @Test
  void boolBytesOtherThanZeroAndOneAreSentAsOne() {
    Tensor wrapped = Tensor.wrap("b", DataType.BOOL, ByteBuffer.wrap(new byte[] {0, 2, 1, (byte) 0x80}), 4);
    TensorProto p = TensorProtoCodec.encode(wrapped);
    assertArrayEquals(new byte[] {0, 1, 1, 1}, p.getTensorContent().toByteArray());
  }

  @Test
  void encodingCopiesSoLaterWritesToWrappedMemoryDoNotLeak() {
    byte[] memory = {1, 0, 0, 0};
    TensorProto p = TensorProtoCodec.encode(Tensor.wrap("w", DataType.INT32, ByteBuffer.wrap(memory), 1));
    memory[0] = 9;
    assertEquals(1, p.getTensorContent().byteAt(0));
  }

  @Test
  void decodingTensorContentKeepsTheValues() {
    Tensor rank5 = KitTensors.rank5("r");
    Tensor back = TensorProtoCodec.decode("r", TensorProtoCodec.encode(rank5));
    assertArrayEquals(new long[] {2, 1, 3, 2, 2}, back.shape());
    assertArrayEquals(rank5.toFloatArray(), back.toFloatArray());
  }

  @Test
  void decodedTensorTakesTheGivenName() {
    Tensor back = TensorProtoCodec.decode("renamed", TensorProtoCodec.encode(KitTensors.sample(DataType.INT32, "x")));
    assertEquals("renamed", back.name());
  }

  static int typedValueCount(TensorProto p) {
    return p.getHalfValCount() + p.getFloatValCount() + p.getDoubleValCount() + p.getIntValCount()
        + p.getStringValCount() + p.getScomplexValCount() + p.getInt64ValCount() + p.getBoolValCount()
        + p.getDcomplexValCount() + p.getUint32ValCount() + p.getUint64ValCount()
        + p.getResourceHandleValCount() + p.getVariantValCount() + p.getFloat8Val().size();
  }
}
