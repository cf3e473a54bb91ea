package io.inferlink.emulator.tfserving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.TensorSpec;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ScriptedModel;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Inputs typed by the signature with TF's JSON rules, and outputs written as TF writes them (PROTOCOLS.md §1.7, §1.8). */
class TfsTypingTest {
  private static Emulator emulator;
  private static TfsClient tfs;

  @BeforeAll
  static void start() {
    // A model with a half-precision output, which TF Serving cannot write as JSON.
    ScriptedModel half = ScriptedModel.of("half_out", List.of(new TensorSpec("x", DataType.FP32, new long[] {-1})),
        List.of(new TensorSpec("h", DataType.FP16, new long[] {-1})),
        call -> List.of(Tensor.ofFp16("h", call.inputs().get("x").toFloatArray(), call.inputs().get("x").shape())));
    emulator = Emulator.builder().script(ModelScript.builder().addBuiltins().add(half).build())
        .frontend(new TfServingRestFrontend()).build().start();
    tfs = new TfsClient("http://127.0.0.1:" + emulator.port(TfServingRestFrontend.PROTOCOL));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void integerTypesRefuseNumbersWithAFraction() {
    assertEquals("JSON Value: 1.0 Type: Number is not of expected type: int32", error(400, "fail", "{'inputs': [1.0]}"));
    assertEquals("JSON Value: 5.0 Type: Number is not of expected type: int64", error(400, "sleep", "{'inputs': [5.0]}"));
    assertEquals("JSON Value: 2147483648 Type: Number is not of expected type: int32",
        error(400, "fail", "{'inputs': [2147483648]}"));
  }

  @Test
  void floatsTakeBareNanAndInfinitiesInEverySpelling() {
    String out = outputsText("{'inputs': {'x': [NaN, Infinity, -Infinity, Inf, -Inf, -NaN, 1]}}");
    assertEquals("[NaN,Infinity,-Infinity,Infinity,-Infinity,NaN,1.0]", out);
    assertEquals("JSON Value: NaN Type: Number is not of expected type: int64", error(400, "sleep", "{'inputs': [NaN]}"));
  }

  @Test
  void specialTokensInsideStringsAreLeftAlone() {
    assertEquals("[\"Inf\",\"-NaN\"]", outputsText("{'inputs': {'t': ['Inf', '-NaN']}}"));
  }

  @Test
  void int64AndUint64AreExactBareIntegers() {
    assertEquals("[18446744073709551615,0]", outputsText("{'inputs': {'x_uint64': [18446744073709551615, 0]}}"));
    assertEquals(new BigInteger("18446744073709551615"), TfsClient.tree(outputsText(
        "{'inputs': {'x_uint64': [18446744073709551615]}}")).get(0).bigIntegerValue());
    assertEquals("[9223372036854775807,-9223372036854775808]",
        outputsText("{'inputs': {'x_int64': [9223372036854775807, -9223372036854775808]}}"));
    assertEquals("JSON Value: -1 Type: Number is not of expected type: uint64", error(400, "identity", "{'inputs': {'x_uint64': [-1]}}"));
    // Beyond 2^64 - 1 rapidjson holds a double.
    assertEquals("JSON Value: 1.84467441e+19 Type: Number is not of expected type: uint64",
        error(400, "identity", "{'inputs': {'x_uint64': [18446744073709551616]}}"));
  }

  @Test
  void floatInputsAreNarrowedToFloat32() {
    assertEquals("[1.43577434e+09]", outputsText("{'inputs': {'x': [1435774380]}}"));
  }

  @Test
  void boolsAreOnlyTrueAndFalse() {
    assertEquals("[true,false]", outputsText("{'inputs': {'x_bool': [true, false]}}"));
    assertEquals("JSON Value: 1 Type: Number is not of expected type: bool", error(400, "identity", "{'inputs': {'x_bool': [1]}}"));
  }

  @Test
  void stringsAreTextOrBase64Objects() {
    assertEquals("[\"hi\",\"é\"]", outputsText("{'inputs': {'c': [{'b64': 'aGk='}, 'é']}}"));
    assertEquals("JSON Value: 1 Type: Number is not of expected type: string", error(400, "identity", "{'inputs': {'c': [1]}}"));
    assertEquals("Unable to base64 decode", error(400, "identity", "{'inputs': {'c': [{'b64': '%%%'}]}}"));
    assertEquals("JSON Value: {\n    \"b64\": \"aGk=\",\n    \"x\": 1\n} not formatted correctly for base64 data",
        error(400, "identity", "{'inputs': {'c': [{'b64': 'aGk=', 'x': 1}]}}"));
    assertEquals("JSON Value: {\n    \"b64\": \"aGk=\"\n} Type: Object is not of expected type: float",
        error(400, "identity", "{'inputs': {'x': [{'b64': 'aGk='}]}}"));
  }

  @Test
  void outputsNamedBytesAreWrittenAsBase64() {
    assertEquals("[{\"b64\":\"aGk=\"},{\"b64\":\"AP8=\"}]", outputsText("{'inputs': {'x_bytes': ['hi', {'b64': 'AP8='}]}}"));
  }

  @Test
  void halfBfloat16AndUint16InputsAreUnimplemented() {
    assertEquals("Conversion of JSON Value: 1.5 to type: half", error(501, "identity", "{'inputs': {'x_fp16': [1.5]}}"));
    assertEquals("Conversion of JSON Value: 1.5 to type: bfloat16", error(501, "identity", "{'inputs': {'x_bf16': [1.5]}}"));
    assertEquals("Conversion of JSON Value: 1 to type: uint16", error(501, "identity", "{'inputs': {'x_uint16': [1]}}"));
    // In the row format TF wraps the error in an INVALID_ARGUMENT one, hence 400.
    assertEquals("Failed to process element: 0 key: x_fp16 of 'instances' list. Error: UNIMPLEMENTED: Conversion of"
        + " JSON Value: 1.5 to type: half", error(400, "identity", "{'instances': [{'x_fp16': 1.5}]}"));
  }

  @Test
  void halfOutputsCannotBeWritten() {
    assertEquals("Failed to write JSON value for tensor type: half", error(400, "half_out", "{'inputs': [1.5]}"));
  }

  @Test
  void narrowIntegerTypesRoundTrip() {
    assertEquals("[-128,127]", outputsText("{'inputs': {'x_int8': [-128, 127]}}"));
    assertEquals("[0,255]", outputsText("{'inputs': {'x_uint8': [0, 255]}}"));
    assertEquals("[4294967295]", outputsText("{'inputs': {'x_uint32': [4294967295]}}"));
    assertEquals("[-32768]", outputsText("{'inputs': {'x_int16': [-32768]}}"));
  }

  /** The text of identity's only output, whitespace removed. */
  static String outputsText(String singleQuotedBody) {
    TfsClient.Reply reply = tfs.post("/v1/models/identity:predict", singleQuotedBody.replace('\'', '"'));
    assertEquals(200, reply.status(), reply.body());
    String body = reply.body().replaceAll("\\s", "");
    assertEquals("{\"outputs\":{\"", body.substring(0, 13), body);
    // identity names its outputs (its signature has many): {"outputs":{"<name>":value}}; keep the value.
    String named = body.substring(11, body.length() - 1);
    return named.substring(named.indexOf("\":") + 2, named.length() - 1);
  }

  private static String error(int status, String model, String singleQuotedBody) {
    TfsClient.Reply reply = tfs.post("/v1/models/" + model + ":predict", singleQuotedBody.replace('\'', '"'));
    assertEquals(status, reply.status(), reply.body());
    return reply.error();
  }
}
