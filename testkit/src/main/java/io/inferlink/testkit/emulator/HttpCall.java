package io.inferlink.testkit.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as an {@link HttpRoute} sees it: method, raw (still percent-encoded) path and
 * query, headers with lower-cased names (repeated headers joined with ", "), and the whole body.
 * Immutable as long as nobody writes into {@link #body()}; safe to read from any thread.
 */
public final class HttpCall {
  private final String method;
  private final String rawPath;
  private final String rawQuery;
  private final Map<String, String> headers;
  private final byte[] body;

  /** A request; the header map is copied, the body is kept as given. */
  public HttpCall(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {
    this.method = method;
    this.rawPath = rawPath;
    this.rawQuery = rawQuery;
    this.headers = Map.copyOf(headers);
    this.body = body;
  }

  /** The method, upper-case as sent ({@code GET}, {@code POST}). */
  public String method() {
    return method;
  }

  /** The path as sent, still percent-encoded, so a route can split segments before decoding them. */
  public String rawPath() {
    return rawPath;
  }

  /** The query as sent, or {@code null}. */
  public String rawQuery() {
    return rawQuery;
  }

  /** The headers, names lower-cased. */
  public Map<String, String> headers() {
    return headers;
  }

  /** One header by (any-case) name. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
  }

  /** The body; not copied, so do not write into it. Empty when there was none. */
  public byte[] body() {
    return body;
  }

  /** The body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
