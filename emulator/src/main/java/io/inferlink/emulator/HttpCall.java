package io.inferlink.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request as an {@link HttpRoute} sees it: method, raw (still percent-encoded) path and
 * query, headers with lower-cased names (repeated headers joined with ", "), and the whole body.
 * The request values are immutable as long as nobody writes into {@link #body()}; the
 * client-gone signal is thread-safe: the server raises it from its connection thread while a route
 * runs on another, so that a frontend can cancel the {@link ModelCall} it started.
 */
public final class HttpCall {
  private final String method;
  private final String rawPath;
  private final String rawQuery;
  private final Map<String, String> headers;
  private final byte[] body;
  private final List<Runnable> goneListeners = new ArrayList<>();
  private boolean gone;

  /**
   * A request; the header map is copied, the body is kept as given.
   *
   * @param method the request method, upper-case
   * @param rawPath the path as sent, still percent-encoded
   * @param rawQuery the query as sent, or {@code null} for none
   * @param headers the headers, names lower-cased; copied
   * @param body the body, empty for none; kept without copying
   */
  public HttpCall(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {
    this.method = method;
    this.rawPath = rawPath;
    this.rawQuery = rawQuery;
    this.headers = Map.copyOf(headers);
    this.body = body;
  }

  /**
   * The method, upper-case as sent ({@code GET}, {@code POST}).
   *
   * @return the request method
   */
  public String method() {
    return method;
  }

  /**
   * The path as sent, still percent-encoded, so a route can split segments before decoding them.
   *
   * @return the path, not decoded
   */
  public String rawPath() {
    return rawPath;
  }

  /**
   * The query as sent, or {@code null}.
   *
   * @return the raw query without the {@code ?}, or {@code null} when there is none
   */
  public String rawQuery() {
    return rawQuery;
  }

  /**
   * The headers, names lower-cased.
   *
   * @return an unmodifiable map of lower-case name to value
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * One header by (any-case) name.
   *
   * @param name the header's name, in any case
   * @return the header's value, or empty when the request has no such header
   */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
  }

  /**
   * The body; not copied, so do not write into it. Empty when there was none.
   *
   * @return the body bytes, shared with this call
   */
  public byte[] body() {
    return body;
  }

  /**
   * The body decoded as UTF-8.
   *
   * @return the body as text; empty when there is no body
   */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * True once the client closed its connection before the answer was written: nobody will read
   * the answer, so a frontend should stop the work (see {@link #onClientGone}).
   *
   * @return true when the client has gone away
   */
  public boolean clientGone() {
    synchronized (goneListeners) {
      return gone;
    }
  }

  /**
   * Runs {@code listener} when the client goes away while the request is handled, or at once if it
   * already has. Listeners run on the server's connection thread, so they must be quick (cancelling
   * a {@link ModelCall} is).
   *
   * @param listener what to run once the client is gone; quick, not null
   */
  public void onClientGone(Runnable listener) {
    Objects.requireNonNull(listener, "listener");
    synchronized (goneListeners) {
      if (!gone) {
        goneListeners.add(listener);
        return;
      }
    }
    listener.run();
  }

  /**
   * The same request under another path, for a frontend that rewrites paths before handing a call
   * on (an emulated server's own URL rules, say). The copy shares the headers and body, and hears
   * the client going away when this call does.
   *
   * @param newRawPath the path the copy carries, still percent-encoded
   * @return a new call with that path and everything else of this one
   */
  public HttpCall withPath(String newRawPath) {
    HttpCall copy = new HttpCall(method, Objects.requireNonNull(newRawPath, "newRawPath"), rawQuery, headers, body);
    onClientGone(copy::markClientGone);
    return copy;
  }

  /** Raised by the server when the connection closed under a running request; idempotent. */
  void markClientGone() {
    List<Runnable> toRun;
    synchronized (goneListeners) {
      if (gone) {
        return;
      }
      gone = true;
      toRun = List.copyOf(goneListeners);
      goneListeners.clear();
    }
    toRun.forEach(Runnable::run);
  }
}
