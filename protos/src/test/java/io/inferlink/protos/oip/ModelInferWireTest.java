package io.inferlink.protos.oip;

import io.inferlink.protos.wire.Wire;

import static io.inferlink.protos.wire.Wire.assertBytes;
import static io.inferlink.protos.wire.Wire.boolField;
import static io.inferlink.protos.wire.Wire.bytes;
import static io.inferlink.protos.wire.Wire.cat;
import static io.inferlink.protos.wire.Wire.doubleField;
import static io.inferlink.protos.wire.Wire.le32;
import static io.inferlink.protos.wire.Wire.lenField;
import static io.inferlink.protos.wire.Wire.mapEntry;
import static io.inferlink.protos.wire.Wire.packedFloats;
import static io.inferlink.protos.wire.Wire.packedVarints;
import static io.inferlink.protos.wire.Wire.stringField;
import static io.inferlink.protos.wire.Wire.utf8;
import static io.inferlink.protos.wire.Wire.varintField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.inferlink.protos.internal.inference.InferParameter;
import io.inferlink.protos.internal.inference.InferTensorContents;
import io.inferlink.protos.internal.inference.ModelInferRequest;
import io.inferlink.protos.internal.inference.ModelInferResponse;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * ModelInferRequest (1 model_name, 2 model_version, 3 id, 4 parameters, 5 inputs, 6 outputs, 7 raw_input_contents),
 * ModelInferResponse (1-3, 4 parameters, 5 outputs, 6 raw_output_contents) and InferParameter (oneof 1-5).
 * Maps are written in insertion order by protobuf-java, so the builders insert in the order of the hand bytes.
 */
class ModelInferWireTest {

  // --- InferParameter values, one per oneof member ---
  static final byte[] P_BOOL = boolField(1, true);
  static final byte[] P_INT64 = varintField(2, -7);            // negative int64: 10-byte varint
  static final byte[] P_STRING = stringField(3, "hi");
  static final byte[] P_DOUBLE = doubleField(4, 0.5);          // Triton extra, fixed64
  static final byte[] P_UINT64 = varintField(5, -1L);          // Triton extra, 2^64-1

  /** parameters map {a_bool, b_int64, c_string, d_double, e_uint64} as map field {@code field}. */
  static byte[] allParams(int field) {
    return cat(
        mapEntry(field, stringField(1, "a_bool"), lenField(2, P_BOOL)),
        mapEntry(field, stringField(1, "b_int64"), lenField(2, P_INT64)),
        mapEntry(field, stringField(1, "c_string"), lenField(2, P_STRING)),
        mapEntry(field, stringField(1, "d_double"), lenField(2, P_DOUBLE)),
        mapEntry(field, stringField(1, "e_uint64"), lenField(2, P_UINT64)));
  }

  /** Puts the same five parameters, in wire order, through a builder's putParameters. */
  static void putAllParams(BiConsumer<String, InferParameter> put) {
    put.accept("a_bool", InferParameter.newBuilder().setBoolParam(true).build());
    put.accept("b_int64", InferParameter.newBuilder().setInt64Param(-7).build());
    put.accept("c_string", InferParameter.newBuilder().setStringParam("hi").build());
    put.accept("d_double", InferParameter.newBuilder().setDoubleParam(0.5).build());
    put.accept("e_uint64", InferParameter.newBuilder().setUint64Param(-1L).build());
  }

  static void assertAllParams(Map<String, InferParameter> params) {
    assertEquals(List.of("a_bool", "b_int64", "c_string", "d_double", "e_uint64"), List.copyOf(params.keySet()));
    InferParameter b = params.get("a_bool");
    assertEquals(InferParameter.ParameterChoiceCase.BOOL_PARAM, b.getParameterChoiceCase());
    assertTrue(b.getBoolParam());
    InferParameter i = params.get("b_int64");
    assertEquals(InferParameter.ParameterChoiceCase.INT64_PARAM, i.getParameterChoiceCase());
    assertEquals(-7L, i.getInt64Param());
    InferParameter s = params.get("c_string");
    assertEquals(InferParameter.ParameterChoiceCase.STRING_PARAM, s.getParameterChoiceCase());
    assertEquals("hi", s.getStringParam());
    InferParameter d = params.get("d_double");
    assertEquals(InferParameter.ParameterChoiceCase.DOUBLE_PARAM, d.getParameterChoiceCase());
    assertEquals(0.5, d.getDoubleParam());
    InferParameter u = params.get("e_uint64");
    assertEquals(InferParameter.ParameterChoiceCase.UINT64_PARAM, u.getParameterChoiceCase());
    assertEquals("18446744073709551615", Long.toUnsignedString(u.getUint64Param()));
  }

  // --- InferParameter on its own ---

