package io.inferlink.transport.http.internal;

import io.inferlink.spi.support.SecretScrubber;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One HTTP answer of any status: status, headers and body, and what the transport knows of the call
 * it answers (the URL, the secrets sent) so that errors can name the one and never repeat the
 * other. Immutable and thread-safe.
 */
public final class HttpResult {
  private final int status;
  private final Map<String, List<String>> headers;
  private final ByteChunks body;
  /** Made only when a message needs it: redacting a URL costs more than the rest of a small call's bookkeeping. */
  private final Supplier<String> url;
  private final SecretScrubber secrets;

  private HttpResult(int status, Map<String, List<String>> headers, ByteChunks body, Supplier<String> url,
      SecretScrubber secrets) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.url = url;
    this.secrets = secrets;
  }

  /**
   * An answer from its parts (also for tests and emulators); header names are lower-cased and values
   * of names that differ only in case are merged, in order.
   */
  public static HttpResult of(int status, Map<String, List<String>> headers, ByteChunks body) {
    Objects.requireNonNull(body, "body");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) ->
        copy.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
    copy.replaceAll((k, v) -> List.copyOf(v));
    return new HttpResult(status, Collections.unmodifiableMap(copy), body, null, SecretScrubber.NONE);
  }

  /** This answer as the answer to a call to {@code url} (for messages, made when asked) that sent these secrets. */
  HttpResult forCall(Supplier<String> url, SecretScrubber secrets) {
    return new HttpResult(status, headers, body, url, secrets);
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** The first value of a header, whatever the case of {@code name}. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** All headers, names in lower case, in the order received. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The {@code Content-Type} header, or {@code ""} when absent. */
  public String contentType() {
    return header("content-type").orElse("");
  }

  /** The body; empty when there was none. */
  public ByteChunks body() {
    return body;
  }

  /**
   * Masks the secrets the call sent (its credentials, secret-named and supplied headers) in any text
   * taken from this answer before it goes into a message: servers and proxies echo request headers.
   */
  public SecretScrubber secrets() {
    return secrets;
  }

  /** The URL asked, without credentials, or {@code null} when not known (an answer made by a test). */
  String url() {
    return url == null ? null : url.get();
  }

  /** True for a 2xx status. */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  @Override
  public String toString() {
    return "HttpResult{status=" + status + ", contentType=" + contentType() + ", body=" + body.size() + " bytes}";
  }
}
