package io.inferlink.emulator;

import java.util.Locale;
import java.util.Map;

/**
 * The request line and headers of one HTTP/1.x request, headers with lower-cased names (repeated
 * ones joined with ", "). Immutable and thread-safe.
 *
 * @param method the method as sent
 * @param rawPath the path, still percent-encoded
 * @param rawQuery the query, or {@code null}
 * @param version {@code HTTP/1.1} or {@code HTTP/1.0}
 * @param headers the headers
 */
record HttpRequestHead(String method, String rawPath, String rawQuery, String version, Map<String, String> headers) {

  /** A header value by lower-case name, or {@code null}. */
  String header(String lowerName) {
    return headers.get(lowerName);
  }

  /** HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 closes unless told to keep it. */
  boolean keepAlive() {
    String connection = header("connection");
    String tokens = connection == null ? "" : connection.toLowerCase(Locale.ROOT);
    if (version.equals("HTTP/1.0")) {
      return tokens.contains("keep-alive");
    }
    return !tokens.contains("close");
  }

  /** True when the client waits for "100 Continue" before it sends the body. */
  boolean expectsContinue() {
    String expect = header("expect");
    return expect != null && expect.trim().equalsIgnoreCase("100-continue") && version.equals("HTTP/1.1");
  }
}
