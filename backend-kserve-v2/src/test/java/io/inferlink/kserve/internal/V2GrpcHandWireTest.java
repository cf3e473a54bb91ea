package io.inferlink.kserve.internal;

import io.inferlink.spi.support.MalformedAnswerException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.inferlink.DataType;
import io.inferlink.InferenceResponse;
import io.inferlink.Tensor;
import io.inferlink.protos.internal.inference.ModelInferResponse;
import io.inferlink.spi.support.MalformedAnswerException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Decodes ModelInferResponse bytes written by hand from the field numbers of PROTOCOLS.md §3.6, so a
 * wrong number in the .proto cannot hide behind generated code that agrees with itself. The helpers
 * are copied from protos' test-only {@code io.inferlink.protos.wire.Wire}.
 */
class V2GrpcHandWireTest {
  // ModelInferResponse
  private static final int MODEL_NAME = 1, MODEL_VERSION = 2, ID = 3, PARAMETERS = 4, OUTPUTS = 5, RAW = 6;
  // InferOutputTensor
  private static final int O_NAME = 1, O_DATATYPE = 2, O_SHAPE = 3, O_CONTENTS = 5;
  // InferTensorContents
  private static final int BOOL_CONTENTS = 1, INT_CONTENTS = 2, FP64_CONTENTS = 7, BYTES_CONTENTS = 8;
  // InferParameter
  private static final int BOOL_PARAM = 1, INT64_PARAM = 2, STRING_PARAM = 3, DOUBLE_PARAM = 4, UINT64_PARAM = 5;

  private static final int VARINT = 0, I64 = 1, LEN = 2;

  private static InferenceResponse decode(byte[] wire) throws Exception {
    return V2GrpcResponseDecoder.decode(ModelInferResponse.parseFrom(wire));
  }