  @Test
  void inferParameterEachOneofMember() throws Exception {
    assertEquals(InferParameter.ParameterChoiceCase.BOOL_PARAM, InferParameter.parseFrom(P_BOOL).getParameterChoiceCase());
    assertBytes(P_BOOL, InferParameter.newBuilder().setBoolParam(true).build().toByteArray());
    assertEquals(-7L, InferParameter.parseFrom(P_INT64).getInt64Param());
    assertBytes(P_INT64, InferParameter.newBuilder().setInt64Param(-7).build().toByteArray());
    assertEquals("hi", InferParameter.parseFrom(P_STRING).getStringParam());
    assertBytes(P_STRING, InferParameter.newBuilder().setStringParam("hi").build().toByteArray());
    assertEquals(0.5, InferParameter.parseFrom(P_DOUBLE).getDoubleParam());
    assertBytes(P_DOUBLE, InferParameter.newBuilder().setDoubleParam(0.5).build().toByteArray());
    assertEquals(-1L, InferParameter.parseFrom(P_UINT64).getUint64Param());
    assertBytes(P_UINT64, InferParameter.newBuilder().setUint64Param(-1L).build().toByteArray());
  }

  @Test
  void inferParameterDefaultValuesAreStillSentBecauseOneofMembersHavePresence() throws Exception {
    // bool_param=false, int64_param=0, string_param="" must reach the server; a plain proto3 field would drop them.
    assertBytes(boolField(1, false), InferParameter.newBuilder().setBoolParam(false).build().toByteArray());
    assertBytes(varintField(2, 0), InferParameter.newBuilder().setInt64Param(0).build().toByteArray());
    assertBytes(stringField(3, ""), InferParameter.newBuilder().setStringParam("").build().toByteArray());
    assertBytes(doubleField(4, 0.0), InferParameter.newBuilder().setDoubleParam(0.0).build().toByteArray());
    assertBytes(varintField(5, 0), InferParameter.newBuilder().setUint64Param(0).build().toByteArray());
    InferParameter falseParam = InferParameter.parseFrom(boolField(1, false));
    assertTrue(falseParam.hasBoolParam());
    assertEquals(InferParameter.ParameterChoiceCase.BOOL_PARAM, falseParam.getParameterChoiceCase());
    assertEquals(InferParameter.ParameterChoiceCase.PARAMETERCHOICE_NOT_SET,
        InferParameter.parseFrom(new byte[0]).getParameterChoiceCase());
  }

  @Test
  void inferParameterMembersShareOneOneofSoTheLastOnTheWireWins() throws Exception {
    InferParameter parsed = InferParameter.parseFrom(cat(P_BOOL, P_STRING, P_DOUBLE));
    assertEquals(InferParameter.ParameterChoiceCase.DOUBLE_PARAM, parsed.getParameterChoiceCase());
    assertFalse(parsed.hasBoolParam());
    assertFalse(parsed.hasStringParam());
    assertEquals(0.5, parsed.getDoubleParam());
    assertBytes(P_DOUBLE, parsed.toByteArray());
  }

  // --- ModelInferRequest ---

  /** InferInputTensor "x": FP32 [1,3], parameters {content_type: "np"}, contents fp32 [1, 2, 3]. */
  static final byte[] INPUT_X = cat(stringField(1, "x"), stringField(2, "FP32"), packedVarints(3, 1, 3),
      mapEntry(4, stringField(1, "content_type"), lenField(2, stringField(3, "np"))),
      lenField(5, packedFloats(6, 1f, 2f, 3f)));

  /** InferInputTensor "tokens": BYTES [2], contents bytes ["ab", ""]; every input parameter kind. */
  static final byte[] INPUT_TOKENS = cat(stringField(1, "tokens"), stringField(2, "BYTES"), packedVarints(3, 2),
      allParams(4), lenField(5, lenField(8, utf8("ab")), lenField(8)));

  static ModelInferRequest.InferInputTensor inputX() {
    return ModelInferRequest.InferInputTensor.newBuilder().setName("x").setDatatype("FP32")
        .addAllShape(List.of(1L, 3L))
        .putParameters("content_type", InferParameter.newBuilder().setStringParam("np").build())
        .setContents(InferTensorContents.newBuilder().addAllFp32Contents(List.of(1f, 2f, 3f))).build();
  }

  static ModelInferRequest.InferInputTensor inputTokens() {
    ModelInferRequest.InferInputTensor.Builder b = ModelInferRequest.InferInputTensor.newBuilder()
        .setName("tokens").setDatatype("BYTES").addShape(2);
    putAllParams(b::putParameters);
    return b.setContents(InferTensorContents.newBuilder().addBytesContents(ByteString.copyFromUtf8("ab"))
        .addBytesContents(ByteString.EMPTY)).build();
  }

