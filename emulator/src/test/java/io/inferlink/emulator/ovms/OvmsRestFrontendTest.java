package io.inferlink.emulator.ovms;

import static io.inferlink.emulator.ovms.OvmsHttp.error;
import static io.inferlink.emulator.ovms.OvmsHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.ModelScript;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OVMS REST port of the emulator, spoken to with the JDK's HTTP client: OVMS's rules, not TF Serving's or KServe's. */
class OvmsRestFrontendTest {
  private static final LoadingModel LOADING = new LoadingModel();
  private static OvmsFrontends ovms;
  private static Emulator emulator;
  private static OvmsHttp http;

  @BeforeAll
  static void start() {
    ovms = OvmsFrontends.of(OvmsRelease.V2026_2);
    ModelScript script = ModelScript.builder().addBuiltins().add(LOADING).add(new OvmsImageModel("pictures")).build();
    emulator = Emulator.builder().script(script).frontend(ovms.rest()).build().start();
    http = new OvmsHttp(emulator.port(OvmsFrontends.REST_PROTOCOL));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void versionZeroAndLabelsReachTheLatestVersionOnBothApis() throws Exception {
    for (String path : new String[] {"/v1/models/versioned/versions/0:predict", "/v1/models/versioned/labels/stable:predict",
        "/v1/models/versioned:predict"}) {
      HttpResponse<byte[]> r = http.post(path, "{\"inputs\": {\"x\": [1.0]}}");
      assertEquals(200, r.statusCode(), path + ": " + OvmsHttp.text(r));
      assertEquals(2, json(r).path("outputs").get(0).asLong(), path + " (the label 'stable' points at 1, but OVMS ignores labels)");
    }
    String infer = "{\"inputs\": [{\"name\": \"x\", \"shape\": [1], \"datatype\": \"FP32\", \"data\": [1.0]}]}";
    HttpResponse<byte[]> r = http.post("/v2/models/versioned/versions/0/infer", infer);
    assertEquals(200, r.statusCode(), OvmsHttp.text(r));
    assertEquals("2", json(r).path("model_version").asText());
  }

  @Test
  void tfServingMetadataIsLowerCamelCaseWithAnAtType() throws Exception {
    JsonNode doc = json(http.get("/v1/models/add_one/metadata"));
    assertFalse(doc.has("model_spec"), doc.toString());
    assertEquals("add_one", doc.path("modelSpec").path("name").asText());
    JsonNode any = doc.path("metadata").path("signature_def");
    assertEquals("type.googleapis.com/tensorflow.serving.SignatureDefMap", any.path("@type").asText());
    JsonNode sig = any.path("signatureDef").path("serving_default");
    assertEquals("DT_FLOAT", sig.path("inputs").path("x").path("dtype").asText());
    assertEquals("-1", sig.path("inputs").path("x").path("tensorShape").path("dim").get(0).path("size").asText());
    assertEquals("tensorflow/serving/predict", sig.path("methodName").asText());
    JsonNode status = json(http.get("/v1/models/add_one"));
    assertEquals("AVAILABLE", status.path("model_version_status").get(0).path("state").asText(),
        "status keys stay snake_case: " + status);
  }

  @Test
  void aVersionStillLoadingIs404NotLoadedYetWhileItsStatusSaysLoading() throws Exception {
    HttpResponse<byte[]> predict = http.post("/v1/models/loading:predict", "{\"inputs\": {\"x\": [1.0]}}");
    assertEquals(404, predict.statusCode());
    assertEquals("Model with requested version is not loaded yet", error(predict));
    HttpResponse<byte[]> ready = http.get("/v2/models/loading/ready");
    assertEquals(404, ready.statusCode());
    assertEquals("Model with requested version is not loaded yet", error(ready));
    assertEquals("LOADING", json(http.get("/v1/models/loading")).path("model_version_status").get(0).path("state").asText());
    assertEquals(200, http.get("/v2/models/add_one/ready").statusCode());
    assertEquals(0, http.get("/v2/models/add_one/ready").body().length, "health answers have no body");
  }

  @Test
  void missingNamesAndVersionsAnswerOvmsMessages() throws Exception {
    HttpResponse<byte[]> name = http.post("/v2/models/nope/infer", "{}");
    assertEquals(404, name.statusCode());
    assertEquals("Model with requested name is not found", error(name));
    HttpResponse<byte[]> version = http.get("/v1/models/versioned/versions/9/metadata");
    assertEquals(404, version.statusCode());
    assertEquals("Model with requested version is not found", error(version));
  }

  @Test
  void modelFailuresFollowOvmsStatusTable() throws Exception {
    assertEquals(412, fail(9).statusCode(), "FAILED_PRECONDITION");
    HttpResponse<byte[]> aborted = fail(10);
    assertEquals(204, aborted.statusCode(), "ABORTED: PIPELINE_DEMULTIPLEXER_NO_RESULTS");
    assertEquals(0, aborted.body().length);
    assertEquals(503, fail(14).statusCode(), "UNAVAILABLE");
    assertEquals(500, fail(13).statusCode(), "INTERNAL");
    HttpResponse<byte[]> invalid = fail(3);
    assertEquals(400, invalid.statusCode(), "INVALID_ARGUMENT");
    assertEquals("scripted failure: INVALID_ARGUMENT", error(invalid));
  }

  @Test
  void wrongMethodsUnknownPathsAndClassifyAnswerAsOvmsDoes() throws Exception {
    assertEquals(406, http.get("/v1/config/reload").statusCode());
    assertEquals(406, http.get("/v2/models/add_one/infer").statusCode());
    assertEquals(406, http.post("/v1/models/add_one/metadata", "{}").statusCode());
    HttpResponse<byte[]> unknown = http.get("/v3/nothing");
    assertEquals(400, unknown.statusCode());
    assertEquals("Invalid request URL", error(unknown));
    HttpResponse<byte[]> classify = http.post("/v1/models/classifier:classify", "{\"examples\": [{\"x\": [1.0, 2.0, 3.0, 4.0]}]}");
    assertEquals(404, classify.statusCode());
    assertEquals("Requested REST resource not found", error(classify));
  }

  @Test
  void kserveRefusesBf16Fp16AsJsonDataAndOtherPrecisions() throws Exception {
    HttpResponse<byte[]> bf16 = http.post("/v2/models/identity/infer",
        "{\"inputs\": [{\"name\": \"x_bf16\", \"shape\": [1], \"datatype\": \"BF16\", \"data\": [1.0]}]}");
    assertEquals(400, bf16.statusCode());
    assertTrue(error(bf16).contains("BF16"), error(bf16));
    HttpResponse<byte[]> fp16 = http.post("/v2/models/identity/infer",
        "{\"inputs\": [{\"name\": \"x_fp16\", \"shape\": [1], \"datatype\": \"FP16\", \"data\": [1.0]}]}");
    assertEquals(400, fp16.statusCode());
    HttpResponse<byte[]> int64 = http.post("/v2/models/add_one/infer",
        "{\"inputs\": [{\"name\": \"x\", \"shape\": [1, 1], \"datatype\": \"INT64\", \"data\": [1]}]}");
    assertEquals(400, int64.statusCode());
    assertEquals("Invalid input precision of input x - Expected: FP32; Actual: INT64", error(int64));
    byte[] header = "{\"inputs\": [{\"name\": \"x_fp16\", \"shape\": [1], \"datatype\": \"FP16\", \"parameters\": {\"binary_data_size\": 2}}]}"
        .getBytes(StandardCharsets.UTF_8);
    byte[] body = java.util.Arrays.copyOf(header, header.length + 2);
    body[header.length + 1] = 0x3c; // 1.0 in FP16, little-endian
    assertEquals(200, http.send("POST", "/v2/models/identity/infer", body, header.length).statusCode());
  }

  @Test
  void binaryAnswersAreLabelledJsonAndCarryTheHeaderLength() throws Exception {
    HttpResponse<byte[]> r = http.post("/v2/models/add_one/infer", "{\"parameters\": {\"binary_data_output\": true},"
        + " \"inputs\": [{\"name\": \"x\", \"shape\": [1, 1], \"datatype\": \"FP32\", \"data\": [1.0]}]}");
    assertEquals(200, r.statusCode());
    assertEquals("application/json", r.headers().firstValue("content-type").orElse(""));
    int length = Integer.parseInt(r.headers().firstValue("inference-header-content-length").orElseThrow());
    assertEquals(length + 4, r.body().length, "a JSON header and one FP32 value");
  }

  @Test
  void serverAndModelMetadataSpeakAsOvms() throws Exception {
    JsonNode server = json(http.get("/v2"));
    assertEquals("OpenVINO Model Server", server.path("name").asText());
    assertEquals("2026.2.0", server.path("version").asText());
    assertFalse(server.has("extensions"), "empty extensions are left out: " + server);
    JsonNode model = json(http.get("/v2/models/add_one"));
    assertEquals("OpenVINO", model.path("platform").asText());
    assertTrue(model.has("rt_info"), model.toString());
  }

  @Test
  void picturesMustArriveAsOvmsReadsThem() throws Exception {
    HttpResponse<byte[]> text = http.post("/v1/models/pictures:predict", "{\"inputs\": {\"image\": [\"not b64\"]}}");
    assertEquals(400, text.statusCode());
    HttpResponse<byte[]> kserveJson = http.post("/v2/models/pictures/infer",
        "{\"inputs\": [{\"name\": \"image\", \"shape\": [1], \"datatype\": \"BYTES\", \"data\": [\"x\"]}]}");
    assertEquals(400, kserveJson.statusCode());
  }

  @Test
  void configStatusAndReloadAnswer200Or201() throws Exception {
    HttpResponse<byte[]> status = http.get("/v1/config");
    assertEquals(200, status.statusCode());
    assertEquals("AVAILABLE", json(status).path("add_one").path("model_version_status").get(0).path("state").asText());
    assertEquals(2, json(status).path("versioned").path("model_version_status").size());
    assertEquals(200, http.post("/v1/config/reload", null).statusCode());
    ovms.markConfigChanged();
    HttpResponse<byte[]> reloaded = http.post("/v1/config/reload", null);
    assertEquals(201, reloaded.statusCode());
    assertTrue(json(reloaded).has("add_one"));
    assertEquals(200, http.post("/v1/config/reload", null).statusCode());
    ovms.failNextReload("Config file not found or cannot open.");
    HttpResponse<byte[]> failed = http.post("/v1/config/reload", null);
    assertEquals(500, failed.statusCode());
    assertEquals("Config file not found or cannot open.", error(failed));
  }

  @Test
  void metricsCountInferencesInPrometheusText() throws Exception {
    http.post("/v2/models/classifier/infer",
        "{\"inputs\": [{\"name\": \"x\", \"shape\": [1, 4], \"datatype\": \"FP32\", \"data\": [1, 2, 3, 4]}]}");
    http.post("/v1/models/classifier:predict", "{\"inputs\": {\"x\": [[1.0, 2.0, 3.0, 4.0]]}}");
    HttpResponse<byte[]> r = http.get("/metrics");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/plain"));
    String text = OvmsHttp.text(r);
    assertTrue(text.contains("# TYPE ovms_requests_success counter"), text);
    assertTrue(text.contains("ovms_requests_success{api=\"KServe\",interface=\"REST\",method=\"ModelInfer\","
        + "name=\"classifier\",version=\"1\"} 1"), text);
    assertTrue(text.contains("ovms_requests_success{api=\"TensorFlowServing\",interface=\"REST\",method=\"Predict\","
        + "name=\"classifier\",version=\"1\"} 1"), text);
    assertTrue(text.contains("name=\"classifier\",version=\"1\",le=\"+Inf\"} 1"), text);
  }

  private static HttpResponse<byte[]> fail(int code) throws Exception {
    return http.post("/v2/models/fail/infer",
        "{\"inputs\": [{\"name\": \"code\", \"shape\": [1], \"datatype\": \"INT32\", \"data\": [" + code + "]}]}");
  }
}
