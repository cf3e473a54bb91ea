package io.inferlink.emulator.oip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferlink.half.HalfFloats;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The binary tensor data extension: request blobs, answer framing, and when answers go binary by themselves. */
class OipRestBinaryTest {
  // The worked example of PROTOCOLS.md §3.5: UINT32 [2,2] is 16 bytes, BOOL [3] is 3.
  private static final byte[] UINT32_BLOB = OipRestHttp.bytes(1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 0xff, 0xff, 0xff, 0xff);
  private static final byte[] BOOL_BLOB = OipRestHttp.bytes(1, 0, 1);
  private static final String EXAMPLE = "{\"inputs\": ["
      + "{\"name\": \"x_uint32\", \"datatype\": \"UINT32\", \"shape\": [2, 2], \"parameters\": {\"binary_data_size\": 16}},"
      + "{\"name\": \"x_bool\", \"datatype\": \"BOOL\", \"shape\": [3], \"parameters\": {\"binary_data_size\": 3}}]";

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
  void binaryRequestIsReadInInputOrder() {
    OipRestHttp.Answer a = http.postBinary("/v2/models/identity/infer", EXAMPLE + "}", UINT32_BLOB, BOOL_BLOB);
    assertEquals(200, a.status());
    assertNull(a.header("inference-header-content-length"));
    JsonNode outs = a.json().get("outputs");
    assertEquals("[1,2,3,4294967295]", outs.get(0).get("data").toString());
    assertEquals("[true,false,true]", outs.get(1).get("data").toString());
  }

  @Test
  void binaryAnswerHasExactFraming() {
    OipRestHttp.Answer a = http.postBinary("/v2/models/identity/infer",
        EXAMPLE + ", \"parameters\": {\"binary_data_output\": true}}", UINT32_BLOB, BOOL_BLOB);
    assertEquals(200, a.status());
    assertEquals("application/octet-stream", a.header("content-type"));
    byte[] header = ("{\"model_name\":\"identity\",\"model_version\":\"1\",\"outputs\":["
        + "{\"name\":\"x_uint32\",\"datatype\":\"UINT32\",\"shape\":[2,2],\"parameters\":{\"binary_data_size\":16}},"
        + "{\"name\":\"x_bool\",\"datatype\":\"BOOL\",\"shape\":[3],\"parameters\":{\"binary_data_size\":3}}]}")
        .getBytes(StandardCharsets.UTF_8);
    assertEquals(String.valueOf(header.length), a.header("inference-header-content-length"));
    assertEquals(String.valueOf(header.length + 19), a.header("content-length"));
    assertArrayEquals(OipRestHttp.concat(header, UINT32_BLOB, BOOL_BLOB), a.body());
  }

  @Test
  void perOutputFalseOverridesRequestLevelBinary() {
    OipRestHttp.Answer a = http.postBinary("/v2/models/identity/infer", EXAMPLE
        + ", \"parameters\": {\"binary_data_output\": true}, \"outputs\": [{\"name\": \"x_uint32\"},"
        + " {\"name\": \"x_bool\", \"parameters\": {\"binary_data\": false}}]}", UINT32_BLOB, BOOL_BLOB);
    JsonNode outs = a.json().get("outputs");
    assertEquals("{\"binary_data_size\":16}", outs.get(0).get("parameters").toString());
    assertEquals("[true,false,true]", outs.get(1).get("data").toString());
    assertArrayEquals(UINT32_BLOB, a.blobs());
  }

  @Test
  void fp16RoundTripsBinaryAndAnswersBinaryUnasked() {
    ByteBuffer half = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : new float[] {1.0f, -2.5f, 65504f}) {
      half.putShort(HalfFloats.floatToFp16(f));
    }
    OipRestHttp.Answer a = http.postBinary("/v2/models/identity/infer", "{\"inputs\": [{\"name\": \"x_fp16\","
        + " \"datatype\": \"FP16\", \"shape\": [3], \"parameters\": {\"binary_data_size\": 6}}]}", half.array());
    assertEquals(200, a.status());
    assertEquals("{\"name\":\"x_fp16\",\"datatype\":\"FP16\",\"shape\":[3],\"parameters\":{\"binary_data_size\":6}}",
        a.json().get("outputs").get(0).toString());
    assertArrayEquals(OipRestHttp.bytes(0x00, 0x3c, 0x00, 0xc1, 0xff, 0x7b), a.blobs());
  }

  @Test
  void bytesBlobsUseFourByteLengths() {
    byte[] blob = OipRestHttp.concat(OipRestHttp.bytes(2, 0, 0, 0, 'h', 'i', 0, 0, 0, 0));
    OipRestHttp.Answer a = http.postBinary("/v2/models/identity/infer", "{\"inputs\": [{\"name\": \"x_bytes\","
        + " \"datatype\": \"BYTES\", \"shape\": [2], \"parameters\": {\"binary_data_size\": 10}}],"
        + " \"outputs\": [{\"name\": \"x_bytes\", \"parameters\": {\"binary_data\": true}}]}", blob);
    assertEquals(200, a.status());
    assertEquals("{\"binary_data_size\":10}", a.json().get("outputs").get(0).get("parameters").toString());
    assertArrayEquals(blob, a.blobs());
  }

  @Test
  void nonUtf8BytesAnswerBinaryUnasked() {
    byte[] blob = OipRestHttp.bytes(2, 0, 0, 0, 0xff, 0xfe);
    OipRestHttp.Answer a = http.postBinary("/v2/models/identity/infer", "{\"inputs\": [{\"name\": \"x_bytes\","
        + " \"datatype\": \"BYTES\", \"shape\": [1], \"parameters\": {\"binary_data_size\": 6}}]}", blob);
    assertEquals(200, a.status());
    assertEquals("{\"binary_data_size\":6}", a.json().get("outputs").get(0).get("parameters").toString());
    assertArrayEquals(blob, a.blobs());
  }

  @Test
  void nonFiniteFloatsAnswerBinaryUnasked() {
    ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(Float.NaN).putFloat(1f);
    OipRestHttp.Answer a = http.postBinary("/v2/models/identity/infer", "{\"inputs\": ["
        + "{\"name\": \"x_fp32\", \"datatype\": \"FP32\", \"shape\": [2], \"parameters\": {\"binary_data_size\": 8}},"
        + "{\"name\": \"x_int32\", \"datatype\": \"INT32\", \"shape\": [1], \"data\": [5]}]}", b.array());
    assertEquals(200, a.status());
    JsonNode outs = a.json().get("outputs");
    assertEquals("{\"binary_data_size\":8}", outs.get(0).get("parameters").toString());
    assertEquals("[5]", outs.get(1).get("data").toString());
    assertArrayEquals(b.array(), a.blobs());
  }
}