  @Test
  void modelInferRequestWithTypedContents() throws Exception {
    byte[] wire = cat(
        stringField(1, "simple"),
        stringField(2, "3"),
        stringField(3, "req-1"),
        allParams(4),
        lenField(5, INPUT_X),
        lenField(5, INPUT_TOKENS),
        lenField(6, stringField(1, "y"), mapEntry(2, stringField(1, "binary_data"), lenField(2, boolField(1, true)))),
        lenField(6, stringField(1, "z")));

    ModelInferRequest parsed = ModelInferRequest.parseFrom(wire);
    assertEquals("simple", parsed.getModelName());
    assertEquals("3", parsed.getModelVersion());
    assertEquals("req-1", parsed.getId());
    assertAllParams(parsed.getParametersMap());

    assertEquals(2, parsed.getInputsCount());
    ModelInferRequest.InferInputTensor x = parsed.getInputs(0);
    assertEquals("x", x.getName());
    assertEquals("FP32", x.getDatatype());
    assertEquals(List.of(1L, 3L), x.getShapeList());
    assertEquals(1, x.getParametersCount());
    assertEquals("np", x.getParametersOrThrow("content_type").getStringParam());
    assertTrue(x.hasContents());
    assertEquals(List.of(1f, 2f, 3f), x.getContents().getFp32ContentsList());
    assertEquals(0, x.getContents().getBytesContentsCount());
    ModelInferRequest.InferInputTensor tokens = parsed.getInputs(1);
    assertEquals("tokens", tokens.getName());
    assertEquals("BYTES", tokens.getDatatype());
    assertEquals(List.of(2L), tokens.getShapeList());
    assertAllParams(tokens.getParametersMap());
    assertEquals(List.of(ByteString.copyFromUtf8("ab"), ByteString.EMPTY), tokens.getContents().getBytesContentsList());

    assertEquals(2, parsed.getOutputsCount());
    assertEquals("y", parsed.getOutputs(0).getName());
    InferParameter binary = parsed.getOutputs(0).getParametersOrThrow("binary_data");
    assertEquals(InferParameter.ParameterChoiceCase.BOOL_PARAM, binary.getParameterChoiceCase());
    assertTrue(binary.getBoolParam());
    assertEquals("z", parsed.getOutputs(1).getName());
    assertEquals(0, parsed.getOutputs(1).getParametersCount());
    assertEquals(0, parsed.getRawInputContentsCount());
    assertEquals(0, parsed.getUnknownFields().asMap().size());

    ModelInferRequest.Builder built = ModelInferRequest.newBuilder().setModelName("simple").setModelVersion("3")
        .setId("req-1");
    putAllParams(built::putParameters);
    built.addInputs(inputX()).addInputs(inputTokens())
        .addOutputs(ModelInferRequest.InferRequestedOutputTensor.newBuilder().setName("y")
            .putParameters("binary_data", InferParameter.newBuilder().setBoolParam(true).build()))
        .addOutputs(ModelInferRequest.InferRequestedOutputTensor.newBuilder().setName("z"));
    assertBytes(wire, built.build().toByteArray());
  }

  @Test
  void modelInferRequestWithRawInputContents() throws Exception {
    // FP32 [2] as little-endian floats; BYTES [2] with the 4-byte LE length framing; raw entry i belongs to inputs[i].
    byte[] rawX = cat(le32(Float.floatToIntBits(1f)), le32(Float.floatToIntBits(-2f)));
    byte[] rawTokens = cat(le32(2), utf8("ab"), le32(0));
    byte[] wire = cat(
        stringField(1, "simple"),
        lenField(5, stringField(1, "x"), stringField(2, "FP32"), packedVarints(3, 2)),
        lenField(5, stringField(1, "t"), stringField(2, "BYTES"), packedVarints(3, 2)),
        lenField(7, rawX),
        lenField(7, rawTokens));

    ModelInferRequest parsed = ModelInferRequest.parseFrom(wire);
    assertEquals("simple", parsed.getModelName());
    assertEquals("", parsed.getModelVersion());
    assertEquals(2, parsed.getInputsCount());
    assertEquals("x", parsed.getInputs(0).getName());
    assertEquals("FP32", parsed.getInputs(0).getDatatype());
    assertEquals(List.of(2L), parsed.getInputs(0).getShapeList());
    assertFalse(parsed.getInputs(0).hasContents());
    assertEquals("t", parsed.getInputs(1).getName());
    assertEquals("BYTES", parsed.getInputs(1).getDatatype());
    assertFalse(parsed.getInputs(1).hasContents());
    assertEquals(List.of(ByteString.copyFrom(rawX), ByteString.copyFrom(rawTokens)), parsed.getRawInputContentsList());
    assertEquals(ByteString.copyFrom(bytes(0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0)), parsed.getRawInputContents(0));

    ModelInferRequest built = ModelInferRequest.newBuilder().setModelName("simple")
        .addInputs(ModelInferRequest.InferInputTensor.newBuilder().setName("x").setDatatype("FP32").addShape(2))
        .addInputs(ModelInferRequest.InferInputTensor.newBuilder().setName("t").setDatatype("BYTES").addShape(2))
        .addRawInputContents(ByteString.copyFrom(rawX))
        .addRawInputContents(ByteString.copyFrom(rawTokens))
        .build();
    assertBytes(wire, built.toByteArray());
  }

