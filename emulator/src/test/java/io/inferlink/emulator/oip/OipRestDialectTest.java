package io.inferlink.emulator.oip;

import static io.inferlink.emulator.oip.OipRestHttp.bytes;
import static io.inferlink.emulator.oip.OipRestHttp.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.emulator.Emulator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The REST frontend's real-server habits: KServe's explicit nulls, Triton's raw byte strings, MLServer's FP16 JSON. */
class OipRestDialectTest {

  private static OipRestHttp start(OipRestFrontend frontend) {
    return new OipRestHttp(Emulator.builder().frontend(frontend).build().start());
  }

  @Test
  void explicitNullsAreWrittenAsKServeWritesThemForAModelWithoutAVersion() {
    try (OipRestHttp http = start(OipRestFrontend.builder().explicitNulls().build())) {
      OipRestHttp.Answer a = http.post("/v2/models/identity/infer",
          "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\", \"shape\": [1], \"data\": [1.5]}]}");
      assertEquals("{\"model_name\":\"identity\",\"model_version\":null,\"id\":null,\"parameters\":null,\"outputs\":["
          + "{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[1],\"parameters\":null,\"data\":[1.5]}]}", a.json().toString());
      OipRestHttp.Answer versioned = http.post("/v2/models/identity/versions/1/infer",
          "{\"id\": \"q\", \"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\", \"shape\": [1], \"data\": [1.5]}]}");
      assertEquals("1", versioned.json().get("model_version").asText());
      assertEquals("q", versioned.json().get("id").asText());
      String metadata = http.get("/v2/models/add_one").json().toString();
      assertTrue(metadata.startsWith("{\"name\":\"add_one\",\"versions\":null,\"platform\":null,\"inputs\":["), metadata);
    }
  }

  @Test
  void rawByteStringsCarryNonUtf8BytesInsideJsonAsTritonDoes() {
    try (OipRestHttp http = start(OipRestFrontend.builder().rawByteStrings().build())) {
      byte[] blob = concat(bytes(2, 0, 0, 0, 0xFF, 0xFE), bytes(3, 0, 0, 0, 0x01, '"', 'a'));
      OipRestHttp.Answer a = http.postBinary("/v2/models/identity/infer", "{\"inputs\": [{\"name\": \"c\", \"datatype\": "
          + "\"BYTES\", \"shape\": [2], \"parameters\": {\"binary_data_size\": " + blob.length + "}}]}", blob);
      assertNull(a.header("inference-header-content-length"), "the output was not asked binary");
      byte[] expected = concat("{\"model_name\":\"identity\",\"model_version\":\"1\",\"outputs\":[{\"name\":\"c\","
          .getBytes(StandardCharsets.UTF_8), "\"datatype\":\"BYTES\",\"shape\":[2],\"data\":[\"".getBytes(StandardCharsets.UTF_8),
          bytes(0xFF, 0xFE), "\",\"\\u0001\\\"a\"]}]}".getBytes(StandardCharsets.UTF_8));
      assertArrayEquals(expected, a.body(), new String(a.body(), StandardCharsets.ISO_8859_1));
    }
  }

  @Test
  void withoutRawByteStringsNonUtf8BytesGoBinary() {
    try (OipRestHttp http = start(new OipRestFrontend())) {
      byte[] blob = bytes(1, 0, 0, 0, 0xFF);
      OipRestHttp.Answer a = http.postBinary("/v2/models/identity/infer", "{\"inputs\": [{\"name\": \"c\", \"datatype\": "
          + "\"BYTES\", \"shape\": [1], \"parameters\": {\"binary_data_size\": 5}}]}", blob);
      assertArrayEquals(blob, a.blobs());
    }
  }

  @Test
  void halfAsJsonTakesAndAnswersFp16AsNumbersAsMLServerDoes() {
    try (OipRestHttp http = start(OipRestFrontend.builder().halfAsJson().build())) {
      OipRestHttp.Answer a = http.post("/v2/models/identity/infer", "{\"inputs\": [{\"name\": \"h\", \"datatype\": "
          + "\"FP16\", \"shape\": [3], \"data\": [0.1, -2.5, 65504]}, {\"name\": \"b\", \"datatype\": \"BF16\", "
          + "\"shape\": [1], \"data\": [1.5]}]}");
      assertEquals(200, a.status(), () -> new String(a.body(), StandardCharsets.UTF_8));
      assertEquals("[0.099975586,-2.5,65504.0]", a.json().get("outputs").get(0).get("data").toString());
      assertEquals("[1.5]", a.json().get("outputs").get(1).get("data").toString());
    }
    try (OipRestHttp http = start(new OipRestFrontend())) {
      OipRestHttp.Answer refused = http.post("/v2/models/identity/infer", "{\"inputs\": [{\"name\": \"h\", \"datatype\": "
          + "\"FP16\", \"shape\": [1], \"data\": [1.0]}]}");
      assertEquals(400, refused.status());
      assertTrue(refused.error().contains("FP16"), refused.error());
    }
  }
}
