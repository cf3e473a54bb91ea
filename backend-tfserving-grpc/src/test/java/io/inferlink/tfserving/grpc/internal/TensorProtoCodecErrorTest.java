package io.inferlink.tfserving.grpc.internal;

import static io.inferlink.tfserving.grpc.internal.CodecTestSupport.answer;
import static io.inferlink.tfserving.grpc.internal.CodecTestSupport.assertMalformed;
import static io.inferlink.tfserving.grpc.internal.CodecTestSupport.proto;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.inferlink.ClientOptions;
import io.inferlink.DataType;
import io.inferlink.ErrorCode;
import io.inferlink.ServerException;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.protos.internal.tensorflow.TensorProto;
import io.inferlink.protos.internal.tensorflow.TensorShapeProto;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What decode refuses, and how: unsupported types versus malformed answers. */
class TensorProtoCodecErrorTest {

  @ParameterizedTest
  @CsvSource({
      "8, DT_COMPLEX64", "18, DT_COMPLEX128", "11, DT_QINT8", "16, DT_QUINT16", "20, DT_RESOURCE",
      "21, DT_VARIANT", "24, DT_FLOAT8_E5M2", "28, DT_FLOAT8_E5M2FNUZ", "29, DT_INT4", "32, DT_UINT2",
      "108, DT_COMPLEX64_REF"})
  void typesInferlinkHasNoCounterpartForAreUnsupported(int number, String tfName) {
    TensorProto p = proto(number, 2).addAllScomplexVal(List.of(1f, 2f, 3f, 4f)).build();
    UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
        () -> TensorProtoCodec.decode("out", p));
    assertEquals(ErrorCode.UNIMPLEMENTED, e.code());
    assertTrue(e.getMessage().contains("DataType " + number + " (" + tfName + ")"), e.getMessage());
    assertTrue(e.getMessage().contains("'out'"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {33, 99, 100, 1000, -1, Integer.MAX_VALUE})
  void numbersNoVersionKnowsAreUnsupportedNotACrash(int number) {
    TensorProto p = proto(number, 1).build();
    UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
        () -> TensorProtoCodec.decode("out", p));
    assertTrue(e.getMessage().contains("DataType " + number + " (unknown"), e.getMessage());
  }

  @Test
  void aMissingDtypeIsMalformed() {
    assertMalformed(proto(0, 1).addFloatVal(1f).build(), "DT_INVALID");
  }

  @Test
  void refTypesCountAsTheirBase() {
    Tensor t = TensorProtoCodec.decode("out", proto(101, 1).addFloatVal(3f).build());
    assertEquals(DataType.FP32, t.dtype());
    assertEquals(3f, t.toFloatArray()[0]);
  }

  @Test
  void tensorContentMustMatchTheShapeExactly() {
    assertMalformed(proto(1, 2).setTensorContent(ByteString.copyFrom(new byte[7])).build(), "needs 8 bytes of tensor_content", "holds 7");
    assertMalformed(proto(1, 2).setTensorContent(ByteString.copyFrom(new byte[9])).build(), "needs 8 bytes of tensor_content", "holds 9");
    assertMalformed(proto(9, 0).setTensorContent(ByteString.copyFrom(new byte[8])).build(), "needs 0 bytes");
    assertMalformed(proto(17, 3).setTensorContent(ByteString.copyFrom(new byte[3])).build(), "DT_UINT16", "needs 6 bytes");
  }

  @Test
  void unknownRankIsMalformed() {
    TensorProto p = TensorProto.newBuilder().setDtypeValue(1)
        .setTensorShape(TensorShapeProto.newBuilder().setUnknownRank(true)).addFloatVal(1f).build();
    assertMalformed(p, "unknown_rank");
  }

  @Test
  void negativeDimensionsAreMalformed() {
    assertMalformed(proto(1, 2, -1).addFloatVal(1f).build(), "dimension 1 is -1");
    assertMalformed(proto(1, Long.MIN_VALUE).build(), "dimension 0");
  }

