package io.inferlink.emulator.oip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferlink.emulator.Emulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The REST repository paths of both forms (PROTOCOLS.md §3.2; Triton's extension_model_repository.md,
 * "HTTP/REST"), with a bare HTTP client, and what load/unload do to readiness, metadata and inference.
 */
class OipRestRepositoryTest {
  private static final String ADD_ONE = "{\"inputs\":[{\"name\":\"x\",\"shape\":[1,1],\"datatype\":\"FP32\",\"data\":[1]}]}";

  private static OipRestHttp server(OipModelRepository repository) {
    return new OipRestHttp(Emulator.builder().maxLifetime(Duration.ofMinutes(5))
        .frontend(OipRestFrontend.builder().repository(repository).build()).build().start());
  }

  @Test
  void tritonIndexLoadAndUnload() {
    OipModelRepository repository = OipModelRepository.triton();
    try (OipRestHttp http = server(repository)) {
      JsonNode index = http.post("/v2/repository/index", "{}").json();
      assertTrue(index.isArray());
      assertTrue(index.toString().contains(
          "{\"name\":\"add_one\",\"version\":\"1\",\"state\":\"READY\",\"reason\":\"\"}"), index.toString());
      assertEquals(200, http.post("/v2/repository/index", new byte[0]).status(), "the body is optional");

      OipRestHttp.Answer unload = http.post("/v2/repository/models/add_one/unload", "");
      assertEquals(200, unload.status());
      assertEquals(0, unload.body().length, "Triton answers an empty body");
      assertFalse(repository.isLoaded("add_one"));
      assertTrue(http.post("/v2/repository/index", "{}").json().toString().contains(
          "{\"name\":\"add_one\",\"version\":\"1\",\"state\":\"UNAVAILABLE\",\"reason\":\"unloaded\"}"));
      assertFalse(http.post("/v2/repository/index", "{\"ready\": true}").json().toString().contains("add_one"));
      assertEquals(404, http.get("/v2/models/add_one/ready").status());
      OipRestHttp.Answer infer = http.post("/v2/models/add_one/infer", ADD_ONE);
      assertEquals(404, infer.status());
      assertEquals("Request for unknown model: 'add_one' has no available versions", infer.error());

      assertEquals(200, http.post("/v2/repository/models/add_one/load", "{\"parameters\": {}}").status());
      assertEquals(200, http.get("/v2/models/add_one/ready").status());
      assertEquals(200, http.post("/v2/models/add_one/infer", ADD_ONE).status());
      assertTrue(http.get("/v2").json().toString().contains("\"model_repository\""));
    }
  }

  @Test
  void kserveListLoadAndUnload() {
    OipModelRepository repository = OipModelRepository.kserve();
    try (OipRestHttp http = server(repository)) {
      assertTrue(http.get("/v2/models").json().get("models").toString().contains("\"add_one\""));

      OipRestHttp.Answer unload = http.post("/v2/repository/models/add_one/unload", "");
      assertEquals("{\"name\":\"add_one\",\"unload\":true}", unload.json().toString());
      assertFalse(http.get("/v2/models").json().get("models").toString().contains("\"add_one\""));
      assertEquals(404, http.get("/v2/models/add_one").status());
      assertEquals("Model add_one not found", http.post("/v2/models/add_one/infer", ADD_ONE).error());
      assertEquals(404, http.post("/v2/repository/models/add_one/unload", "").status(), "KServe forgot it");

      OipRestHttp.Answer load = http.post("/v2/repository/models/add_one/load", "");
      assertEquals("{\"name\":\"add_one\",\"load\":true}", load.json().toString());
      assertEquals(200, http.post("/v2/models/add_one/infer", ADD_ONE).status());
      assertTrue(http.get("/v2").json().toString().contains("\"model_repository_extension\""));
    }
  }

  @Test
  void eachFormServesOnlyItsOwnPathsAndUnknownModelsAre404() {
    try (OipRestHttp triton = server(OipModelRepository.triton()); OipRestHttp kserve = server(OipModelRepository.kserve())) {
      assertEquals(404, triton.get("/v2/models").status());
      assertEquals(404, kserve.post("/v2/repository/index", "{}").status());
      for (OipRestHttp http : new OipRestHttp[] {triton, kserve}) {
        OipRestHttp.Answer a = http.post("/v2/repository/models/nope/load", "");
        assertEquals(404, a.status());
        assertEquals("Model nope not found", a.error());
        assertEquals(404, http.post("/v2/repository/models/nope/unload", "").status());
        assertEquals(405, http.get("/v2/repository/models/add_one/load").status());
      }
      assertEquals(400, triton.post("/v2/repository/index", "{\"ready\": \"yes\"}").status());
      assertEquals(400, triton.post("/v2/repository/index", "[").status());
    }
  }

  @Test
  void withoutARepositoryNothingChanges() {
    try (OipRestHttp http = new OipRestHttp()) {
      assertEquals(404, http.post("/v2/repository/index", "{}").status());
      assertEquals(404, http.post("/v2/repository/models/add_one/load", "").status());
      assertEquals(404, http.get("/v2/models").status());
      assertEquals("[\"binary_tensor_data\"]", http.get("/v2").json().get("extensions").toString());
    }
  }
}