  // --- ModelInferResponse ---

  @Test
  void modelInferResponseWithTypedContents() throws Exception {
    byte[] output = cat(stringField(1, "y"), stringField(2, "INT64"), packedVarints(3, 2, 1),
        allParams(4), lenField(5, packedVarints(3, -5, 6)));
    byte[] wire = cat(stringField(1, "simple"), stringField(2, "1"), stringField(3, "req-1"),
        mapEntry(4, stringField(1, "sequence_end"), lenField(2, boolField(1, false))),
        lenField(5, output));

    ModelInferResponse parsed = ModelInferResponse.parseFrom(wire);
    assertEquals("simple", parsed.getModelName());
    assertEquals("1", parsed.getModelVersion());
    assertEquals("req-1", parsed.getId());
    assertEquals(1, parsed.getParametersCount());
    InferParameter seqEnd = parsed.getParametersOrThrow("sequence_end");
    assertTrue(seqEnd.hasBoolParam());
    assertFalse(seqEnd.getBoolParam());
    assertEquals(1, parsed.getOutputsCount());
    ModelInferResponse.InferOutputTensor y = parsed.getOutputs(0);
    assertEquals("y", y.getName());
    assertEquals("INT64", y.getDatatype());
    assertEquals(List.of(2L, 1L), y.getShapeList());
    assertAllParams(y.getParametersMap());
    assertEquals(List.of(-5L, 6L), y.getContents().getInt64ContentsList());
    assertEquals(0, parsed.getRawOutputContentsCount());

    ModelInferResponse.InferOutputTensor.Builder yb = ModelInferResponse.InferOutputTensor.newBuilder()
        .setName("y").setDatatype("INT64").addAllShape(List.of(2L, 1L));
    putAllParams(yb::putParameters);
    yb.setContents(InferTensorContents.newBuilder().addAllInt64Contents(List.of(-5L, 6L)));
    ModelInferResponse built = ModelInferResponse.newBuilder().setModelName("simple").setModelVersion("1")
        .setId("req-1").putParameters("sequence_end", InferParameter.newBuilder().setBoolParam(false).build())
        .addOutputs(yb).build();
    assertBytes(wire, built.toByteArray());
  }

  @Test
  void modelInferResponseWithRawOutputContents() throws Exception {
    byte[] rawY = cat(le32(Float.floatToIntBits(3f)), le32(Float.floatToIntBits(4f)));
    byte[] rawZ = bytes(0x01, 0x00);
    byte[] wire = cat(stringField(1, "m"), stringField(2, "2"),
        lenField(5, stringField(1, "y"), stringField(2, "FP32"), packedVarints(3, 2)),
        lenField(5, stringField(1, "z"), stringField(2, "BOOL"), packedVarints(3, 2)),
        lenField(6, rawY),
        lenField(6, rawZ));

    ModelInferResponse parsed = ModelInferResponse.parseFrom(wire);
    assertEquals("m", parsed.getModelName());
    assertEquals("2", parsed.getModelVersion());
    assertEquals("", parsed.getId());
    assertEquals(2, parsed.getOutputsCount());
    assertEquals("y", parsed.getOutputs(0).getName());
    assertEquals("FP32", parsed.getOutputs(0).getDatatype());
    assertEquals(List.of(2L), parsed.getOutputs(0).getShapeList());
    assertFalse(parsed.getOutputs(0).hasContents());
    assertEquals("z", parsed.getOutputs(1).getName());
    assertEquals("BOOL", parsed.getOutputs(1).getDatatype());
    assertEquals(List.of(ByteString.copyFrom(rawY), ByteString.copyFrom(rawZ)), parsed.getRawOutputContentsList());

    ModelInferResponse built = ModelInferResponse.newBuilder().setModelName("m").setModelVersion("2")
        .addOutputs(ModelInferResponse.InferOutputTensor.newBuilder().setName("y").setDatatype("FP32").addShape(2))
        .addOutputs(ModelInferResponse.InferOutputTensor.newBuilder().setName("z").setDatatype("BOOL").addShape(2))
        .addRawOutputContents(ByteString.copyFrom(rawY))
        .addRawOutputContents(ByteString.copyFrom(rawZ))
        .build();
    assertBytes(wire, built.toByteArray());
  }
}
