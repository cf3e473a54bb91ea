package io.inferlink.emulator.tfserving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferlink.emulator.Emulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Predict in both formats (PROTOCOLS.md §1.3, §1.4), with one or several inputs and outputs. */
class TfsPredictTest {
  private static Emulator emulator;
  private static TfsClient tfs;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().frontend(new TfServingRestFrontend()).build().start();
    tfs = new TfsClient("http://127.0.0.1:" + emulator.port(TfServingRestFrontend.PROTOCOL));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void columnarSingleInputAsBareListOrNamedObject() {
    assertEquals(TfsClient.expected("{'outputs': [[2.0, 3.0], [4.0, 5.5]]}"), predict("add_one", "{'inputs': [[1, 2.0], [3, 4.5]]}"));
    assertEquals(TfsClient.expected("{'outputs': [[2.5]]}"), predict("add_one", "{'inputs': {'x': [[1.5]]}}"));
  }

  @Test
  void columnarScalarIsARankZeroTensorWrittenBare() {
    assertEquals(TfsClient.expected("{'outputs': 0}"), predict("sleep", "{'inputs': 0}"));
  }

  @Test
  void columnarSeveralInputsAndOutputsAreObjects() {
    JsonNode answer = predict("identity", "{'inputs': {'a': [1.5, 2], 'b': [[1, 2]], 'c': 'text'}}");
    assertEquals(TfsClient.expected("{'outputs': {'a': [1.5, 2.0], 'b': [[1, 2]], 'c': 'text'}}"), answer);
  }

  @Test
  void columnarSeveralOutputsOfTheClassifier() {
    JsonNode outputs = predict("classifier", "{'inputs': [[0, 0, 0, 0], [1, 0, 0, 0]]}").get("outputs");
    assertEquals(TfsClient.expected("['setosa', 'setosa']"), outputs.get("label"));
    assertEquals(2, outputs.get("scores").size());
    assertEquals(1.0 / 3, outputs.at("/scores/0/1").doubleValue(), 1e-6);
  }

  @Test
  void rowFormatStacksInstancesAlongANewFirstDimension() {
    assertEquals(TfsClient.expected("{'predictions': [[2.0, 3.0], [4.0, 5.0]]}"), predict("add_one", "{'instances': [[1, 2], [3, 4]]}"));
    assertEquals(TfsClient.expected("{'predictions': [[2.0], [3.0]]}"), predict("add_one", "{'instances': [{'x': [1]}, {'x': [2]}]}"));
  }

  @Test
  void rowFormatWithSeveralInputsAndOutputsUsesObjects() {
    JsonNode answer = predict("identity", "{'instances': [{'a': 1.0, 'b': [1, 2]}, {'a': 2.5, 'b': [3, 4]}]}");
    assertEquals(TfsClient.expected("{'predictions': [{'a': 1.0, 'b': [1, 2]}, {'a': 2.5, 'b': [3, 4]}]}"), answer);
    JsonNode rows = predict("classifier", "{'instances': [[0, 0, 0, 0], [0, 0, 5, 5]]}").get("predictions");
    assertEquals("setosa", rows.at("/0/label").textValue());
    assertEquals("virginica", rows.at("/1/label").textValue());
    assertEquals(3, rows.at("/1/scores").size());
  }

  @Test
  void signatureNameMayBeDefaultOrEmpty() {
    assertEquals(TfsClient.expected("{'outputs': [2.0]}"), predict("add_one", "{'signature_name': 'serving_default', 'inputs': [1]}"));
    assertEquals(TfsClient.expected("{'outputs': [2.0]}"), predict("add_one", "{'signature_name': '', 'inputs': [1]}"));
  }

  @Test
  void extraInputKeysAreIgnored() {
    assertEquals(TfsClient.expected("{'outputs': [[2.0]]}"), predict("add_one", "{'inputs': {'x': [[1]], 'extra': 'x'}, 'other': 1}"));
  }

  @Test
  void identityAcceptsAnySubsetOfItsDeclaredInputs() {
    // identity's signature has many outputs, so even one output comes back named, as TF does for such a model.
    assertEquals(TfsClient.expected("{'outputs': {'x': [1.5]}}"), predict("identity", "{'inputs': {'x': [1.5], 'undeclared': true}}"));
  }

  @Test
  void shapesAreInferredFromNesting() {
    assertEquals(TfsClient.expected("{'outputs': {'r5': [[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]]}}"),
        predict("identity", "{'inputs': {'r5': [[[1, 2, 3], [4, 5, 6]]]}}"));
    assertEquals(TfsClient.expected("{'outputs': {'z': [[], []], 'e': []}}"), predict("identity", "{'inputs': {'z': [[], []], 'e': []}}"));
  }

  @Test
  void versionLabelsReachTheirVersionInRowFormat() {
    assertEquals(TfsClient.expected("{'predictions': [1]}"),
        tfs.post("/v1/models/versioned/labels/stable:predict", "{\"instances\": [1.0]}").json());
  }

  @Test
  void concurrentCallsEachGetTheirOwnAnswer() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String url = "http://127.0.0.1:" + emulator.port(TfServingRestFrontend.PROTOCOL) + "/v1/models/add_one:predict";
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      calls.add(client.sendAsync(HttpRequest.newBuilder(URI.create(url))
          .POST(HttpRequest.BodyPublishers.ofString("{\"inputs\": [" + i + "]}")).build(), HttpResponse.BodyHandlers.ofString()));
    }
    for (int i = 0; i < calls.size(); i++) {
      HttpResponse<String> r = calls.get(i).get(30, TimeUnit.SECONDS);
      assertEquals(200, r.statusCode(), r.body());
      assertEquals(TfsClient.expected("{'outputs': [" + (i + 1) + ".0]}"), TfsClient.tree(r.body()), "call " + i);
    }
  }

  private static JsonNode predict(String model, String singleQuotedBody) {
    TfsClient.Reply reply = tfs.post("/v1/models/" + model + ":predict", singleQuotedBody.replace('\'', '"'));
    assertEquals(200, reply.status(), reply.body());
    assertEquals("application/json", reply.contentType());
    return reply.json();
  }
}
