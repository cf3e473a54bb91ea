package io.inferlink.examples.torchserve.internal;

import io.inferlink.ClientOptions;
import io.inferlink.ErrorCode;
import io.inferlink.spi.support.Attempt;
import io.inferlink.spi.support.Errors;
import io.inferlink.spi.support.Futures;
import io.inferlink.spi.support.PreparedCall;
import io.inferlink.spi.support.SecretScrubber;
import io.inferlink.spi.support.TlsSupport;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * The template's HTTP on the JDK's {@link HttpClient}: each attempt carries the options' headers (asked
 * afresh, as a supplier may rotate tokens), then the attempt's own, with its time left as timeout;
 * answers are capped at maxMessageSize. Thread-safe. Why the JDK client: a public API every author
 * knows, with no dependency (Inferlink's transport is internal). Its costs: no Host other than the
 * URL's (the provider refuses {@code authority}), and no {@code close()} before Java 21, so {@link
 * #close()} cancels the calls in flight. HTTP/1.1 because TorchServe's Netty frontend speaks it; the
 * JDK would otherwise try an h2c upgrade on each connection.
 */
final class JdkHttpCalls {
  private static final String JSON = "application/json";

  /** One answer, whatever its status; text taken from it goes through {@code secrets}: servers echo headers. */
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
    HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(options.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER);
    if (secure) {
      b.sslContext(TlsSupport.sslContext(options.tls())); // verifies the server unless the options say otherwise
    }
    if (options.executor() != null) {
      b.executor(options.executor());
    }
    this.http = b.build();
    this.options = options;
    this.provider = provider;
  }

  /** A POST of the JSON {@code body} to {@code uri}, or a GET when it is null; {@code authorization} replaces the credentials. */
  <T> PreparedCall<T> prepare(URI uri, byte[] body, String authorization, Function<Answer, T> read) {
    return PreparedCall.of(body == null ? 0 : body.length, attempt -> send(uri, body, authorization, attempt)).map(read);
  }

  /** Cancels every call in flight (which aborts its connection) and, on Java 21+, closes the JDK client. */
  void close() {
    inFlight.forEach(f -> f.cancel(true));
    if (http instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // Best effort: every call is cancelled already.
      }
    }
  }

  private CompletableFuture<Answer> send(URI uri, byte[] body, String authorization, Attempt attempt) {
    HttpRequest request;
    SecretScrubber secrets;
    try {
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.putAll(options.requestHeaders());
      if (authorization != null) {
        headers.put("Authorization", authorization);
      }
      secrets = SecretScrubber.forCall(headers, options).andSecretHeaders(attempt.headers());
      headers.putAll(attempt.headers());
      HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(attempt.timeLeft()).header("Accept", JSON)
          .header("User-Agent", options.userAgent());
      headers.forEach(b::header);
      request = (body == null ? b : b.header("Content-Type", JSON).POST(HttpRequest.BodyPublishers.ofByteArray(body)))
          .build();
    } catch (IllegalArgumentException e) { // the JDK refuses some headers (Connection, Host...) others send
      return CompletableFuture.failedFuture(Errors.create(ErrorCode.INVALID_ARGUMENT,
          "the JDK's HTTP client refuses the request: " + e.getMessage(), provider, e));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(Errors.wrap(e, provider));
    }
    CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, info -> new CappedBody());
    inFlight.add(exchange);
    // A future of our own: the JDK's answer cancel() by aborting the exchange without becoming cancelled.
    CompletableFuture<Answer> answer = new CompletableFuture<>();
    exchange.whenComplete((response, error) -> {
      inFlight.remove(exchange);
      if (error != null) {
        answer.completeExceptionally(Errors.connectionFailure(error, uri.getScheme() + "://" + uri.getAuthority(),
            secrets, provider));
      } else {
        answer.complete(new Answer(response.statusCode(), response.body(), uri, secrets));
      }
    });
    return Futures.cancelling(answer, exchange);
  }

  /** Collects one body, cancelling the read past maxMessageSize: the JDK's {@code ofByteArray()} has no limit. */
  private final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream collected = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer b : buffers) {
        if ((long) collected.size() + b.remaining() > options.maxMessageSize() && !body.isDone()) {
          subscription.cancel();
          body.completeExceptionally(Errors.create(ErrorCode.RESOURCE_EXHAUSTED, "the answer has more than"
              + " maxMessageSize (" + options.maxMessageSize() + ") bytes; raise ClientOptions.maxMessageSize",
              provider, null));
        }
        if (body.isDone()) {
          return;
        }
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        collected.writeBytes(chunk);
      }
    }

    @Override
    public void onError(Throwable error) {
      body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      body.complete(collected.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }
  }
}
