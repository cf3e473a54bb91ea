package io.inferlink.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP answer from an {@link HttpRoute}: status, content type, body and extra headers. Immutable
 * as long as nobody writes into the body array; thread-safe.
 *
 * @param status the HTTP status
 * @param contentType the Content-Type, or {@code null} for none
 * @param body the body, empty for none
 * @param headers extra response headers
 */
public record HttpReply(int status, String contentType, byte[] body, Map<String, String> headers) {
  /** Validates the status and copies the header map. */
  public HttpReply {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("HTTP status " + status + " is outside 100..599");
    }
    body = Objects.requireNonNullElse(body, new byte[0]);
    headers = Map.copyOf(headers);
  }

  /** A body of this content type. */
  public static HttpReply of(int status, String contentType, byte[] body) {
    return new HttpReply(status, contentType, body, Map.of());
  }

  /** A UTF-8 {@code text/plain} body. */
  public static HttpReply text(int status, String text) {
    return of(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  /** A UTF-8 {@code application/json} body; the text must already be JSON. */
  public static HttpReply json(int status, String json) {
    return of(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  /** No body. */
  public static HttpReply empty(int status) {
    return of(status, null, new byte[0]);
  }

  /** A copy with one more header. */
  public HttpReply withHeader(String name, String value) {
    java.util.Map<String, String> more = new java.util.LinkedHashMap<>(headers);
    more.put(name, value);
    return new HttpReply(status, contentType, body, more);
  }
}
