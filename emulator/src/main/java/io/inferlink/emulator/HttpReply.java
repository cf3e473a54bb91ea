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
  /**
   * Validates the status and copies the header map.
   *
   * @param status the HTTP status, 100 to 599
   * @param contentType the Content-Type, or {@code null} for none
   * @param body the body, or {@code null} for none (kept as an empty array)
   * @param headers extra response headers; copied, not null
   * @throws IllegalArgumentException when the status is outside 100 to 599
   */
  public HttpReply {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("HTTP status " + status + " is outside 100..599");
    }
    body = Objects.requireNonNullElse(body, new byte[0]);
    headers = Map.copyOf(headers);
  }

  /**
   * A body of this content type.
   *
   * @param status the HTTP status, 100 to 599
   * @param contentType the Content-Type of the body
   * @param body the body, which the reply keeps without copying
   * @return a new reply without extra headers
   */
  public static HttpReply of(int status, String contentType, byte[] body) {
    return new HttpReply(status, contentType, body, Map.of());
  }

  /**
   * A UTF-8 {@code text/plain} body.
   *
   * @param status the HTTP status, 100 to 599
   * @param text the body text
   * @return a new reply without extra headers
   */
  public static HttpReply text(int status, String text) {
    return of(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A UTF-8 {@code application/json} body; the text must already be JSON.
   *
   * @param status the HTTP status, 100 to 599
   * @param json the body, already valid JSON
   * @return a new reply without extra headers
   */
  public static HttpReply json(int status, String json) {
    return of(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * No body.
   *
   * @param status the HTTP status, 100 to 599
   * @return a new reply with an empty body and no Content-Type
   */
  public static HttpReply empty(int status) {
    return of(status, null, new byte[0]);
  }

  /**
   * A copy with one more header.
   *
   * @param name the header's name
   * @param value the header's value
   * @return a new reply; this one is unchanged
   */
  public HttpReply withHeader(String name, String value) {
    java.util.Map<String, String> more = new java.util.LinkedHashMap<>(headers);
    more.put(name, value);
    return new HttpReply(status, contentType, body, more);
  }
}
