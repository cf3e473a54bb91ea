package io.inferlink.kserve.internal;

import io.inferlink.spi.support.MalformedAnswerException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.inferlink.InferenceResponse;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.protos.internal.inference.InferParameter;
import io.inferlink.protos.internal.inference.InferTensorContents;
import io.inferlink.protos.internal.inference.ModelInferResponse;
import io.inferlink.protos.internal.inference.ModelInferResponse.InferOutputTensor;
import io.inferlink.spi.support.MalformedAnswerException;
import org.junit.jupiter.api.Test;

class V2GrpcMalformedTest {

  private static InferOutputTensor.Builder out(String name, String dtype, long... shape) {
    InferOutputTensor.Builder b = InferOutputTensor.newBuilder().setName(name).setDatatype(dtype);
    for (long d : shape) {
      b.addShape(d);
    }
    return b;
  }

  private static ByteString le(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return ByteString.copyFrom(b);
  }

  private static String malformed(ModelInferResponse.Builder r) {
    return assertThrows(MalformedAnswerException.class, () -> V2GrpcResponseDecoder.decode(r.build())).getMessage();
  }

  @Test
  void validBaselineDecodes() {
    // The same shapes the failing cases below break, so each failure is down to its one change.
    InferenceResponse r = V2GrpcResponseDecoder.decode(ModelInferResponse.newBuilder()
        .addOutputs(out("a", "INT32", 2)).addOutputs(out("b", "BYTES", 1))
        .addRawOutputContents(le(1, 0, 0, 0, 2, 0, 0, 0))
        .addRawOutputContents(le(2, 0, 0, 0, 'h', 'i')).build());
    assertEquals(2, r.output("a").getLong(1));
    assertEquals("hi", r.output("b").toStringList().get(0));
  }

  @Test
  void rawCountMismatch() {
    String m = malformed(ModelInferResponse.newBuilder()
        .addOutputs(out("a", "INT32", 2)).addOutputs(out("b", "BYTES", 1))
        .addRawOutputContents(le(1, 0, 0, 0, 2, 0, 0, 0)));
    assertTrue(m.contains("2 outputs but 1 raw_output_contents"), m);
    malformed(ModelInferResponse.newBuilder()
        .addOutputs(out("a", "INT32", 2))
        .addRawOutputContents(le(1, 0, 0, 0, 2, 0, 0, 0)).addRawOutputContents(le(1)));
  }

  @Test
  void wrongRawSize() {
    String m = malformed(ModelInferResponse.newBuilder()
        .addOutputs(out("a", "INT32", 2)).addRawOutputContents(le(1, 0, 0, 0, 2, 0, 0)));
    assertTrue(m.contains("'a'"), m);
    malformed(ModelInferResponse.newBuilder()
        .addOutputs(out("a", "FP16", 2)).addRawOutputContents(le(0, 0, 0, 0, 0, 0)));
  }

  @Test
  void badBytesFraming() {
    // prefix longer than what follows
    malformed(ModelInferResponse.newBuilder()
        .addOutputs(out("b", "BYTES", 1)).addRawOutputContents(le(3, 0, 0, 0, 'h', 'i')));
    // trailing bytes after the last element
    malformed(ModelInferResponse.newBuilder()
        .addOutputs(out("b", "BYTES", 1)).addRawOutputContents(le(2, 0, 0, 0, 'h', 'i', 0)));
    // fewer elements than the shape
    malformed(ModelInferResponse.newBuilder()
        .addOutputs(out("b", "BYTES", 2)).addRawOutputContents(le(2, 0, 0, 0, 'h', 'i')));
    // a truncated prefix
    malformed(ModelInferResponse.newBuilder()
        .addOutputs(out("b", "BYTES", 1)).addRawOutputContents(le(2, 0)));
  }

  @Test
  void typedCountDoesNotMatchShape() {
    String m = malformed(ModelInferResponse.newBuilder().addOutputs(out("f", "FP32", 3)
        .setContents(InferTensorContents.newBuilder().addFp32Contents(1f).addFp32Contents(2f))));
    assertTrue(m.contains("fp32_contents holds 2 values but the shape has 3"), m);
    malformed(ModelInferResponse.newBuilder().addOutputs(out("s", "BYTES", 1)
        .setContents(InferTensorContents.newBuilder().addBytesContents(ByteString.EMPTY)
            .addBytesContents(ByteString.EMPTY))));
  }

  @Test
  void typedValuesInAnotherTypesField() {
    String m = malformed(ModelInferResponse.newBuilder().addOutputs(out("f", "FP32", 1)
        .setContents(InferTensorContents.newBuilder().addFp32Contents(1f).addInt64Contents(2))));
    assertTrue(m.contains("other fields"), m);
  }

  @Test
  void typedValueOutOfRange() {
    malformed(ModelInferResponse.newBuilder().addOutputs(out("i", "INT8", 1)
        .setContents(InferTensorContents.newBuilder().addIntContents(128))));
    malformed(ModelInferResponse.newBuilder().addOutputs(out("u", "UINT16", 1)
        .setContents(InferTensorContents.newBuilder().addUintContents(0x10000))));
    malformed(ModelInferResponse.newBuilder().addOutputs(out("u", "UINT8", 1)
        .setContents(InferTensorContents.newBuilder().addUintContents(-1))));
  }

  @Test
  void halfFloatWithoutRawContents() {
    String m = malformed(ModelInferResponse.newBuilder().addOutputs(out("h", "FP16", 2)));
    assertTrue(m.contains("no typed field"), m);
  }

  @Test
  void rawAndTypedMixed() {
    malformed(ModelInferResponse.newBuilder()
        .addOutputs(out("a", "INT32", 1).setContents(InferTensorContents.newBuilder().addIntContents(1)))
        .addRawOutputContents(le(1, 0, 0, 0)));
  }

  @Test
  void invalidShapesNamesAndDuplicates() {
    malformed(ModelInferResponse.newBuilder().addOutputs(out("a", "INT32", -1)));
    malformed(ModelInferResponse.newBuilder().addOutputs(out("a", "INT32", -1)).addRawOutputContents(ByteString.EMPTY));
    malformed(ModelInferResponse.newBuilder().addOutputs(out("a", "INT32", 1L << 40, 1L << 40)));
    malformed(ModelInferResponse.newBuilder().addOutputs(out("", "INT32", 0)));
    malformed(ModelInferResponse.newBuilder().addOutputs(out("a", "INT32", 0)).addOutputs(out("a", "INT32", 0)));
    malformed(ModelInferResponse.newBuilder().addOutputs(out("a", "", 0)));
  }

  @Test
  void unknownDatatypeIsUnsupported() {
    UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
        () -> V2GrpcResponseDecoder.decode(ModelInferResponse.newBuilder()
            .addOutputs(out("c", "COMPLEX64", 1)).addRawOutputContents(le(0, 0, 0, 0, 0, 0, 0, 0)).build()));
    assertTrue(e.getMessage().contains("COMPLEX64"), e.getMessage());
    assertThrows(UnsupportedFeatureException.class, () -> V2GrpcResponseDecoder.decode(
        ModelInferResponse.newBuilder().addOutputs(out("c", "FP8", 0)).build()));
  }

  @Test
  void badParameters() {
    malformed(ModelInferResponse.newBuilder().putParameters("p", InferParameter.getDefaultInstance()));
    assertThrows(UnsupportedFeatureException.class, () -> V2GrpcResponseDecoder.decode(ModelInferResponse.newBuilder()
        .putParameters("u", InferParameter.newBuilder().setUint64Param(-1L).build()).build()));
  }
}
