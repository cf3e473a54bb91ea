package io.inferlink.transport.http.internal;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceException;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.spi.support.Errors;
import io.inferlink.spi.support.Redaction;
import io.inferlink.spi.support.SecretScrubber;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.net.URIAuthority;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends HTTP/1.1 requests to one {@link HttpTarget} over pooled connections (at most
 * {@link ClientOptions#maxConnections()}, each closed after {@link ClientOptions#connectionIdleTimeout()}
 * unused) and returns every answer,
 * whatever its status, as an {@link HttpResult}. Each request carries the options' headers (fresh per
 * call), User-Agent and credentials, the call's own headers ({@link HttpRequestSpec#callHeaders()}),
 * and the Host of {@link ClientOptions#authority()} when set.
 * Thread-safe; share one per client and {@link #close()} it with the client.
 */
public final class HttpTransport implements AutoCloseable {
  /** Longer deadlines are cut to this (about three weeks), which socket timeouts can still express. */
  static final Duration MAX_TIMEOUT = Duration.ofDays(20);

  private final HttpTarget target;
  private final ClientOptions options;
  private final HttpHost host;
  private final URIAuthority authority;
  private final TransportFailures failures;
  private final DaemonThreads threads;
  private final PoolingAsyncClientConnectionManager pool;
  private final CloseableHttpAsyncClient client;
  private final ScheduledThreadPoolExecutor timer;
  private final Set<Exchange> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final boolean gzip;

  private HttpTransport(HttpTarget target, ClientOptions options, String provider) {
    this.target = target;
    this.options = options;
    this.host = new HttpHost(target.scheme(), target.host(), target.port());
    this.authority = authority(target, options);
    this.failures = new TransportFailures(target, provider);
    this.gzip = ClientOptions.COMPRESSION_GZIP.equals(options.compression());
    RequestHeaders.checkFixed(options, provider);
    this.threads = new DaemonThreads();
    this.pool = ClientFactory.pool(target, options);
    this.client = ClientFactory.create(pool, threads);
    this.timer = new ScheduledThreadPoolExecutor(1, threads);
    timer.setRemoveOnCancelPolicy(true);
    evictIdleConnections(options.connectionIdleTimeout());
  }

  /**
   * Closes pooled connections unused for {@code idle}, checking a few times per period so that a
   * connection lives at most about a quarter longer: a burst of calls leaves no connections behind.
   */
  private void evictIdleConnections(Duration idle) {
    long period = Math.max(10, Math.min(idle.toMillis() / 4, 15_000));
    TimeValue maxIdle = TimeValue.ofMilliseconds(idle.toMillis());
    timer.scheduleWithFixedDelay(() -> {
      try {
        pool.closeIdle(maxIdle);
      } catch (RuntimeException e) {
        // The pool is closing with the transport; the next run (if any) tries again.
      }
    }, period, period, TimeUnit.MILLISECONDS);
  }

  /**
   * Starts a transport (its I/O threads start now).
   *
   * @param provider the provider name put into exceptions
   * @throws ProviderConfigurationException for unusable TLS material, authority or fixed headers
   */
  public static HttpTransport create(HttpTarget target, ClientOptions options, String provider) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(options, "options");
    return new HttpTransport(target, options, provider);
  }

  /** Host header (and TLS name) for the override, else the target without a default port. */
  private static URIAuthority authority(HttpTarget target, ClientOptions options) {
    if (options.authority() != null) {
      try {
        return URIAuthority.create(options.authority());
      } catch (java.net.URISyntaxException | RuntimeException e) {
        throw new ProviderConfigurationException("authority '" + options.authority() + "' is not host[:port]", e);
      }
    }
    boolean defaultPort = target.port() == (target.secure() ? 443 : 80);
    return new URIAuthority(target.host(), defaultPort ? -1 : target.port());
  }

  /** Where requests go. */
  public HttpTarget target() {
    return target;
  }

  /**
   * Sends a request. Never throws for a failed call: the future fails with an
   * {@link io.inferlink.UnavailableException} (cannot connect, TLS, connection lost),
   * {@link io.inferlink.DeadlineExceededException}, {@link io.inferlink.ResourceExhaustedException}
   * (body over {@link ClientOptions#maxMessageSize()}), or {@link IllegalStateException} after
   * {@link #close()}. Each failure's {@link InferenceException#delivery()} says whether the whole
   * request had gone out ({@code OUTCOME_UNKNOWN}) or not ({@code NOT_SENT}). Cancelling the future
   * aborts the exchange and closes its connection. Completes on {@link ClientOptions#executor()} when set.
   */
  public CompletableFuture<HttpResult> send(HttpRequestSpec request) {
    Objects.requireNonNull(request, "request");
    if (closed.get()) {
      return CompletableFuture.failedFuture(failures.alreadyClosed());
    }
    BasicHttpRequest message = new BasicHttpRequest(request.method(), target.basePath() + request.path());
    message.setScheme(target.scheme());
    message.setAuthority(authority);
    TransportFailures callFailures;
    try {
      Map<String, String> optionHeaders = options.requestHeaders();
      for (Map.Entry<String, String> h : RequestHeaders.forCall(options, optionHeaders, request, failures.provider()).entrySet()) {
        message.addHeader(h.getKey(), h.getValue());
      }
      if (gzip) {
        message.addHeader("Accept-Encoding", GzipCoding.GZIP);
      }
      callFailures = failures.forCall(SecretScrubber.forCall(optionHeaders, options)
          .andSecretHeaders(request.callHeaders()));
    } catch (InferenceException e) {
      return CompletableFuture.failedFuture(e);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(Errors.create(io.inferlink.ErrorCode.INVALID_ARGUMENT,
          "the headers supplier failed: " + Redaction.redactText(e.toString()), failures.provider(), e));
    }
    Duration timeout = request.timeout() != null ? request.timeout() : options.requestTimeout();
    if (timeout.compareTo(MAX_TIMEOUT) > 0) {
      timeout = MAX_TIMEOUT;
    }
    HttpClientContext context = HttpClientContext.create();
    // Our own deadline ends (and aborts) the call; HttpClient's timeouts are only a late safety net.
    Timeout later = Timeout.of(timeout.plusSeconds(5));
    context.setRequestConfig(RequestConfig.copy(ClientFactory.BASE_REQUEST_CONFIG)
        .setConnectionRequestTimeout(later)
        .setResponseTimeout(later)
        .build());
    Supplier<String> url = () -> Redaction.redactText(target + request.path());
    Exchange exchange = new Exchange(callFailures, url, options.executor(), inFlight::remove);
    ExchangeCancelHook.attach(context, exchange.onExchange());
    StaleConnectionRetry.attach(context, exchange::isSettled, () -> request.idempotent() || !exchange.wasSent());
    inFlight.add(exchange);
    if (closed.get()) {
      exchange.abort();
      return exchange.future();
    }
    try {
      Duration deadline = timeout;
      exchange.deadline(timer.schedule(() -> exchange.timeOut(deadline), deadline.toNanos(), TimeUnit.NANOSECONDS));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      exchange.abort(); // closed meanwhile
      return exchange.future();
    }
    BodyProducer body = body(request, exchange);
    try {
      exchange.call(client.execute(host, new SentMarkingRequestProducer(message, body, exchange::markSent),
          new CappedBodyConsumer(options.maxMessageSize()), null, context, exchange));
    } catch (RuntimeException e) {
      exchange.failed(e);
    }
    return exchange.future();
  }

  /**
   * The request's body as it goes out: as built, or gzip-compressed (once per request, whatever the
   * attempts) when {@link ClientOptions#compression()} asks for it. An empty body stays empty.
   */
  private BodyProducer body(HttpRequestSpec request, Exchange exchange) {
    RequestBody built = request.body();
    if (built == null) {
      return null;
    }
    if (!gzip || built.length() == 0) {
      return new BodyProducer(built, request.contentType(), null, exchange::markSent);
    }
    return new BodyProducer(built.gzipped(), request.contentType(), GzipCoding.GZIP, exchange::markSent);
  }

  /** Calls now in flight (for tests and diagnostics). */
  int inFlight() {
    return inFlight.size();
  }

  /**
   * Fails the calls in flight, closes every connection and stops the I/O threads; idempotent. Waits
   * briefly for the threads to end unless called on one of them.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (Exchange e : List.copyOf(inFlight)) {
      e.abort();
    }
    client.close(CloseMode.IMMEDIATE);
    timer.shutdownNow();
    if (!threads.isOwnThread()) {
      try {
        client.awaitShutdown(TimeValue.ofSeconds(5));
        timer.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return "HttpTransport{" + target + (closed.get() ? ", closed" : "") + "}";
  }
}
