package io.inferlink.ovms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.Tensor;
import io.inferlink.emulator.HttpCall;
import io.inferlink.emulator.HttpLoopbackServer;
import io.inferlink.emulator.HttpReply;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * §4.5 on the wire, against a server that records what arrives and answers as OVMS does: every input
 * of a KServe REST request carries {@code binary_data_size}, covering the 4-byte length prefix of each
 * BYTES element (OVMS slices the body by exactly that size); and a binary answer labelled
 * {@code application/json} is read as binary, by its {@code Inference-Header-Content-Length}.
 */
class OvmsKserveRestWireTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyInputCarriesABinaryDataSizeThatCoversTheLengthPrefixes() throws Exception {
    AtomicReference<HttpCall> seen = new AtomicReference<>();
    HttpLoopbackServer server = HttpLoopbackServer.builder("ovms-wire").route("/", call -> {
      seen.set(call);
      return answer();
    }).build().start();
    try (InferenceClient client = InferenceClient.create("ovms+http://127.0.0.1:" + server.port())) {
      Tensor words = Tensor.ofStrings("words", new String[] {"a", "Grüße", ""}, 3);
      Tensor small = Tensor.ofFloats("small", new float[] {1f}, 1);
      Tensor more = Tensor.ofStrings("more", new String[] {"xyz"}, 1);
      InferenceResponse response = client.infer(InferenceRequest.builder("m").inputs(words, small, more).build());

      HttpCall call = seen.get();
      assertEquals("/v2/models/m/infer", call.rawPath());
      int headerLength = Integer.parseInt(call.header("inference-header-content-length").orElseThrow());
      JsonNode header = JSON.readTree(Arrays.copyOf(call.body(), headerLength));
      int offset = headerLength;
      for (Tensor t : new Tensor[] {words, small, more}) {
        JsonNode input = find(header, t.name());
        assertTrue(!input.has("data"), t.name() + " went as JSON data");
        long size = input.path("parameters").path("binary_data_size").asLong(-1);
        assertEquals(t.byteSize(), size, t.name() + ": the size must cover each element's 4-byte prefix");
        byte[] blob = Arrays.copyOfRange(call.body(), offset, offset + (int) size);
        assertArrayEquals(bytes(t), blob, t.name() + " is sliced out of the body by its binary_data_size");
        offset += (int) size;
      }
      assertEquals(call.body().length, offset);
      assertEquals(3 * 4 + 8, words.byteSize(), "three 4-byte prefixes and 8 bytes of UTF-8");

      assertArrayEquals(new float[] {2.5f, -1f}, response.output("y").toFloatArray(),
          "the binary answer labelled application/json is read by its header length");
    } finally {
      server.close();
    }
  }

  /** A binary answer as OVMS's HTTP layer sends it: JSON header + raw FP32, labelled application/json. */
  private static HttpReply answer() {
    byte[] header = ("{\"model_name\":\"m\",\"model_version\":\"1\",\"outputs\":[{\"name\":\"y\",\"datatype\":\"FP32\","
        + "\"shape\":[2],\"parameters\":{\"binary_data_size\":8}}]}").getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(header);
    body.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(2.5f).putFloat(-1f).array());
    return HttpReply.of(200, "application/json", body.toByteArray())
        .withHeader("Inference-Header-Content-Length", Integer.toString(header.length));
  }

  private static JsonNode find(JsonNode header, String name) {
    for (JsonNode input : header.path("inputs")) {
      if (input.path("name").asText().equals(name)) {
        return input;
      }
    }
    throw new AssertionError("no input " + name + " in " + header);
  }

  private static byte[] bytes(Tensor t) {
    ByteBuffer data = t.data();
    byte[] out = new byte[data.remaining()];
    data.get(out);
    return out;
  }
}
