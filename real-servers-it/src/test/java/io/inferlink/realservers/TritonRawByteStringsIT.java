package io.inferlink.realservers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real Triton 2.51.0 answers a BYTES output asked as JSON by copying its bytes into the JSON
 * string, so BYTES that are not UTF-8 make the answer invalid UTF-8; the client reads them back as
 * they were, as tritonclient does.
 */
class TritonRawByteStringsIT {
  /** Not UTF-8 in three ways (a bad start byte, an overlong NUL, a lone surrogate), then escapes and text. */
  private static final byte[][] VALUES = {{(byte) 0xFF, (byte) 0xFE}, {(byte) 0xC0, (byte) 0x80},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {0, 1, '"', '\\'}, "Grüße ✓".getBytes(StandardCharsets.UTF_8)};

  private static InferenceRequest identity(boolean jsonOutputs) {
    InferenceRequest.Builder b = InferenceRequest.builder("identity").input(Tensor.ofBytes("c", VALUES, VALUES.length));
    return jsonOutputs ? b.parameter("binary_data_output", false).build() : b.build();
  }

  private static void assertSameValues(Tensor c) {
    List<byte[]> got = c.toBytesList();
    assertEquals(VALUES.length, got.size());
    for (int i = 0; i < VALUES.length; i++) {
      assertArrayEquals(VALUES[i], got.get(i), "element " + i);
    }
  }

  @Test
  void tritonWritesTheRawBytesIntoItsJsonAnswer() throws Exception {
    // The premise, seen without Inferlink: the same request as below, and Triton's answer on the wire.
    String header = "{\"inputs\":[{\"name\":\"c\",\"datatype\":\"BYTES\",\"shape\":[1],\"parameters\":"
        + "{\"binary_data_size\":6}}],\"parameters\":{\"binary_data_output\":false}}";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(header.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(new byte[] {2, 0, 0, 0, (byte) 0xFF, (byte) 0xFE});
    String base = RealPeers.get().endpoint("pytriton", "http");
    HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(base + "/v2/models/identity/infer"))
        .header("Inference-Header-Content-Length", String.valueOf(header.length()))
        .header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, answer.statusCode());
    assertFalse(answer.headers().firstValue("Inference-Header-Content-Length").isPresent(), "a JSON answer");
    String latin1 = new String(answer.body(), StandardCharsets.ISO_8859_1);
    assertTrue(latin1.contains("\"data\":[\"\u00FF\u00FE\"]"), latin1);
  }

  @Test
  void bytesThatAreNotUtf8ComeBackFromAJsonOutput() {
    try (InferenceClient client = InferenceClient.create(RealPeers.get().endpoint("pytriton", "kserve-v2+http"))) {
      assertSameValues(client.infer(identity(true)).output("c"));
    }
  }

  @Test
  void bytesThatAreNotUtf8ComeBackFromABinaryOutputInTheDefaultMode() {
    try (InferenceClient client = InferenceClient.create(RealPeers.get().endpoint("pytriton", "kserve-v2+http"))) {
      assertSameValues(client.infer(identity(false)).output("c"));
    }
  }
}
