package io.inferlink.kserve.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.InferenceResponse;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.transport.http.internal.ByteChunks;
import io.inferlink.transport.http.internal.HttpResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The response reader: the forms servers send, and every way a body can be wrong. */
class V2RestResponseReaderTest {

  private static V2RestDecodedResponse json(String body) {
    return V2RestResponseReader.read(ByteChunks.ofBytes(body.getBytes(StandardCharsets.UTF_8)), OptionalLong.empty());
  }

  private static String out(String fields) {
    return "{\"model_name\":\"m\",\"outputs\":[{\"name\":\"o\"," + fields + "}]}";
  }

  @Test
  void binaryBodyLabelledJsonIsRecognisedByTheHeaderLengthAlone() {
    V2RestTestSupport.Answer a = V2RestTestSupport.answer(
        out("\"shape\":[2],\"datatype\":\"INT16\",\"parameters\":{\"binary_data_size\":4}"), new byte[] {1, 0, -1, -1});
    HttpResult ovms = HttpResult.of(200, Map.of("content-type", List.of("application/json"),
        "inference-header-content-length", List.of(" " + a.headerLength() + " ")), a.body());

    assertArrayEquals(new short[] {1, -1}, V2RestResponseReader.read(ovms).response().output("o").toShortArray());
  }

  @Test
  void bytesBlobsCarryTheirPrefixes() {
    V2RestTestSupport.Answer a = V2RestTestSupport.answer(
        out("\"shape\":[2],\"datatype\":\"BYTES\",\"parameters\":{\"binary_data_size\":11}"),
        new byte[] {2, 0, 0, 0, 'h', 'i', 1, 0, 0, 0, '!'});
    assertEquals(List.of("hi", "!"),
        V2RestResponseReader.read(a.body(), OptionalLong.of(a.headerLength())).response().output("o").toStringList());
  }

