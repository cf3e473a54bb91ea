package io.inferlink.transport.http.internal;

import io.inferlink.ClientOptions;
import io.inferlink.spi.support.TlsSupport;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.DefaultClientConnectionReuseStrategy;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.ssl.TLS;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the HttpClient of one transport: HTTP/1.1 only, a pool of at most
 * {@link ClientOptions#maxConnections()} connections (whose idle ones the transport closes, see
 * {@link HttpTransport}), a small daemon I/O reactor, certificate and host-name checks on TLS, and
 * none of the behaviours that belong elsewhere (retries, redirects, cookies, compression,
 * authentication challenges).
 */
final class ClientFactory {
  /** Per-request configuration starts from this; each call adds its own timeouts. */
  static final RequestConfig BASE_REQUEST_CONFIG = RequestConfig.custom()
      .setRedirectsEnabled(false)
      .setAuthenticationEnabled(false)
      .setContentCompressionEnabled(false)
      .setProtocolUpgradeEnabled(false)
      .setExpectContinueEnabled(false)
      // Cancelling a call closes its connection; see ExchangeCancelHook for calls on pooled connections.
      .setHardCancellationEnabled(true)
      .build();

  private ClientFactory() {}

  /** The connection pool: one route (the target), so the per-route and total limits are the same. */
  static PoolingAsyncClientConnectionManager pool(HttpTarget target, ClientOptions options) {
    Timeout connect = Timeout.of(options.connectTimeout());
    PoolingAsyncClientConnectionManagerBuilder pool = PoolingAsyncClientConnectionManagerBuilder.create()
        .setMaxConnTotal(options.maxConnections())
        .setMaxConnPerRoute(options.maxConnections())
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setConnectTimeout(connect)
            .setValidateAfterInactivity(TimeValue.ofSeconds(2))
            .build())
        .setDefaultTlsConfig(TlsConfig.custom()
            .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
            .setHandshakeTimeout(connect)
            .build());
    if (target.address() != null) {
      pool.setDnsResolver(new PinnedDnsResolver(target.host(), target.address()));
    }
    if (target.secure()) {
      // The default host-name verifier checks the route's target name: the authority override when set.
      pool.setTlsStrategy(ClientTlsStrategyBuilder.create()
          .setSslContext(TlsSupport.sslContext(options.tls()))
          .setTlsVersions(TLS.V_1_3, TLS.V_1_2)
          .buildAsync());
    }
    return pool.build();
  }

  /** The client over {@code pool}, started. */
  static CloseableHttpAsyncClient create(PoolingAsyncClientConnectionManager pool, DaemonThreads threads) {
    CloseableHttpAsyncClient client = HttpAsyncClients.custom()
        .setConnectionManager(pool)
        .setIOReactorConfig(IOReactorConfig.custom()
            .setIoThreadCount(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())))
            .setTcpNoDelay(true)
            .setSoKeepAlive(true)
            .build())
        .setThreadFactory(threads)
        .setDefaultRequestConfig(BASE_REQUEST_CONFIG)
        .addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), ExchangeCancelHook.NAME, new ExchangeCancelHook())
        .setRetryStrategy(new StaleConnectionRetry())
        .setConnectionReuseStrategy(ClientFactory::keepAlive)
        .disableRedirectHandling()
        .disableCookieManagement()
        .disableAuthCaching()
        .disableContentCompression()
        .disableConnectionState() // else client-certificate connections are never reused
        .build();
    client.start();
    return client;
  }

  /**
   * HTTP/1.1's rules, except that a connection that answered 5xx is not used again: some servers
   * (KServe's uvicorn after a 500) close it without saying so, and the next request written on it
   * fails after it went out whole, which cannot be told from a server that took it and died.
   */
  private static boolean keepAlive(HttpRequest request, HttpResponse response, HttpContext context) {
    return response.getCode() < 500 && DefaultClientConnectionReuseStrategy.INSTANCE.keepAlive(request, response, context);
  }
}
