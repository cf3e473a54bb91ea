package io.inferlink.emulator.oip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every refusal of the infer endpoint: {@code {"error": msg}} with 400, 404, or the scripted failure's status. */
class OipRestErrorsTest {
  private static OipRestHttp http;

  @BeforeAll
  static void start() {
    http = new OipRestHttp();
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  private static OipRestHttp.Answer identity(String json) {
    return http.post("/v2/models/identity/infer", json);
  }

  private static void assertError(int status, String containing, OipRestHttp.Answer a) {
    assertEquals(status, a.status(), () -> new String(a.body(), StandardCharsets.UTF_8));
    assertEquals("application/json", a.header("content-type"));
    assertTrue(a.error().contains(containing), a.error());
  }

  @Test
  void jsonFp16AndBf16AreRefused() {
    assertError(400, "Receiving FP16 data via JSON is not supported", identity(
        "{\"inputs\": [{\"name\": \"x_fp16\", \"datatype\": \"FP16\", \"shape\": [1], \"data\": [1.0]}]}"));
    assertError(400, "Receiving BF16 data via JSON is not supported", identity(
        "{\"inputs\": [{\"name\": \"x_bf16\", \"datatype\": \"BF16\", \"shape\": [1], \"data\": [1.0]}]}"));
  }

  @Test
  void elementCountMustMatchTheShape() {
    assertError(400, "needs 4 elements, 'data' has 3", identity(
        "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\", \"shape\": [2, 2], \"data\": [[1, 2], [3]]}]}"));
  }

  @Test
  void badInputsAreRefused() {
    assertError(400, "invalid datatype 'fp32'", identity(
        "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"fp32\", \"shape\": [1], \"data\": [1]}]}"));
    assertError(400, "'data' field is missing for input 'x'", identity(
        "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\", \"shape\": [1]}]}"));
    assertError(400, "300 does not fit UINT8", identity(
        "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"UINT8\", \"shape\": [1], \"data\": [300]}]}"));
    assertError(400, "BOOL data cannot hold 1", identity(
        "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"BOOL\", \"shape\": [1], \"data\": [1]}]}"));
    assertError(400, "BYTES data cannot hold 1", identity(
        "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"BYTES\", \"shape\": [1], \"data\": [1]}]}"));
    assertError(400, "invalid dimension -1", identity(
        "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\", \"shape\": [-1], \"data\": [1]}]}"));
    assertError(400, "given twice", identity("{\"inputs\": ["
        + "{\"name\": \"x\", \"datatype\": \"FP32\", \"shape\": [1], \"data\": [1]},"
        + "{\"name\": \"x\", \"datatype\": \"FP32\", \"shape\": [1], \"data\": [1]}]}"));
    assertError(400, "'inputs' array", identity("{}"));
    assertError(400, "invalid inference request JSON", identity("{\"inputs\": ["));
  }

  @Test
  void binaryFramingErrors() {
    String one = "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"UINT32\", \"shape\": [2], \"parameters\": {\"binary_data_size\": 8}}]}";
    assertError(400, "only 4 bytes of binary data remain", http.postBinary("/v2/models/identity/infer", one, new byte[4]));
    assertError(400, "2 bytes of binary data follow", http.postBinary("/v2/models/identity/infer", one, new byte[10]));
    String wrongSize = "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"UINT32\", \"shape\": [2], \"parameters\": {\"binary_data_size\": 4}}]}";
    assertError(400, "needs 8 bytes", http.postBinary("/v2/models/identity/infer", wrongSize, new byte[4]));
    assertError(400, "Inference-Header-Content-Length 999", http.post("/v2/models/identity/infer", one,
        "Inference-Header-Content-Length", "999"));
    assertError(400, "raw binary requests", http.post("/v2/models/identity/infer", new byte[8],
        "Inference-Header-Content-Length", "0"));
    // Binary data without the header is not JSON.
    assertError(400, "invalid inference request JSON", http.post("/v2/models/identity/infer",
        OipRestHttp.concat(one.getBytes(StandardCharsets.UTF_8), new byte[8])));
  }

  @Test
  void unknownRequestedOutputIs400() {
    assertError(400, "has no output 'nope'", http.post("/v2/models/add_one/infer", "{\"inputs\": [{\"name\": \"x\","
        + " \"datatype\": \"FP32\", \"shape\": [1], \"data\": [1]}], \"outputs\": [{\"name\": \"nope\"}]}"));
  }

  @Test
  void unknownModelOrVersionIs404() {
    String body = "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\", \"shape\": [1], \"data\": [1]}]}";
    OipRestHttp.Answer a = http.post("/v2/models/nope/infer", body);
    assertEquals(404, a.status());
    assertEquals("{\"error\":\"Model nope not found\"}", a.json().toString());
    OipRestHttp.Answer v = http.post("/v2/models/versioned/versions/9/infer", body);
    assertEquals(404, v.status());
    assertEquals("Model versioned with version 9 not found", v.error());
  }

  @Test
  void modelRefusalsAre400() {
    assertError(400, "add_one: input 'x' must be FP32", http.post("/v2/models/add_one/infer",
        "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"INT64\", \"shape\": [1], \"data\": [1]}]}"));
  }

  @ParameterizedTest
  @CsvSource({"3, 400, INVALID_ARGUMENT", "5, 404, NOT_FOUND", "7, 403, PERMISSION_DENIED", "8, 429, RESOURCE_EXHAUSTED",
      "12, 501, UNIMPLEMENTED", "13, 500, INTERNAL", "14, 503, UNAVAILABLE", "16, 401, UNAUTHENTICATED"})
  void scriptedFailuresKeepTheirStatusAndMessage(int code, int status, String name) {
    OipRestHttp.Answer a = http.post("/v2/models/fail/infer",
        "{\"inputs\": [{\"name\": \"code\", \"datatype\": \"INT32\", \"shape\": [1], \"data\": [" + code + "]}]}");
    assertEquals(status, a.status());
    assertEquals("{\"error\":\"scripted failure: " + name + "\"}", a.json().toString());
  }

  @Test
  void failWithOkAnswers() {
    OipRestHttp.Answer a = http.post("/v2/models/fail/infer",
        "{\"inputs\": [{\"name\": \"code\", \"datatype\": \"INT32\", \"shape\": [1], \"data\": [0]}]}");
    assertEquals(200, a.status());
    assertEquals("[0]", a.json().get("outputs").get(0).get("data").toString());
  }
}