  @Test
  void nestedDataIsAccepted() {
    InferenceResponse r = json(out("\"shape\":[2,3],\"datatype\":\"INT32\",\"data\":[[1,2,3],[4,5,6]]")).response();
    assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, r.output("o").toIntArray());
    assertArrayEquals(new long[] {2, 3}, r.output("o").shape());
  }

  @Test
  void dataMayComeBeforeTheDatatypeAndShape() {
    InferenceResponse r = json(out("\"data\":[\"a\",\"bc\"],\"datatype\":\"BYTES\",\"shape\":[1,2]")).response();
    assertEquals(List.of("a", "bc"), r.output("o").toStringList());
  }

  @Test
  void nonFiniteFloatsAsBareTokensOrNullBecomeValues() {
    InferenceResponse r = json(out("\"shape\":[4],\"datatype\":\"FP64\",\"data\":[NaN,Infinity,-Infinity,null]")).response();
    double[] v = r.output("o").toDoubleArray();
    assertTrue(Double.isNaN(v[0]) && Double.isNaN(v[3]), java.util.Arrays.toString(v));
    assertEquals(Double.POSITIVE_INFINITY, v[1]);
    assertEquals(Double.NEGATIVE_INFINITY, v[2]);
  }

  @Test
  void floatsAreParsedFromTextWithoutDoubleRounding() {
    // 1.00000005960464477539062500000001 rounds up to the next float; via double it would round to 1.0f.
    InferenceResponse r = json(out("\"shape\":[1],\"datatype\":\"FP32\",\"data\":[1.00000005960464477539062500000001]")).response();
    assertEquals(Math.nextUp(1f), r.output("o").toFloatArray()[0]);
  }

  @Test
  void metadataAndParametersAreRead() {
    V2RestDecodedResponse d = json("{\"model_name\":\"m\",\"model_version\":\"3\",\"id\":\"q\","
        + "\"parameters\":{\"s\":\"x\",\"b\":false,\"l\":-4,\"d\":1.5},\"outputs\":["
        + "{\"name\":\"o\",\"shape\":[0],\"datatype\":\"FP32\",\"parameters\":{\"k\":\"v\"},\"data\":[]}]}");
    assertEquals("m", d.response().modelName());
    assertEquals("3", d.response().modelVersion());
    assertEquals("q", d.response().id());
    assertEquals(Map.of("s", "x", "b", false, "l", -4L, "d", 1.5), d.response().parameters());
    assertEquals(Map.of("o", Map.of("k", "v")), d.outputParameters());
    assertEquals(0, d.response().output("o").elementCount());
  }

  @Test
  void binaryDataSizeIsFramingNotAParameter() {
    V2RestTestSupport.Answer a = V2RestTestSupport.answer(
        out("\"shape\":[1],\"datatype\":\"UINT8\",\"parameters\":{\"binary_data_size\":1,\"k\":1}"), new byte[] {5});
    V2RestDecodedResponse d = V2RestResponseReader.read(a.body(), OptionalLong.of(a.headerLength()));
    assertEquals(Map.of("o", Map.of("k", 1L)), d.outputParameters());
    assertNull(d.response().id());
  }

  static Stream<Arguments> malformedJson() {
    return Stream.of(
        Arguments.of("empty", ""),
        Arguments.of("truncated", "{\"model_name\":\"m\",\"outputs\":[{\"name\":\"o\""),
        Arguments.of("not an object", "[1,2]"),
        Arguments.of("no outputs", "{\"model_name\":\"m\"}"),
        Arguments.of("outputs not an array", "{\"outputs\":{}}"),
        Arguments.of("trailing content", out("\"shape\":[1],\"datatype\":\"INT8\",\"data\":[1]") + "xx"),
        Arguments.of("unknown datatype", out("\"shape\":[1],\"datatype\":\"FP8\",\"data\":[1]")),
        Arguments.of("datatype is case-sensitive", out("\"shape\":[1],\"datatype\":\"fp32\",\"data\":[1]")),
        Arguments.of("no datatype", out("\"shape\":[1],\"data\":[1]")),
        Arguments.of("no shape", out("\"datatype\":\"INT8\",\"data\":[1]")),
        Arguments.of("negative dimension", out("\"shape\":[-1],\"datatype\":\"INT8\",\"data\":[1]")),
        Arguments.of("fractional dimension", out("\"shape\":[1.5],\"datatype\":\"INT8\",\"data\":[1]")),
        Arguments.of("too many elements", out("\"shape\":[4294967296,4294967296],\"datatype\":\"INT8\",\"data\":[1]")),
        Arguments.of("too few values", out("\"shape\":[3],\"datatype\":\"INT32\",\"data\":[1,2]")),
        Arguments.of("too many values", out("\"shape\":[1],\"datatype\":\"INT32\",\"data\":[1,2]")),
        Arguments.of("nested too short", out("\"shape\":[2,2],\"datatype\":\"INT32\",\"data\":[[1,2],[3]]")),
        Arguments.of("nested too long", out("\"shape\":[2,2],\"datatype\":\"INT32\",\"data\":[[1,2],[3,4,5]]")),
        Arguments.of("nested ragged", out("\"shape\":[2,2],\"datatype\":\"INT32\",\"data\":[[1,2],3,4]")),
        Arguments.of("nested in flat", out("\"shape\":[2],\"datatype\":\"INT32\",\"data\":[[1],[2]]")),
        Arguments.of("object in data", out("\"shape\":[1],\"datatype\":\"INT32\",\"data\":[{}]")),
        Arguments.of("string as int", out("\"shape\":[1],\"datatype\":\"INT32\",\"data\":[\"1\"]")),
        Arguments.of("fraction as int", out("\"shape\":[1],\"datatype\":\"INT64\",\"data\":[1.5]")),
        Arguments.of("UINT8 overflow", out("\"shape\":[1],\"datatype\":\"UINT8\",\"data\":[256]")),
        Arguments.of("INT8 underflow", out("\"shape\":[1],\"datatype\":\"INT8\",\"data\":[-129]")),
        Arguments.of("negative UINT64", out("\"shape\":[1],\"datatype\":\"UINT64\",\"data\":[-1]")),
        Arguments.of("UINT64 overflow", out("\"shape\":[1],\"datatype\":\"UINT64\",\"data\":[18446744073709551616]")),
        Arguments.of("INT64 overflow", out("\"shape\":[1],\"datatype\":\"INT64\",\"data\":[9223372036854775808]")),
        Arguments.of("number as bool", out("\"shape\":[1],\"datatype\":\"BOOL\",\"data\":[1]")),
        Arguments.of("number as BYTES", out("\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[1]")),
        Arguments.of("string as FP32", out("\"shape\":[1],\"datatype\":\"FP32\",\"data\":[\"1.0\"]")),
        Arguments.of("null as INT32", out("\"shape\":[1],\"datatype\":\"INT32\",\"data\":[null]")),
        Arguments.of("data not an array", out("\"shape\":[1],\"datatype\":\"INT32\",\"data\":1")),
        Arguments.of("neither data nor size", out("\"shape\":[1],\"datatype\":\"INT32\"")),
        Arguments.of("name not a string", "{\"outputs\":[{\"name\":1,\"shape\":[1],\"datatype\":\"INT8\",\"data\":[1]}]}"),
        Arguments.of("model_name not a string", "{\"model_name\":[],\"outputs\":[]}"),
        Arguments.of("parameter value an object", "{\"parameters\":{\"p\":{}},\"outputs\":[]}"),
        Arguments.of("parameters not an object", "{\"parameters\":[],\"outputs\":[]}"),
        Arguments.of("duplicate output", "{\"outputs\":[{\"name\":\"o\",\"shape\":[1],\"datatype\":\"INT8\",\"data\":[1]},"
            + "{\"name\":\"o\",\"shape\":[1],\"datatype\":\"INT8\",\"data\":[1]}]}"),
        Arguments.of("binary size without the header", out("\"shape\":[1],\"datatype\":\"INT8\",\"parameters\":{\"binary_data_size\":1}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedJson")
  void malformedJsonBodiesAreRefused(String label, String body) {
    assertThrows(MalformedAnswerException.class, () -> json(body), label);
  }

  static Stream<Arguments> malformedBinary() {
    String int32 = "\"shape\":[1],\"datatype\":\"INT32\",\"parameters\":{\"binary_data_size\":";
    return Stream.of(
        Arguments.of("size beyond the body", out(int32 + "8}"), new byte[4], 0),
        Arguments.of("bytes left over", out(int32 + "4}"), new byte[6], 0),
        Arguments.of("size not the shape's", out("\"shape\":[2],\"datatype\":\"INT32\",\"parameters\":{\"binary_data_size\":4}"), new byte[4], 0),
        Arguments.of("negative size", out(int32 + "-4}"), new byte[4], 0),
        Arguments.of("size a string", out(int32 + "\"4\"}"), new byte[4], 0),
        Arguments.of("size a fraction", out(int32 + "4.0}"), new byte[4], 0),
        Arguments.of("both data and size", out("\"shape\":[1],\"datatype\":\"INT32\",\"data\":[1],\"parameters\":{\"binary_data_size\":4}"), new byte[4], 0),
        Arguments.of("BYTES count too small", out("\"shape\":[2],\"datatype\":\"BYTES\",\"parameters\":{\"binary_data_size\":5}"),
            new byte[] {1, 0, 0, 0, 'a'}, 0),
        Arguments.of("BYTES prefix past the blob", out("\"shape\":[1],\"datatype\":\"BYTES\",\"parameters\":{\"binary_data_size\":5}"),
            new byte[] {9, 0, 0, 0, 'a'}, 0),
        Arguments.of("header length cuts the JSON", out(int32 + "4}"), new byte[4], -10),
        Arguments.of("header length beyond the body", out(int32 + "4}"), new byte[4], 1000),
        Arguments.of("header length zero", out(int32 + "4}"), new byte[4], Integer.MIN_VALUE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedBinary")
  void malformedBinaryBodiesAreRefused(String label, String header, byte[] blob, int headerLengthShift) {
    V2RestTestSupport.Answer a = V2RestTestSupport.answer(header, blob);
    long length = headerLengthShift == Integer.MIN_VALUE ? 0 : a.headerLength() + headerLengthShift;
    assertThrows(MalformedAnswerException.class,
        () -> V2RestResponseReader.read(a.body(), OptionalLong.of(length)), label);
  }

  @Test
  void aHeaderLengthThatIsNotANumberIsMalformed() {
    HttpResult r = HttpResult.of(200, Map.of("Inference-Header-Content-Length", List.of("12a")),
        ByteChunks.ofBytes("{\"outputs\":[]}".getBytes(StandardCharsets.UTF_8)));
    assertThrows(MalformedAnswerException.class, () -> V2RestResponseReader.read(r));
  }

  @Test
  void aBinaryBodyWithoutTheHeaderIsMalformed() {
    V2RestTestSupport.Answer a = V2RestTestSupport.answer(
        out("\"shape\":[1],\"datatype\":\"INT32\",\"parameters\":{\"binary_data_size\":4}"), new byte[4]);
    HttpResult r = HttpResult.of(200, Map.of("Content-Type", List.of("application/octet-stream")), a.body());
    assertThrows(MalformedAnswerException.class, () -> V2RestResponseReader.read(r));
  }
}
