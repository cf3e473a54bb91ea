package io.inferlink.kserve.golden;

import static io.inferlink.kserve.golden.GoldenJson.assertSameJson;
import static io.inferlink.kserve.golden.GoldenJson.cat;
import static io.inferlink.kserve.golden.GoldenJson.fp32;
import static io.inferlink.kserve.golden.GoldenJson.le32;
import static io.inferlink.kserve.golden.GoldenJson.tree;
import static io.inferlink.kserve.golden.GoldenJson.utf8;
import static io.inferlink.kserve.golden.GoldenJson.without;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceException;
import io.inferlink.InferenceResponse;
import io.inferlink.InvalidRequestException;
import io.inferlink.ModelNotFoundException;
import io.inferlink.UnavailableException;
import io.inferlink.emulator.HttpCall;
import io.inferlink.emulator.HttpLoopbackServer;
import io.inferlink.emulator.HttpReply;
import io.inferlink.kserve.KServeOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The same documents, now through the {@code kserve-v2+http} client and a loopback server that answers
 * with the documents' bytes: what the HTTP headers of extension_binary_data.md's "Examples" say
 * ({@code Content-Type: application/octet-stream}, {@code Inference-Header-Content-Length: <xx>},
 * {@code Content-Length: <xx+19>}, {@code POST /v2/models/mymodel/infer}), and the error object of
 * required_api.md's "Inference Response JSON Error Object" ({@code {"error": <message>}}; the messages
 * are ours) mapped through core's status table.
 */
class GoldenOverHttpTest {
  private static final String BINARY_RESPONSE_JSON = "{\"outputs\":[{\"name\":\"output0\",\"shape\":[3,2],"
      + "\"datatype\":\"FP32\",\"parameters\":{\"binary_data_size\":24}}]}";

  /** Runs {@code body} against a server answering every request with {@code reply}; returns the request it saw. */
  private static HttpCall exchange(HttpReply reply, Function<InferenceClient, ?> body) {
    AtomicReference<HttpCall> seen = new AtomicReference<>();
    HttpLoopbackServer server = HttpLoopbackServer.builder("golden").maxLifetime(Duration.ofMinutes(2))
        .route("/", call -> {
          seen.set(call);
          return reply;
        }).build().start();
    try (InferenceClient client = InferenceClient.create("kserve-v2+http://127.0.0.1:" + server.port(),
        ClientOptions.builder().option(KServeOptions.BINARY, KServeOptions.Binary.ALWAYS).build())) {
      body.apply(client);
    } finally {
      server.close();
    }
    return seen.get();
  }

  @Test
  void binaryExampleOnTheWire() {
    byte[] json = utf8(BINARY_RESPONSE_JSON);
    HttpReply reply = HttpReply.of(200, "application/octet-stream",
        cat(json, fp32(1.0f, 1.1f, 2.0f, 2.1f, 3.0f, 3.1f)))
        .withHeader("Inference-Header-Content-Length", Integer.toString(json.length));
    AtomicReference<InferenceResponse> response = new AtomicReference<>();

    HttpCall call = exchange(reply, c -> {
      response.set(c.infer(TritonBinaryDataGoldenTest.documentedRequest()));
      return null;
    });

    assertEquals("POST", call.method());
    assertEquals("/v2/models/mymodel/infer", call.rawPath());
    assertEquals("application/octet-stream", call.header("Content-Type").orElseThrow());
    int xx = Integer.parseInt(call.header("Inference-Header-Content-Length").orElseThrow());
    assertEquals(xx + 19, Integer.parseInt(call.header("Content-Length").orElseThrow()));
    assertEquals(xx + 19, call.body().length);
    assertSameJson(without(tree("""
        { "model_name" : "mymodel",
          "inputs" : [
            { "name" : "input0", "shape" : [ 2, 2 ], "datatype" : "UINT32", "parameters" : { "binary_data_size" : 16 } },
            { "name" : "input1", "shape" : [ 3 ], "datatype" : "BOOL", "parameters" : { "binary_data_size" : 3 } } ],
          "outputs" : [ { "name" : "output0", "parameters" : { "binary_data" : true } } ] }"""), "model_name"),
        tree(call.body(), xx));
    assertArrayEquals(cat(le32(1, 2, 3, 4), new byte[] {1, 0, 1}), Arrays.copyOfRange(call.body(), xx, xx + 19));

    assertArrayEquals(new float[] {1.0f, 1.1f, 2.0f, 2.1f, 3.0f, 3.1f}, response.get().output("output0").toFloatArray());
  }

  @Test
  void errorObjectsBecomeTheTablesExceptions() {
    assertError(400, "unexpected inference input 'x'", InvalidRequestException.class);
    assertError(404, "Request for unknown model: 'mymodel' is not found", ModelNotFoundException.class);
    assertError(503, "Model mymodel is not ready", UnavailableException.class);
  }

  private static void assertError(int status, String message, Class<? extends InferenceException> type) {
    HttpReply reply = HttpReply.json(status, "{\"error\": \"" + message + "\"}");
    exchange(reply, c -> {
      InferenceException e = assertThrows(InferenceException.class,
          () -> c.infer(TritonBinaryDataGoldenTest.documentedRequest()));
      assertInstanceOf(type, e);
      assertEquals(status, e.httpStatus());
      assertEquals(message, e.serverMessage());
      return null;
    });
  }
}
