package io.inferlink.transport.http.internal;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request to send: method, path (relative to the target's base path), body, headers and an
 * optional deadline. Immutable and thread-safe; build with {@link #get} or {@link #post}.
 */
public final class HttpRequestSpec {
  private final String method;
  private final String path;
  private final RequestBody body;
  private final String contentType;
  private final Map<String, String> headers;
  private final Map<String, String> callHeaders;
  private final Duration timeout;
  private final boolean idempotent;

  private HttpRequestSpec(Builder b) {
    this.method = b.method;
    this.path = b.path;
    this.body = b.body;
    this.contentType = b.contentType;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    this.callHeaders = Map.of();
    this.timeout = b.timeout;
    this.idempotent = b.idempotent;
  }

  private HttpRequestSpec(HttpRequestSpec r, Map<String, String> callHeaders, Duration timeout) {
    this.method = r.method;
    this.path = r.path;
    this.body = r.body;
    this.contentType = r.contentType;
    this.headers = r.headers;
    this.callHeaders = callHeaders;
    this.timeout = timeout;
    this.idempotent = r.idempotent;
  }

  /**
   * A GET.
   *
   * @param path already encoded (see {@link UrlPaths}), starting with '/', may end in {@code ?query}
   */
  public static Builder get(String path) {
    return new Builder("GET", path, null, null);
  }

  /** A POST of {@code body} with this {@code Content-Type}; {@code path} as for {@link #get}. */
  public static Builder post(String path, RequestBody body, String contentType) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(contentType, "contentType");
    HeaderRules.check("Content-Type", contentType);
    return new Builder("POST", path, body, contentType);
  }

  /** {@code GET} or {@code POST}. */
  public String method() {
    return method;
  }

  /** The path and query, relative to the target's base path. */
  public String path() {
    return path;
  }

  /** The body, or {@code null} for a request without one. */
  public RequestBody body() {
    return body;
  }

  /** The body's media type, or {@code null} without a body. */
  public String contentType() {
    return contentType;
  }

  /** Headers of this request, in order. */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * The headers of one call (the request's and its interceptors'), sent after the options' headers
   * and before the protocol's own ({@link #headers()}); empty unless set by {@link #forAttempt}.
   */
  public Map<String, String> callHeaders() {
    return callHeaders;
  }

  /**
   * This request as one attempt of a call sends it: with the call's own headers (already checked by
   * core's header rule; one the transport owns fails the call) and the time the attempt has left.
   */
  public HttpRequestSpec forAttempt(Map<String, String> callHeaders, Duration timeLeft) {
    Objects.requireNonNull(callHeaders, "callHeaders");
    Objects.requireNonNull(timeLeft, "timeLeft");
    if (timeLeft.isNegative() || timeLeft.isZero()) {
      throw new IllegalArgumentException("timeLeft must be positive, got " + timeLeft);
    }
    return new HttpRequestSpec(this, callHeaders, timeLeft);
  }

  /** This request's deadline, or {@code null} for the client's request timeout. */
  public Duration timeout() {
    return timeout;
  }

  /**
   * Whether sending this request twice is harmless: then the transport sends it once more on a fresh
   * connection when the first one broke after the whole request went out. True for GET, false for POST
   * unless {@link Builder#idempotent(boolean)} says otherwise.
   */
  public boolean idempotent() {
    return idempotent;
  }

  @Override
  public String toString() {
    return method + " " + path;
  }

  /** Collects a request; not thread-safe. */
  public static final class Builder {
    private final String method;
    private final String path;
    private final RequestBody body;
    private final String contentType;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Duration timeout;
    private boolean idempotent;

    private Builder(String method, String path, RequestBody body, String contentType) {
      this.method = method;
      this.idempotent = "GET".equals(method);
      this.path = checkPath(path);
      this.body = body;
      this.contentType = contentType;
    }

    /**
     * Adds a header, replacing one of the same name in any case.
     *
     * @throws IllegalArgumentException for a name that is not a token, a value with CR, LF, NUL or
     *     another control character, or a header the transport sets itself (Host, Content-Length...)
     */
    public Builder header(String name, String value) {
      HeaderRules.check(name, value);
      String owned = HeaderRules.ownedByTransport(name);
      if (owned != null) {
        throw new IllegalArgumentException(owned);
      }
      headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
      headers.put(name, value);
      return this;
    }

    /** The deadline of the whole exchange (connect, send, wait, read); must be positive. */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** Declares whether sending this request twice is harmless (an inference request marked idempotent). */
    public Builder idempotent(boolean idempotent) {
      this.idempotent = idempotent;
      return this;
    }

    /** Sets {@code Accept}. */
    public Builder accept(String mediaType) {
      return header("Accept", mediaType);
    }

    /** Builds the request. */
    public HttpRequestSpec build() {
      return new HttpRequestSpec(this);
    }

    /** Only characters that are legal in an encoded path and query, so nothing can break the request line. */
    private static String checkPath(String path) {
      Objects.requireNonNull(path, "path");
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("path '" + path + "' must start with '/'");
      }
      for (int i = 0; i < path.length(); i++) {
        char c = path.charAt(i);
        boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
        if (c == '%') {
          ok = i + 2 < path.length() && isHex(path.charAt(i + 1)) && isHex(path.charAt(i + 2));
        }
        if (!ok) {
          throw new IllegalArgumentException("path has a character that must be percent-encoded at index " + i
              + " (use UrlPaths.segment): " + path.replaceAll("\\p{Cntrl}", "?"));
        }
      }
      return path;
    }

    private static boolean isHex(char c) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
  }
}
