package io.inferlink.emulator.tfserving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The JDK's HTTP client against a TF Serving frontend (no Inferlink client code), and JSON trees to
 * compare answers with documents written by hand. Thread-safe.
 */
final class TfsClient {
  /** Reads TF's bare NaN/Infinity, as any client of TF Serving must. */
  static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private final HttpClient http;
  private final String base;

  /** An answer: status, body text and Content-Type. */
  record Reply(int status, String body, String contentType, HttpResponse<String> raw) {
    JsonNode json() {
      return tree(body);
    }

    /** The {@code error} text of a TF error body, after checking it is JSON. */
    String error() {
      assertEquals("application/json", contentType, "error bodies are JSON: " + body);
      return json().get("error").textValue();
    }
  }

  TfsClient(String base) {
    this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build(), base);
  }

  TfsClient(HttpClient http, String base) {
    this.http = http;
    this.base = base;
  }

  Reply get(String path) {
    return send("GET", path, null, Map.of());
  }

  Reply post(String path, String body) {
    return send("POST", path, body, Map.of());
  }

  Reply send(String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body(), r.headers().firstValue("content-type").orElse(null), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Parses JSON; single quotes in {@code json} stand for double quotes, to keep expectations readable. */
  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  /** An expected document written with single quotes. */
  static JsonNode expected(String singleQuoted) {
    return tree(singleQuoted.replace('\'', '"'));
  }
}
