package io.inferlink.kserve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.AuthenticationException;
import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceException;
import io.inferlink.InferenceRequest;
import io.inferlink.ModelRef;
import io.inferlink.ResourceExhaustedException;
import io.inferlink.ServerException;
import io.inferlink.Tensor;
import io.inferlink.emulator.HttpLoopbackServer;
import io.inferlink.emulator.HttpReply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code kserve-v1+http} against a server that answers badly or fails: every such answer becomes a
 * typed exception carrying what the server said (KServe's {@code {"error": ...}}, FastAPI's
 * {@code {"detail": ...}}, or text), never a parser exception or a wrong tensor; and a model name
 * can never change the path it lands in. The model name picks the answer.
 */
class V1RestMisbehavingServerTest {
  private static final Queue<String> PATHS = new ConcurrentLinkedQueue<>();
  private static HttpLoopbackServer server;

  @BeforeAll
  static void start() {
    server = HttpLoopbackServer.builder("misbehaving-kserve-v1").maxLifetime(Duration.ofMinutes(5)).route("/", call -> {
      PATHS.add(call.rawPath());
      String model = call.rawPath().replaceFirst("^/v1/models/", "").replaceFirst(":[a-z]+$", "");
      switch (model) {
        case "fine": return HttpReply.json(200, "{\"predictions\": [[1.5, 2.5]]}");
        case "detail404": return HttpReply.json(404, "{\"detail\": \"Not Found\"}");
        case "detail422": return HttpReply.json(422, "{\"detail\": [{\"loc\": [\"body\"], \"msg\": \"field required\"}]}");
        case "unimplemented": return HttpReply.json(501, "{\"error\": \"Could not find explainer_host.\"}");
        case "busy": return HttpReply.json(503, "{\"error\": \"Model with name busy is not ready.\"}");
        case "secret": return HttpReply.json(401, "{\"error\": \"missing token\"}");
        case "gateway": return HttpReply.of(502, "text/html", "<html>Bad Gateway</html>".getBytes(StandardCharsets.UTF_8));
        case "empty500": return HttpReply.of(500, "application/json", new byte[0]);
        case "ragged": return HttpReply.json(200, "{\"predictions\": [[1, 2], [3]]}");
        case "mixed": return HttpReply.json(200, "{\"predictions\": [1, \"two\"]}");
        case "truncated": return HttpReply.json(200, "{\"predictions\": [1, 2");
        case "notjson": return HttpReply.of(200, "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        case "nopredictions": return HttpReply.json(200, "{\"outputs\": [1]}");
        case "huge": return HttpReply.json(200, "{\"predictions\": [" + "1.0,".repeat(400_000) + "1.0]}");
        default: return HttpReply.json(404, "{\"error\": \"Model with name " + model + " does not exist.\"}");
      }
    }).build().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static InferenceClient client(ClientOptions.Builder options) {
    return InferenceClient.create("kserve-v1+http://127.0.0.1:" + server.port(), options.build());
  }

  private static InferenceRequest request(String model) {
    return InferenceRequest.builder(model).input(Tensor.ofFloats("x", new float[] {1f, 2f}, 1, 2)).build();
  }

  private static InferenceException predictFails(String model, ClientOptions.Builder options) {
    try (InferenceClient client = client(options)) {
      InferenceException sync = assertThrows(InferenceException.class, () -> client.infer(request(model)));
      Throwable async = assertThrows(ExecutionException.class, () -> client.inferAsync(request(model)).get()).getCause();
      assertEquals(sync.getClass(), async.getClass(), "sync and async differ");
      assertEquals("kserve-v1-rest", sync.provider());
      return sync;
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "detail404, io.inferlink.ProviderConfigurationException, Not Found",
      "detail422, io.inferlink.InvalidRequestException, field required",
      "unimplemented, io.inferlink.UnsupportedFeatureException, Could not find explainer_host.",
      "busy, io.inferlink.UnavailableException, Model with name busy is not ready.",
      "secret, io.inferlink.AuthenticationException, missing token",
      "gateway, io.inferlink.UnavailableException, Bad Gateway",
      "nosuchmodel, io.inferlink.ModelNotFoundException, Model with name nosuchmodel does not exist."})
  void errorAnswersBecomeTheTablesExceptionsWithTheServersWords(String model, Class<? extends InferenceException> expected,
      String said) {
    InferenceException e = predictFails(model, ClientOptions.builder());
    assertInstanceOf(expected, e, e.toString());
    assertTrue(e.serverMessage().contains(said), e.serverMessage());
    assertTrue(e.getMessage().contains(said), "the message shows the server's words: " + e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"ragged, ragged", "mixed, mixes strings and numbers", "truncated, not valid JSON",
      "notjson, not valid JSON", "nopredictions, no 'predictions'", "empty500, HTTP 500"})
  void answersWithoutATensorFormAreServerExceptions(String model, String why) {
    InferenceException e = predictFails(model, ClientOptions.builder());
    assertInstanceOf(ServerException.class, e, e.toString());
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }

  @Test
  void anAnswerLargerThanTheMessageLimitIsRefused() {
    InferenceException e = predictFails("huge", ClientOptions.builder().maxMessageSize(1024 * 1024));
    assertInstanceOf(ResourceExhaustedException.class, e, e.toString());
  }

  @Test
  void modelReadinessIsFalseFor404And503AndAnErrorOtherwise() {
    try (InferenceClient client = client(ClientOptions.builder())) {
      assertFalse(client.modelReady(ModelRef.of("nosuchmodel")));
      assertFalse(client.modelReady(ModelRef.of("detail404")));
      assertFalse(client.modelReady(ModelRef.of("busy")));
      assertThrows(AuthenticationException.class, () -> client.modelReady(ModelRef.of("secret")));
      assertThrows(ServerException.class, () -> client.modelReady(ModelRef.of("empty500")));
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "a/b                | /v1/models/a%2Fb:predict",
      "a:explain          | /v1/models/a%3Aexplain:predict",
      "q?x=1#f            | /v1/models/q%3Fx%3D1%23f:predict",
      "p%41               | /v1/models/p%2541:predict",
      "../admin           | /v1/models/..%2Fadmin:predict",
      "café               | /v1/models/caf%C3%A9:predict"})
  void aModelNameCannotChangeThePath(String model, String path) {
    PATHS.clear();
    predictFails(model, ClientOptions.builder());
    assertEquals(2, PATHS.size(), "paths sent: " + PATHS);
    assertTrue(PATHS.stream().allMatch(path::equals), "paths sent: " + PATHS);
  }

  @Test
  void explainAndReadinessPathsAreEncodedToo() {
    try (InferenceClient client = client(ClientOptions.builder())) {
      PATHS.clear();
      assertFalse(client.modelReady(ModelRef.of("a/b:predict")));
      assertThrows(InferenceException.class, () -> client.unwrap(KServeV1.class).explain(request("a?b")));
      assertEquals("[/v1/models/a%2Fb%3Apredict, /v1/models/a%3Fb:explain]", PATHS.toString());
    }
  }
}
