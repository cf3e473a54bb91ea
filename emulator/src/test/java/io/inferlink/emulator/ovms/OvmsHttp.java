package io.inferlink.emulator.ovms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Plain HTTP calls to an emulated OVMS REST port, with the JDK's client: no Inferlink code involved. */
final class OvmsHttp {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final int port;

  OvmsHttp(int port) {
    this.port = port;
  }

  HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    return send("GET", path, null, null);
  }

  HttpResponse<byte[]> post(String path, String json) throws IOException, InterruptedException {
    return send("POST", path, json == null ? null : json.getBytes(StandardCharsets.UTF_8), null);
  }

  HttpResponse<byte[]> send(String method, String path, byte[] body, Integer headerLength)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (headerLength != null) {
      b.header("Inference-Header-Content-Length", headerLength.toString());
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static JsonNode json(HttpResponse<byte[]> r) throws IOException {
    return JSON.readTree(r.body());
  }

  static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  /** The {@code error} text of an OVMS error answer. */
  static String error(HttpResponse<byte[]> r) throws IOException {
    return json(r).path("error").asText();
  }
}