  @Test
  void rawOutputsWithHeaderFields() throws Exception {
    byte[] wire = cat(
        stringField(MODEL_NAME, "resnet"),
        stringField(MODEL_VERSION, "2"),
        stringField(ID, "r-1"),
        lenField(PARAMETERS, stringField(1, "seq"), lenField(2, varintField(INT64_PARAM, 7))),
        lenField(OUTPUTS, stringField(O_NAME, "probs"), stringField(O_DATATYPE, "FP32"), packedVarints(O_SHAPE, 1, 2)),
        lenField(OUTPUTS, stringField(O_NAME, "label"), stringField(O_DATATYPE, "BYTES"), packedVarints(O_SHAPE, 1)),
        lenField(RAW, le32(Float.floatToIntBits(1.5f)), le32(Float.floatToIntBits(-0f))),
        lenField(RAW, le32(3), utf8("cat")));

    InferenceResponse r = decode(wire);
    assertEquals("resnet", r.modelName());
    assertEquals("2", r.modelVersion());
    assertEquals("r-1", r.id());
    assertEquals(Map.of("seq", 7L), r.parameters());
    assertEquals(List.of("probs", "label"), List.copyOf(r.outputs().keySet()));
    Tensor probs = r.output("probs");
    assertEquals(DataType.FP32, probs.dtype());
    assertArrayEquals(new long[] {1, 2}, probs.shape());
    assertArrayEquals(new float[] {1.5f, -0f}, probs.toFloatArray());
    assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(probs.toFloatArray()[1]));
    assertEquals(List.of("cat"), r.output("label").toStringList());
  }

  @Test
  void typedOutputsPackedAndUnpacked() throws Exception {
    byte[] wire = cat(
        stringField(MODEL_NAME, "m"),
        lenField(OUTPUTS, stringField(O_NAME, "i"), stringField(O_DATATYPE, "INT32"), packedVarints(O_SHAPE, 3),
            lenField(O_CONTENTS, packedVarints(INT_CONTENTS, -1, 0, Integer.MAX_VALUE))),
        // repeated bool written unpacked, as older encoders do: parsers must accept both forms
        lenField(OUTPUTS, stringField(O_NAME, "b"), stringField(O_DATATYPE, "BOOL"), packedVarints(O_SHAPE, 2),
            lenField(O_CONTENTS, varintField(BOOL_CONTENTS, 1), varintField(BOOL_CONTENTS, 0))),
        lenField(OUTPUTS, stringField(O_NAME, "s"), stringField(O_DATATYPE, "BYTES"), packedVarints(O_SHAPE, 2),
            lenField(O_CONTENTS, lenField(BYTES_CONTENTS, utf8("ab")), lenField(BYTES_CONTENTS, bytes(0, 0xff)))),
        lenField(OUTPUTS, stringField(O_NAME, "d"), stringField(O_DATATYPE, "FP64"), packedVarints(O_SHAPE),
            lenField(O_CONTENTS, lenField(FP64_CONTENTS, le64(Double.doubleToLongBits(Math.PI))))));

    InferenceResponse r = decode(wire);
    assertEquals("m", r.modelName());
    assertArrayEquals(new int[] {-1, 0, Integer.MAX_VALUE}, r.output("i").toIntArray());
    assertArrayEquals(new boolean[] {true, false}, r.output("b").toBooleanArray());
    List<byte[]> s = r.output("s").toBytesList();
    assertArrayEquals(utf8("ab"), s.get(0));
    assertArrayEquals(bytes(0, 0xff), s.get(1));
    assertEquals(0, r.output("d").rank());
    assertEquals(Math.PI, r.output("d").getDouble(0));
  }

  @Test
  void everyParameterKindAndRawHalfFloat() throws Exception {
    byte[] wire = cat(
        lenField(PARAMETERS, stringField(1, "b"), lenField(2, varintField(BOOL_PARAM, 1))),
        lenField(PARAMETERS, stringField(1, "s"), lenField(2, stringField(STRING_PARAM, "x"))),
        lenField(PARAMETERS, stringField(1, "i"), lenField(2, varintField(INT64_PARAM, -3))),
        lenField(PARAMETERS, stringField(1, "d"), lenField(2, cat(tag(DOUBLE_PARAM, I64), le64(Double.doubleToLongBits(0.5))))),
        lenField(PARAMETERS, stringField(1, "u"), lenField(2, varintField(UINT64_PARAM, 1L << 40))),
        lenField(OUTPUTS, stringField(O_NAME, "h"), stringField(O_DATATYPE, "FP16"), packedVarints(O_SHAPE, 2)),
        lenField(RAW, bytes(0x00, 0x3c, 0x00, 0xc0))); // 1.0, -2.0 as IEEE half

    InferenceResponse r = decode(wire);
    assertEquals(Map.of("b", true, "s", "x", "i", -3L, "d", 0.5, "u", 1L << 40), r.parameters());
    assertArrayEquals(new float[] {1f, -2f}, r.output("h").toFloatArray());
  }

  @Test
  void handWrittenRawCountMismatchIsMalformed() {
    byte[] wire = cat(
        lenField(OUTPUTS, stringField(O_NAME, "a"), stringField(O_DATATYPE, "UINT8"), packedVarints(O_SHAPE, 1)),
        lenField(OUTPUTS, stringField(O_NAME, "b"), stringField(O_DATATYPE, "UINT8"), packedVarints(O_SHAPE, 1)),
        lenField(RAW, bytes(7)));
    assertThrows(MalformedAnswerException.class, () -> decode(wire));
  }

  // ---------------------------------------------------------------- copied from protos' test Wire

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  private static byte[] cat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] varint(long value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
    return out.toByteArray();
  }

  private static byte[] tag(int field, int wireType) {
    return varint(((long) field << 3) | wireType);
  }

  private static byte[] le32(int bits) {
    return bytes(bits, bits >>> 8, bits >>> 16, bits >>> 24);
  }

  private static byte[] le64(long bits) {
    byte[] out = new byte[8];
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (bits >>> (8 * i));
    }
    return out;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] varintField(int field, long value) {
    return cat(tag(field, VARINT), varint(value));
  }

  private static byte[] lenField(int field, byte[]... payload) {
    byte[] body = cat(payload);
    return cat(tag(field, LEN), varint(body.length), body);
  }

  private static byte[] stringField(int field, String value) {
    return lenField(field, utf8(value));
  }

  private static byte[] packedVarints(int field, long... values) {
    byte[][] parts = new byte[values.length][];
    for (int i = 0; i < values.length; i++) {
      parts[i] = varint(values[i]);
    }
    return lenField(field, parts);
  }
}
