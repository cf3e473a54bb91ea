package io.inferlink.examples.torchserve.internal;

import io.inferlink.ClientOptions;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.spi.support.Errors;
import io.inferlink.spi.support.Futures;
import io.inferlink.spi.support.SecretScrubber;
import io.inferlink.spi.support.TlsSupport;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.net.ssl.SSLException;

/**
 * The template's HTTP: one JDK {@link HttpClient} per Inferlink client, HTTP/1.1, with the options'
 * connect timeout, TLS material, executor and headers, a per-call timeout, a cap on answer size,
 * and failures turned into {@link InferenceException}s. Thread-safe.
 *
 * <p>Why {@code java.net.http} and not Inferlink's own transport ({@code
 * io.inferlink.transport.http.internal.HttpTransport}, on Apache HttpClient 5): the JDK client is what a user
 * writing a backend already knows, needs no dependency, and is a public API, whereas the transport is
 * internal to Inferlink and may change in any release. What that costs, stated where it bites: the
 * JDK client refuses to send a {@code Host} other than the URL's, so {@link ClientOptions#authority()}
 * (Knative routing) is refused by the provider; and before Java 21 it cannot be closed (its daemon
 * selector thread ends when the client is garbage-collected), so {@link #close()} cancels the calls in
 * flight and, from Java 21 on, closes the JDK client too. HTTP/1.1 is pinned because TorchServe's
 * Netty frontend speaks HTTP/1.1 and the JDK would otherwise try an {@code h2c} upgrade on every new
 * connection.
 */
final class JdkHttpCalls {
  private static final String JSON = "application/json";

  /**
   * One HTTP answer, whatever its status, with the URL asked and the secrets the call sent: text
   * taken from the answer goes through {@code secrets} first, since servers echo request headers.
   */
  record Answer(int status, byte[] body, URI url, SecretScrubber secrets) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final HttpClient http;
  private final ClientOptions options;
  private final String provider;
  private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();

  JdkHttpCalls(boolean secure, ClientOptions options, String provider) {
    HttpClient.Builder b = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(options.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER);
    if (secure) {
      b.sslContext(TlsSupport.sslContext(options.tls()));
    }
    if (options.executor() != null) {
      b.executor(options.executor());
    }
    this.http = b.build();
    this.options = options;
    this.provider = provider;
  }

  /** {@code GET uri}; {@code authorization} replaces the options' credentials when not null. */
  CompletableFuture<Answer> get(URI uri, Duration timeout, String authorization) {
    return send(authorization, headers -> request(uri, timeout, headers).GET().build());
  }

  /** {@code POST uri} with a JSON body. */
  CompletableFuture<Answer> postJson(URI uri, byte[] body, Duration timeout) {
    return send(null, headers -> request(uri, timeout, headers).header("Content-Type", JSON)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  /** Cancels every call in flight (which aborts its connection) and, on Java 21+, closes the JDK client. */
  void close() {
    inFlight.forEach(f -> f.cancel(true));
    if (http instanceof AutoCloseable) {
      try {
        ((AutoCloseable) http).close();
      } catch (Exception e) {
        // Closing is best effort: every call is cancelled already and nothing else holds resources.
      }
    }
  }

  /**
   * The options' headers for one call (the supplier may rotate tokens and must be asked each time),
   * with {@code authorization} in place of their credentials when not null.
   */
  private Map<String, String> headers(String authorization) {
    Map<String, String> headers = new LinkedHashMap<>(options.requestHeaders());
    if (authorization != null) {
      headers.keySet().removeIf(name -> name.equalsIgnoreCase("Authorization"));
      headers.put("Authorization", authorization);
    }
    return headers;
  }

  private HttpRequest.Builder request(URI uri, Duration timeout, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", JSON)
        .header("User-Agent", options.userAgent());
    headers.forEach(b::header);
    return b;
  }

  private CompletableFuture<Answer> send(String authorization, Function<Map<String, String>, HttpRequest> request) {
    HttpRequest built;
    SecretScrubber secrets;
    try {
      Map<String, String> headers = headers(authorization);
      secrets = SecretScrubber.forCall(headers, options);
      built = request.apply(headers);
    } catch (IllegalArgumentException e) {
      // The JDK refuses some headers (Connection, Host, ...) that other clients send as given.
      return CompletableFuture.failedFuture(Errors.create(ErrorCode.INVALID_ARGUMENT,
          "the JDK's HTTP client refuses the request: " + e.getMessage(), provider, e));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(Errors.wrap(e, provider));
    }
    CompletableFuture<HttpResponse<byte[]>> exchange =
        http.sendAsync(built, CappedBodySubscriber.handler(options.maxMessageSize(), provider));
    inFlight.add(exchange);
    // A plain future of our own: the JDK's futures (and those derived from them) answer cancel()
    // by aborting the exchange without becoming cancelled themselves, which callers would not expect.
    CompletableFuture<Answer> answer = new CompletableFuture<>();
    exchange.whenComplete((response, error) -> {
      inFlight.remove(exchange);
      if (error != null) {
        answer.completeExceptionally(failure(error, built.uri(), secrets));
      } else {
        answer.complete(new Answer(response.statusCode(), response.body(), built.uri(), secrets));
      }
    });
    // Cancelling what the caller holds must reach the JDK's future, which aborts the exchange.
    return Futures.cancelling(answer, exchange);
  }

  /** The exception for a failed exchange; what the JDK reports may quote it, so texts and causes are scrubbed. */
  private InferenceException failure(Throwable error, URI uri, SecretScrubber secrets) {
    Throwable cause = Errors.unwrapFutureException(error);
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof InferenceException) {
        return (InferenceException) t; // the body cap's RESOURCE_EXHAUSTED
      }
    }
    if (cause instanceof CancellationException) {
      return new InferenceException(ErrorCode.CANCELLED, "the call was cancelled (or its client closed)", cause);
    }
    String where = uri.getScheme() + "://" + uri.getAuthority();
    if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
      return create(ErrorCode.UNAVAILABLE, "cannot connect to " + where + ": " + cause.getMessage(), cause, secrets);
    }
    if (cause instanceof HttpTimeoutException) {
      return create(ErrorCode.DEADLINE_EXCEEDED, "no answer from " + where + " within the call's timeout", cause, secrets);
    }
    if (cause instanceof SSLException) {
      return create(ErrorCode.UNAVAILABLE, "TLS with " + where + " failed: " + cause.getMessage(), cause, secrets);
    }
    if (cause instanceof IOException) {
      return create(ErrorCode.UNAVAILABLE, "the connection to " + where + " failed: " + cause, cause, secrets);
    }
    return create(ErrorCode.UNKNOWN, "unexpected failure: " + cause, cause, secrets);
  }

  private InferenceException create(ErrorCode code, String message, Throwable cause, SecretScrubber secrets) {
    return Errors.create(code, secrets.scrub(message), provider, secrets.scrub(cause));
  }
}