  @Test
  void anElementCountPastLongIsMalformed() {
    assertMalformed(proto(1, 1L << 40, 1L << 40).build(), "more elements than a long holds");
  }

  @Test
  void aZeroDimensionMakesHugeOnesEmptyNotAnOverflow() {
    Tensor t = TensorProtoCodec.decode("out", proto(1, 1L << 40, 1L << 40, 0).build());
    assertEquals(0, t.elementCount());
    assertEquals(3, t.rank());
  }

  @Test
  void hugeShapesFailBeforeAnythingIsAllocated() {
    assertMalformed(proto(1, 1L << 40).addFloatVal(1f).build(), "4398046511104 bytes", "limit of 2147483639");
    assertMalformed(proto(1, 600_000_000).build(), "2400000000 bytes", "limit");
    assertMalformed(proto(10, 3_000_000_000L).build(), "3000000000 bytes", "limit");
    assertMalformed(proto(7, 1L << 31).build(), "at least 8589934592 bytes", "limit");
  }

  @Test
  void aHugeStringRepeatedPastTheLimitFailsBeforeAllocating() {
    ByteString mib = ByteString.copyFrom(new byte[1 << 20]);
    assertMalformed(proto(7, 10_000).addStringVal(mib).build(), "BYTES", "limit");
  }

  @Test
  void stringListTensorContentAsTensorFlowWritesIt() {
    // TensorFlow's EncodeStringList: every length as a varint, then all the bytes.
    byte[] content = {3, 0, (byte) 0x81, 0x01, 'a', 0, 'c'};
    byte[] longString = new byte[129];
    longString[128] = 'z';
    ByteString all = ByteString.copyFrom(content).concat(ByteString.copyFrom(longString));
    // lengths 3, 0, 129; then "a\0c" and the 129 bytes
    Tensor t = TensorProtoCodec.decode("out", proto(7, 3).setTensorContent(all).build());
    assertEquals(3, t.toBytesList().size());
    org.junit.jupiter.api.Assertions.assertArrayEquals(new byte[] {'a', 0, 'c'}, t.toBytesList().get(0));
    assertEquals(0, t.toBytesList().get(1).length);
    org.junit.jupiter.api.Assertions.assertArrayEquals(longString, t.toBytesList().get(2));
  }

  @Test
  void malformedStringListTensorContent() {
    assertMalformed(proto(7, 2).setTensorContent(ByteString.copyFrom(new byte[] {1, 1, 'a'})).build(),
        "declares 2 bytes", "holds 1");
    assertMalformed(proto(7, 1).setTensorContent(ByteString.copyFrom(new byte[] {1, 'a', 'b'})).build(),
        "declares 1 bytes", "holds 2");
    assertMalformed(proto(7, 1).setTensorContent(ByteString.copyFrom(new byte[] {(byte) 0x80})).build(),
        "ends inside the length of element 0");
    assertMalformed(proto(7, 1).setTensorContent(ByteString.copyFrom(
        new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01})).build(), "bad length varint");
    assertMalformed(proto(7, 5).setTensorContent(ByteString.copyFrom(new byte[] {0, 0})).build(),
        "cannot hold the lengths of 5 elements");
  }

  @Test
  void errorsCarryTheProvider() {
    ServerException malformed = assertThrows(ServerException.class,
        () -> answer("out", proto(1, -1).build(), "tfserving+grpc", ClientOptions.DEFAULT_MAX_MESSAGE_SIZE));
    assertEquals("tfserving+grpc", malformed.provider());
    UnsupportedFeatureException unsupported = assertThrows(UnsupportedFeatureException.class,
        () -> TensorProtoCodec.decode("out", proto(8, 1).build(), "tfserving+grpc"));
    assertEquals("tfserving+grpc", unsupported.provider());
  }

  @Test
  void anEmptyOutputNameIsMalformedNotAnIllegalArgument() {
    ServerException e = assertThrows(ServerException.class,
        () -> answer("", proto(1, 1).addFloatVal(1f).build(), null, ClientOptions.DEFAULT_MAX_MESSAGE_SIZE));
    assertTrue(e.getMessage().contains("name"), e.getMessage());
  }
}
