package io.inferlink.emulator.tfserving;

import static io.inferlink.emulator.tfserving.TfsGrpcClient.predict;
import static io.inferlink.emulator.tfserving.TfsGrpcClient.spec;
import static io.inferlink.emulator.tfserving.TfsGrpcClient.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import io.inferlink.protos.internal.tensorflow.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every element type through identity: in as tensor_content and as typed fields, out in the typed
 * field TF's AsProtoField uses, with TF's dtype numbers and widening rules written out by hand.
 */
class TfsGrpcTypesTest {
  private static io.inferlink.emulator.Emulator emulator;
  private static TfsGrpcClient client;

  @BeforeAll
  static void start() {
    emulator = io.inferlink.emulator.Emulator.builder().frontend(new TfServingGrpcFrontend()).build().start();
    client = new TfsGrpcClient(emulator.port(TfServingGrpcFrontend.PROTOCOL));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    client.close();
    emulator.close();
  }

  @Test
  void narrowIntegersGoOutInIntValSignOrZeroExtended() {
    assertEquals(List.of(-1, 2), echo("x_int8", content(6, 2, b -> b.put((byte) -1).put((byte) 2)), 6).getIntValList());
    assertEquals(List.of(255, 1), echo("x_uint8", content(4, 2, b -> b.put((byte) 255).put((byte) 1)), 4).getIntValList());
    assertEquals(List.of(-2, 1000), echo("x_int16", content(5, 2, b -> b.putShort((short) -2).putShort((short) 1000)), 5)
        .getIntValList());
    assertEquals(List.of(65535), echo("x_uint16", content(17, 1, b -> b.putShort((short) -1)), 17).getIntValList());
  }

  @Test
  void typedNarrowIntegersKeepTheirLowBits() {
    assertEquals(List.of(-1, 44), echo("x_int8", tensor(6, 2).addIntVal(-1).addIntVal(300).build(), 6).getIntValList());
    assertEquals(List.of(65535), echo("x_uint16", tensor(17, 1).addIntVal(-1).build(), 17).getIntValList());
    assertEquals(List.of(-5, -5), echo("x_int32", tensor(3, 2).addIntVal(-5).build(), 3).getIntValList());
  }

  @Test
  void wideIntegersHaveTheirOwnFields() {
    assertEquals(List.of(Long.MIN_VALUE), echo("x_int64", content(9, 1, b -> b.putLong(Long.MIN_VALUE)), 9).getInt64ValList());
    assertEquals(List.of(-1), echo("x_uint32", content(22, 1, b -> b.putInt(-1)), 22).getUint32ValList());
    assertEquals(List.of(-1), echo("x_uint32", tensor(22, 1).addUint32Val(-1).build(), 22).getUint32ValList());
    assertEquals(List.of(-1L), echo("x_uint64", tensor(23, 1).addUint64Val(-1L).build(), 23).getUint64ValList());
    assertEquals(List.of(7L, 7L), echo("x_int64", tensor(9, 2).addInt64Val(7).build(), 9).getInt64ValList());
  }

  @Test
  void boolsAreCanonicalWhateverTheContentByte() {
    assertEquals(List.of(false, true), echo("x_bool", content(10, 2, b -> b.put((byte) 0).put((byte) 2)), 10).getBoolValList());
    assertEquals(List.of(true, false), echo("x_bool", tensor(10, 2).addBoolVal(true).addBoolVal(false).build(), 10)
        .getBoolValList());
  }

  @Test
  void halfAndBfloat16TravelAsBitPatternsInHalfVal() {
    assertEquals(List.of(0x3C00), echo("x_fp16", content(19, 1, b -> b.putShort((short) 0x3C00)), 19).getHalfValList());
    // Only the low 16 bits of a half_val entry count.
    assertEquals(List.of(0x3C00, 0xC000), echo("x_fp16", tensor(19, 2).addHalfVal(0x13C00).addHalfVal(0xC000).build(), 19)
        .getHalfValList());
    assertEquals(List.of(0x3F80), echo("x_bf16", tensor(14, 1).addHalfVal(0x3F80).build(), 14).getHalfValList());
  }

  @Test
  void floatingPointKeepsEveryBit() {
    assertEquals(List.of(0.1, Double.NaN), echo("x_fp64", tensor(2, 2).addDoubleVal(0.1).addDoubleVal(Double.NaN).build(), 2)
        .getDoubleValList());
    assertEquals(List.of(Float.NEGATIVE_INFINITY), echo("x_fp32", content(1, 1, b -> b.putFloat(Float.NEGATIVE_INFINITY)), 1)
        .getFloatValList());
  }

  @Test
  void bytesKeepEmbeddedZeros() {
    ByteString raw = ByteString.copyFrom(new byte[] {0, 1, 0});
    assertEquals(List.of(raw), echo("x_bytes", tensor(7, 1).addStringVal(raw).build(), 7).getStringValList());
  }

  private static TensorProto echo(String name, TensorProto in, int expectedDtype) {
    TensorProto out = client.predict.predict(predict(spec("identity"), name, in)).getOutputsOrThrow(name);
    assertEquals(expectedDtype, out.getDtypeValue(), name);
    assertEquals(in.getTensorShape(), out.getTensorShape(), name);
    assertEquals(ByteString.EMPTY, out.getTensorContent(), name);
    return out;
  }

  /** A 1-D tensor of {@code count} elements whose tensor_content {@code fill} writes, little-endian. */
  private static TensorProto content(int dtype, int count, Consumer<ByteBuffer> fill) {
    ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    fill.accept(b);
    b.flip();
    return tensor(dtype, count).setTensorContent(ByteString.copyFrom(b)).build();
  }
}
