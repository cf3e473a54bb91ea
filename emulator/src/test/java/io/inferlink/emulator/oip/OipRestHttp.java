package io.inferlink.emulator.oip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inferlink.emulator.Emulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A bare java.net.http client for the V2 REST frontend's tests; no Inferlink client code. Thread-safe. */
final class OipRestHttp implements AutoCloseable {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** One answer: status, headers, raw body. */
  record Answer(HttpResponse<byte[]> response) {
    int status() {
      return response.statusCode();
    }

    byte[] body() {
      return response.body();
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    /** The JSON part: the whole body, or its first Inference-Header-Content-Length bytes. */
    JsonNode json() {
      String h = header("inference-header-content-length");
      int n = h == null ? body().length : Integer.parseInt(h);
      try {
        return MAPPER.readTree(Arrays.copyOfRange(body(), 0, n));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The binary part after the JSON header. */
    byte[] blobs() {
      int n = Integer.parseInt(header("inference-header-content-length"));
      return Arrays.copyOfRange(body(), n, body().length);
    }

    String error() {
      return json().get("error").asText();
    }
  }

  private final Emulator emulator;
  private final String base;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** Starts an emulator with the builtin models; {@link #close} stops it. */
  OipRestHttp() {
    this(Emulator.builder().frontend(new OipRestFrontend()).build().start());
  }

  /** Talks to a running emulator's plaintext V2 REST frontend. */
  OipRestHttp(Emulator emulator) {
    this.emulator = emulator;
    base = "http://127.0.0.1:" + emulator.port(OipRestFrontend.PROTOCOL);
  }

  Emulator emulator() {
    return emulator;
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  Answer post(String path, String json, String... headers) {
    return post(path, json.getBytes(StandardCharsets.UTF_8), headers);
  }

  Answer post(String path, byte[] body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b);
  }

  /** A binary-extension request: the JSON header, then the blobs, with Inference-Header-Content-Length. */
  Answer postBinary(String path, String json, byte[]... blobs) {
    byte[] header = json.getBytes(StandardCharsets.UTF_8);
    return post(path, concat(header, blobs), "Inference-Header-Content-Length", String.valueOf(header.length),
        "Content-Type", "application/octet-stream");
  }

  static byte[] concat(byte[] first, byte[]... more) {
    int size = first.length;
    for (byte[] m : more) {
      size += m.length;
    }
    byte[] all = Arrays.copyOf(first, size);
    int at = first.length;
    for (byte[] m : more) {
      System.arraycopy(m, 0, all, at, m.length);
      at += m.length;
    }
    return all;
  }

  static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      return new Answer(client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    emulator.close();
  }
}
