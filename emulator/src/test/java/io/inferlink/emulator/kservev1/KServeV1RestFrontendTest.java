package io.inferlink.emulator.kservev1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DataType;
import io.inferlink.ModelMetadata;
import io.inferlink.Tensor;
import io.inferlink.TensorSpec;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.ModelCall;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ScriptedModel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The V1 frontend as KServe's Python server answers: documents, rows both ways, typing, errors. */
class KServeV1RestFrontendTest {
  private static V1Http http;

  @BeforeAll
  static void start() {
    ScriptedModel loading = new ScriptedModel() {
      @Override
      public String name() {
        return "loading";
      }

      @Override
      public ModelMetadata metadata(String version) {
        return new ModelMetadata("loading", List.of("1"), "test", List.of(), List.of());
      }

      @Override
      public boolean isReady(String version) {
        return false;
      }

      @Override
      public List<Tensor> infer(ModelCall call) {
        throw new AssertionError("never ready");
      }
    };
    ScriptedModel twoOutputs = ScriptedModel.of("ragged_outputs", List.of(new TensorSpec("x", DataType.FP32, new long[] {-1})),
        List.of(), call -> List.of(Tensor.ofFloats("a", new float[] {1f, 2f}, 2), Tensor.ofFloats("b", new float[] {1f}, 1)));
    Emulator emulator = Emulator.builder().script(ModelScript.builder().addBuiltins().add(loading).add(twoOutputs).build())
        .frontend(new KServeV1RestFrontend()).maxLifetime(Duration.ofMinutes(5)).build().start();
    http = new V1Http(emulator);
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  private static void assertAnswer(int status, String json, V1Http.Answer a) {
    assertEquals(status, a.status(), a.body());
    assertEquals(V1Http.MAPPER.valueToTree(parse(json)), a.json(), a.body());
  }

  private static Object parse(String json) {
    try {
      return V1Http.MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void documents() {
    assertAnswer(200, "{\"status\": \"alive\"}", http.get("/"));
    assertAnswer(200, "{\"models\": [\"identity\", \"add_one\", \"classifier\", \"fail\", \"sleep\", \"versioned\","
        + " \"loading\", \"ragged_outputs\"]}", http.get("/v1/models"));
    assertAnswer(200, "{\"name\": \"add_one\", \"ready\": true}", http.get("/v1/models/add_one"));
    assertAnswer(404, "{\"error\": \"Model with name nope does not exist.\"}", http.get("/v1/models/nope"));
    assertAnswer(503, "{\"error\": \"Model with name loading is not ready.\"}", http.get("/v1/models/loading"));
  }

  @Test
  void oneOutputAnswersBareRows() {
    assertAnswer(200, "{\"predictions\": [[2.0, 3.5], [0.0, -1.0]]}",
        http.post("/v1/models/add_one:predict", "{\"instances\": [[1.0, 2.5], [-1.0, -2.0]]}"));
    assertAnswer(200, "{\"predictions\": [2]}", http.post("/v1/models/versioned:predict", "{\"instances\": [1.0]}"));
    // KServe's helper also takes "inputs".
    assertAnswer(200, "{\"predictions\": [[2.0]]}", http.post("/v1/models/add_one:predict", "{\"inputs\": [[1.0]]}"));
  }

  @Test
  void anEmptyListIsTheFirstDeclaredInputWithNoRows() {
    assertAnswer(200, "{\"predictions\": []}", http.post("/v1/models/identity:predict", "{\"instances\": []}"));
    assertAnswer(200, "{\"predictions\": []}", http.post("/v1/models/add_one:predict", "{\"instances\": []}"));
  }

  @Test
  void severalOutputsAnswerOneObjectPerRow() {
    V1Http.Answer a = http.post("/v1/models/classifier:predict", "{\"instances\": [[5.0, 1.0, 0.0, 0.0], [0.0, 3.0, 1.0, 0.0]]}");
    assertEquals(200, a.status(), a.body());
    assertEquals("setosa", a.json().at("/predictions/0/label").asText());
    assertEquals("versicolor", a.json().at("/predictions/1/label").asText());
    assertEquals(3, a.json().at("/predictions/1/scores").size());
    assertAnswer(200, "{\"predictions\": [{\"a\": [1.0, 2.0], \"b\": 7, \"c\": \"x\"}, {\"a\": [3.0, 4.0], \"b\": 8, \"c\": \"y\"}]}",
        http.post("/v1/models/identity:predict",
            "{\"instances\": [{\"a\": [1.0, 2.0], \"b\": 7, \"c\": \"x\"}, {\"a\": [3.0, 4.0], \"b\": 8, \"c\": \"y\"}]}"));
  }

  @Test
  void identityEchoesEachKindOfValueAsItCame() {
    assertAnswer(200, "{\"predictions\": [-9223372036854775808, 9223372036854775807]}",
        http.post("/v1/models/identity:predict", "{\"instances\": [-9223372036854775808, 9223372036854775807]}"));
    assertAnswer(200, "{\"predictions\": [[true], [false]]}",
        http.post("/v1/models/identity:predict", "{\"instances\": [[true], [false]]}"));
    assertAnswer(200, "{\"predictions\": [\"Grüße ✓\", \"\"]}",
        http.post("/v1/models/identity:predict", "{\"instances\": [\"Grüße ✓\", \"\"]}"));
    V1Http.Answer nonFinite = http.post("/v1/models/identity:predict", "{\"instances\": [NaN, Infinity, -Infinity, -0.0]}");
    assertEquals(200, nonFinite.status(), nonFinite.body());
    assertEquals("{\"predictions\":[NaN,Infinity,-Infinity,-0.0]}", nonFinite.body());
  }

  @Test
  void integersAreTypedByTheDeclaredInput() {
    // fail declares an INT32 'code': the JSON integer reaches the model as INT32, so the scripted failure runs.
    assertAnswer(404, "{\"error\": \"scripted failure: NOT_FOUND\"}", http.post("/v1/models/fail:predict", "{\"instances\": [5]}"));
    assertAnswer(200, "{\"predictions\": [0]}", http.post("/v1/models/fail:predict", "{\"instances\": [0]}"));
    assertAnswer(400, "{\"error\": \"input 'code': 3000000000 is out of range for INT32\"}",
        http.post("/v1/models/fail:predict", "{\"instances\": [3000000000]}"));
    // Text where add_one declares FP32 stays text, and the model refuses it in its own words.
    assertAnswer(400, "{\"error\": \"add_one: input 'x' must be FP32, got BYTES\"}",
        http.post("/v1/models/add_one:predict", "{\"instances\": [[\"1\", \"two\"]]}"));
  }

  @Test
  void explainAddsTheEmulatorsExplanations() {
    assertAnswer(200, "{\"predictions\": [[2.0], [3.0]], \"explanations\": ["
        + "{\"instance\": 0, \"explainer\": \"inferlink-emulator\", \"inputs\": [\"x\"], \"outputs\": [\"y\"]},"
        + "{\"instance\": 1, \"explainer\": \"inferlink-emulator\", \"inputs\": [\"x\"], \"outputs\": [\"y\"]}]}",
        http.post("/v1/models/add_one:explain", "{\"instances\": [[1.0], [2.0]]}"));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "400 | {\"instances\": [1.0, | Unrecognized request format",
      "400 | [1, 2] | Unrecognized request format: the body must be a JSON object",
      "400 | {\"rows\": [1]} | Unrecognized request format: expected \"instances\"",
      "400 | {\"instances\": {\"x\": 1}} | Expected \"instances\" to be a list",
      "400 | {\"instances\": [[1.0, 2.0], [3.0]]} | inhomogeneous shape",
      "400 | {\"instances\": [1.0, \"a\"]} | mixes strings, booleans and numbers",
      "400 | {\"instances\": [{\"a\": 1}, {\"b\": 1}]} | but row 0 has [a]",
      "400 | {\"instances\": [{\"a\": 1}, 2]} | is not an object but row 0 is one"})
  void badBodiesAreInvalidInput(int status, String body, String message) {
    V1Http.Answer a = http.post("/v1/models/identity:predict", body);
    assertEquals(status, a.status(), a.body());
    assertTrue(a.json().get("error").asText().contains(message), a.body());
  }

  @Test
  void modelsAreCheckedBeforeTheBody() {
    assertAnswer(404, "{\"error\": \"Model with name nope does not exist.\"}", http.post("/v1/models/nope:predict", "not json"));
    assertAnswer(503, "{\"error\": \"Model with name loading is not ready.\"}",
        http.post("/v1/models/loading:predict", "{\"instances\": [1]}"));
  }

  @Test
  void outputsWithoutACommonFirstDimensionAreAServerError() {
    V1Http.Answer a = http.post("/v1/models/ragged_outputs:predict", "{\"instances\": [1.0]}");
    assertEquals(500, a.status(), a.body());
    assertTrue(a.json().get("error").asText().startsWith("ValueError : outputs [a, b]"), a.body());
  }

  @Test
  void otherPathsAndVerbsGetFastApisDetail() {
    assertAnswer(404, "{\"detail\": \"Not Found\"}", http.get("/v2/models/add_one"));
    assertAnswer(404, "{\"detail\": \"Not Found\"}", http.post("/v1/models/add_one/versions/1:predict", "{}"));
    assertAnswer(405, "{\"detail\": \"Method Not Allowed\"}", http.post("/v1/models/add_one", "{}"));
    assertAnswer(405, "{\"detail\": \"Method Not Allowed\"}", http.post("/v1/models/add_one:foo", "{}"));
    assertAnswer(405, "{\"detail\": \"Method Not Allowed\"}", http.post("/", "{}"));
    // GET matches the readiness route whatever the segment holds, as in KServe.
    assertAnswer(404, "{\"error\": \"Model with name add_one:predict does not exist.\"}", http.get("/v1/models/add_one:predict"));
  }

  @Test
  void anEncodedColonStaysInTheName() {
    assertAnswer(404, "{\"error\": \"Model with name add_one:predict does not exist.\"}",
        http.post("/v1/models/add_one%3Apredict:predict", "{\"instances\": [1.0]}"));
    // Starlette decodes before routing, so an encoded '/' matches no route.
    assertAnswer(404, "{\"detail\": \"Not Found\"}", http.get("/v1/models/a%2Fb"));
    assertAnswer(404, "{\"detail\": \"Not Found\"}", http.post("/v1/models/a%2Fb:predict", "{}"));
  }
}
