package io.inferlink.emulator.oip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferlink.emulator.Emulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Health, server metadata, model ready and model metadata, and the paths that do not exist. */
class OipRestServerTest {
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
  void theEmulatorPublishesTheScheme() {
    String endpoint = http.emulator().endpoint(OipRestFrontend.SCHEME);
    assertEquals("kserve-v2+http://127.0.0.1:" + http.emulator().port("kserve-v2-rest"), endpoint);
    assertEquals(java.util.Set.of("kserve-v2+http"), new OipRestFrontend().schemes());
    assertEquals("kserve-v2-rest", new OipRestFrontend().protocol());
  }

  @Test
  void healthAnswersJson() {
    OipRestHttp.Answer live = http.get("/v2/health/live");
    assertEquals(200, live.status());
    assertEquals("{\"live\":true}", live.json().toString());
    OipRestHttp.Answer ready = http.get("/v2/health/ready");
    assertEquals(200, ready.status());
    assertEquals("{\"ready\":true}", ready.json().toString());
    assertEquals("application/json", ready.header("content-type"));
  }

  @Test
  void serverMetadataNamesTheEmulatorAndTheBinaryExtension() {
    OipRestHttp.Answer a = http.get("/v2");
    assertEquals(200, a.status());
    assertEquals("{\"name\":\"inferlink-emulator\",\"version\":\"" + Emulator.SERVER_VERSION
        + "\",\"extensions\":[\"binary_tensor_data\"]}", a.json().toString());
  }

  @Test
  void modelReadyWithAndWithoutVersion() {
    OipRestHttp.Answer a = http.get("/v2/models/identity/ready");
    assertEquals(200, a.status());
    assertEquals("{\"name\":\"identity\",\"ready\":true}", a.json().toString());
    OipRestHttp.Answer v = http.get("/v2/models/versioned/versions/1/ready");
    assertEquals(200, v.status());
    assertEquals("{\"name\":\"versioned\",\"ready\":true}", v.json().toString());
  }

  @Test
  void modelReadyOfUnknownModelOrVersionIs404() {
    OipRestHttp.Answer a = http.get("/v2/models/nope/ready");
    assertEquals(404, a.status());
    assertEquals("Model nope not found", a.error());
    OipRestHttp.Answer v = http.get("/v2/models/versioned/versions/9/ready");
    assertEquals(404, v.status());
    assertEquals("Model versioned with version 9 not found", v.error());
  }

  @Test
  void modelMetadataListsVersionsPlatformAndTensors() {
    OipRestHttp.Answer a = http.get("/v2/models/classifier");
    assertEquals(200, a.status());
    assertEquals("{\"name\":\"classifier\",\"versions\":[\"1\"],\"platform\":\"inferlink-emulator\","
        + "\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[-1,4]}],"
        + "\"outputs\":[{\"name\":\"label\",\"datatype\":\"BYTES\",\"shape\":[-1]},"
        + "{\"name\":\"scores\",\"datatype\":\"FP32\",\"shape\":[-1,3]}]}", a.json().toString());
  }

  @Test
  void versionedModelMetadata() {
    JsonNode doc = http.get("/v2/models/versioned/versions/1").json();
    assertEquals("versioned", doc.get("name").asText());
    assertEquals("[\"1\",\"2\"]", doc.get("versions").toString());
    assertEquals("[{\"name\":\"version\",\"datatype\":\"INT64\",\"shape\":[1]}]", doc.get("outputs").toString());
  }

  @Test
  void unknownModelOrVersionMetadataIs404() {
    OipRestHttp.Answer a = http.get("/v2/models/nope");
    assertEquals(404, a.status());
    assertEquals("{\"error\":\"Model nope not found\"}", a.json().toString());
    OipRestHttp.Answer v = http.get("/v2/models/versioned/versions/9");
    assertEquals(404, v.status());
    assertEquals("Model versioned with version 9 not found", v.error());
  }

  @Test
  void otherPathsAndVerbsAreRefused() {
    OipRestHttp.Answer a = http.get("/v1/models/identity");
    assertEquals(404, a.status());
    assertTrue(a.error().contains("/v1/models/identity"), a.error());
    assertEquals(404, http.get("/v2/models/identity/explain").status());
    assertEquals(405, http.get("/v2/models/identity/infer").status());
    assertEquals(405, http.post("/v2/health/live", "{}").status());
  }
}
