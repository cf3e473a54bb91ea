package io.inferlink.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A minimal blocking HTTP client for the framework tests (no background threads of its own). */
final class Http {
  /** Status, body text and one response header. */
  record Answer(int status, String body, String echoed) {}

  private Http() {}

  static Answer get(int port, String path) throws IOException {
    return send(port, "GET", path, null, Map.of());
  }

  static Answer send(int port, String method, String path, byte[] body, Map<String, String> headers) throws IOException {
    HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
    c.setConnectTimeout(2_000);
    c.setReadTimeout(10_000);
    c.setRequestMethod(method);
    headers.forEach(c::setRequestProperty);
    if (body != null) {
      c.setDoOutput(true);
      c.setFixedLengthStreamingMode(body.length);
      try (OutputStream out = c.getOutputStream()) {
        out.write(body);
      } catch (IOException e) {
        // The server may answer 413 and close before the whole body is written; read its answer below.
      }
    }
    int status = c.getResponseCode();
    InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
    String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    return new Answer(status, text, c.getHeaderField("x-echoed"));
  }
}
