package io.inferlink.emulator.oip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferlink.emulator.KitContract;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** JSON inference: datatypes, shapes, ids, versions, requested outputs, recorded headers. */
class OipRestInferTest {
  private static OipRestHttp http;

  @BeforeAll
  static void start() {
    http = new OipRestHttp();
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  @Test
  void jsonRoundTripOfSeveralDatatypes() {
    OipRestHttp.Answer a = http.post("/v2/models/identity/infer", "{\"id\": \"r1\", \"inputs\": ["
        + "{\"name\": \"x_fp32\", \"datatype\": \"FP32\", \"shape\": [2], \"data\": [1.5, -2]},"
        + "{\"name\": \"x_int64\", \"datatype\": \"INT64\", \"shape\": [2], \"data\": [-9007199254740993, 7]},"
        + "{\"name\": \"x_uint64\", \"datatype\": \"UINT64\", \"shape\": [1], \"data\": [18446744073709551615]},"
        + "{\"name\": \"x_uint8\", \"datatype\": \"UINT8\", \"shape\": [2], \"data\": [0, 255]},"
        + "{\"name\": \"x_int8\", \"datatype\": \"INT8\", \"shape\": [2], \"data\": [-128, 127]},"
        + "{\"name\": \"x_bool\", \"datatype\": \"BOOL\", \"shape\": [2], \"data\": [true, false]},"
        + "{\"name\": \"x_fp64\", \"datatype\": \"FP64\", \"shape\": [1], \"data\": [0.1]},"
        + "{\"name\": \"x_bytes\", \"datatype\": \"BYTES\", \"shape\": [2], \"data\": [\"héllo\", \"\"]}]}");
    assertEquals(200, a.status());
    assertEquals("application/json", a.header("content-type"));
    assertNull(a.header("inference-header-content-length"));
    assertEquals("{\"model_name\":\"identity\",\"model_version\":\"1\",\"id\":\"r1\",\"outputs\":["
        + "{\"name\":\"x_fp32\",\"datatype\":\"FP32\",\"shape\":[2],\"data\":[1.5,-2.0]},"
        + "{\"name\":\"x_int64\",\"datatype\":\"INT64\",\"shape\":[2],\"data\":[-9007199254740993,7]},"
        + "{\"name\":\"x_uint64\",\"datatype\":\"UINT64\",\"shape\":[1],\"data\":[18446744073709551615]},"
        + "{\"name\":\"x_uint8\",\"datatype\":\"UINT8\",\"shape\":[2],\"data\":[0,255]},"
        + "{\"name\":\"x_int8\",\"datatype\":\"INT8\",\"shape\":[2],\"data\":[-128,127]},"
        + "{\"name\":\"x_bool\",\"datatype\":\"BOOL\",\"shape\":[2],\"data\":[true,false]},"
        + "{\"name\":\"x_fp64\",\"datatype\":\"FP64\",\"shape\":[1],\"data\":[0.1]},"
        + "{\"name\":\"x_bytes\",\"datatype\":\"BYTES\",\"shape\":[2],\"data\":[\"héllo\",\"\"]}]}",
        a.json().toString());
  }

  @Test
  void nestedDataComesBackFlat() {
    JsonNode out = http.post("/v2/models/identity/infer", "{\"inputs\": [{\"name\": \"x_int32\", \"datatype\": \"INT32\","
        + " \"shape\": [2, 3], \"data\": [[1, 2, 3], [4, 5, 6]]}]}").json();
    assertEquals("[1,2,3,4,5,6]", out.get("outputs").get(0).get("data").toString());
    assertEquals("[2,3]", out.get("outputs").get(0).get("shape").toString());
  }

  @Test
  void scalarAndZeroSizeTensors() {
    JsonNode out = http.post("/v2/models/identity/infer", "{\"inputs\": ["
        + "{\"name\": \"s\", \"datatype\": \"FP32\", \"shape\": [], \"data\": [3.25]},"
        + "{\"name\": \"z\", \"datatype\": \"FP32\", \"shape\": [0, 4], \"data\": []},"
        + "{\"name\": \"t\", \"datatype\": \"BYTES\", \"shape\": [0], \"data\": []}]}").json();
    assertEquals("{\"name\":\"s\",\"datatype\":\"FP32\",\"shape\":[],\"data\":[3.25]}", out.get("outputs").get(0).toString());
    assertEquals("{\"name\":\"z\",\"datatype\":\"FP32\",\"shape\":[0,4],\"data\":[]}", out.get("outputs").get(1).toString());
    assertEquals("{\"name\":\"t\",\"datatype\":\"BYTES\",\"shape\":[0],\"data\":[]}", out.get("outputs").get(2).toString());
  }

  @Test
  void computedAnswerWithoutIdHasNoId() {
    JsonNode out = http.post("/v2/models/add_one/infer",
        "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\", \"shape\": [1, 2], \"data\": [1, 2.5]}]}").json();
    assertFalse(out.has("id"));
    assertEquals("{\"name\":\"y\",\"datatype\":\"FP32\",\"shape\":[1,2],\"data\":[2.0,3.5]}", out.get("outputs").get(0).toString());
  }

  @Test
  void versionsAnswerFromTheVersionAsked() {
    String body = "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\", \"shape\": [1], \"data\": [0]}]}";
    JsonNode latest = http.post("/v2/models/versioned/infer", body).json();
    assertEquals("2", latest.get("model_version").asText());
    assertEquals("[2]", latest.get("outputs").get(0).get("data").toString());
    JsonNode one = http.post("/v2/models/versioned/versions/1/infer", body).json();
    assertEquals("1", one.get("model_version").asText());
    assertEquals("[1]", one.get("outputs").get(0).get("data").toString());
  }

  @Test
  void requestedOutputsSelectAndChooseBinaryPerOutput() {
    OipRestHttp.Answer a = http.post("/v2/models/classifier/infer", "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\","
        + " \"shape\": [1, 4], \"data\": [1, 0, 0, 0]}], \"outputs\": [{\"name\": \"label\", \"parameters\": {\"binary_data\": true}},"
        + " {\"name\": \"scores\", \"parameters\": {\"binary_data\": false}}]}");
    assertEquals(200, a.status());
    JsonNode outs = a.json().get("outputs");
    assertEquals(2, outs.size());
    assertEquals("{\"name\":\"label\",\"datatype\":\"BYTES\",\"shape\":[1],\"parameters\":{\"binary_data_size\":10}}",
        outs.get(0).toString());
    assertArrayEquals(OipRestHttp.concat(OipRestHttp.bytes(6, 0, 0, 0), "setosa".getBytes()), a.blobs());
    assertEquals(3, outs.get(1).get("data").size());
    assertTrue(outs.get(1).get("data").get(0).asDouble() > 0.5);

    JsonNode only = http.post("/v2/models/classifier/infer", "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\","
        + " \"shape\": [1, 4], \"data\": [1, 0, 0, 0]}], \"outputs\": [{\"name\": \"label\"}]}").json();
    assertEquals(1, only.get("outputs").size());
    assertEquals("[\"setosa\"]", only.get("outputs").get(0).get("data").toString());
  }

  @Test
  void headersAreRecordedLowerCased() {
    OipRestHttp.Answer a = http.post("/v2/models/add_one/infer",
        "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\", \"shape\": [1], \"data\": [1]}]}",
        "X-Inferlink-Kit-Call", "oip-rest-headers-1", "X-Custom-Thing", "v1");
    assertEquals(200, a.status());
    Map<String, String> seen = http.emulator().recorder().headersOfCall("oip-rest-headers-1", Duration.ofSeconds(5)).orElseThrow();
    assertEquals("v1", seen.get("x-custom-thing"));
    assertEquals("oip-rest-headers-1", seen.get(KitContract.CALL_ID_HEADER));
    assertTrue(http.emulator().recorder().awaitModelCall("oip-rest-headers-1", Duration.ofSeconds(1)));
    assertFalse(http.emulator().recorder().awaitCancelled("oip-rest-headers-1", Duration.ZERO));
  }
}
