package io.inferlink.kserve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.ModelNotFoundException;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.kservev1.KServeV1RestFrontend;
import io.inferlink.emulator.oip.OipRestFrontend;
import io.inferlink.testkit.KitModels;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link KServeV1}: explain and the model list, both forms, against the emulator. */
class KServeV1ExtensionTest {
  private static Emulator emulator;
  private static InferenceClient client;
  private static KServeV1 v1;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().frontend(new KServeV1RestFrontend()).frontend(new OipRestFrontend())
        .maxLifetime(Duration.ofMinutes(5)).build().start();
    client = InferenceClient.create(emulator.endpoint("kserve-v1+http"), ClientOptions.defaults());
    v1 = client.unwrap(KServeV1.class);
  }

  @AfterAll
  static void stop() {
    client.close();
    emulator.close();
  }

  @Test
  void theExtensionBelongsToItsClientAndOnlyV1HasIt() {
    assertSame(client, v1.client());
    try (InferenceClient v2 = InferenceClient.create(emulator.endpoint("kserve-v2+http"))) {
      assertThrows(UnsupportedFeatureException.class, () -> v2.unwrap(KServeV1.class));
    }
  }

  @Test
  void listModelsGivesTheServersNamesInOrder() throws Exception {
    List<String> expected = List.of(KitModels.IDENTITY, KitModels.ADD_ONE, KitModels.CLASSIFIER, KitModels.FAIL,
        KitModels.SLEEP, KitModels.VERSIONED);
    assertEquals(expected, v1.listModels());
    assertEquals(expected, v1.listModelsAsync().get());
  }

  @Test
  void explainKeepsTheWholeAnswerAndReadsItsPredictions() throws Exception {
    InferenceRequest request = InferenceRequest.builder(KitModels.CLASSIFIER)
        .input(Tensor.ofFloats("x", new float[] {5, 1, 0, 0, 0, 3, 1, 0}, 2, 4)).build();
    KServeExplanation e = v1.explain(request);
    assertEquals(List.of("predictions", "explanations"), List.copyOf(e.fields().keySet()));
    assertEquals(List.of("setosa", "versicolor"), e.predictions().get("label").toStringList());
    assertArrayEquals(new long[] {2, 3}, e.predictions().get("scores").shape());
    String explanations = e.field("explanations").orElseThrow();
    assertTrue(explanations.startsWith("[{\"instance\":0,\"explainer\":\"inferlink-emulator\",\"inputs\":[\"x\"],"
        + "\"outputs\":[\"label\",\"scores\"]}"), explanations);
    assertTrue(e.json().contains("\"explanations\""), e.json());
    KServeExplanation async = v1.explainAsync(KitModels.ADD_ONE, Tensor.ofFloats("x", new float[] {1f}, 1, 1)).get();
    assertArrayEquals(new float[] {2f}, async.predictions().get("predictions").toFloatArray());
  }

  @Test
  void explainFailsAsPredictDoes() {
    Tensor x = Tensor.ofFloats("x", new float[] {1f}, 1);
    ModelNotFoundException missing = assertThrows(ModelNotFoundException.class, () -> v1.explain("nope", x));
    assertEquals("Model with name nope does not exist.", missing.serverMessage());
    assertThrows(UnsupportedFeatureException.class,
        () -> v1.explain(InferenceRequest.builder(ModelRef.of(KitModels.ADD_ONE, "1")).input(x).build()));
    CompletableFuture<KServeExplanation> noInputs = v1.explainAsync(KitModels.ADD_ONE);
    ExecutionException e = assertThrows(ExecutionException.class, noInputs::get);
    assertTrue(e.getCause() instanceof IllegalStateException, e.getCause().toString());
  }
}
