package io.inferlink.benchmarks;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.kserve.KServeOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;

/** The clients the benchmarks compare: Inferlink's, and the raw ones a user would build by hand. Stateless. */
public final class BenchClients {
  /** The largest message either side accepts: the 16-image batch as JSON fits easily. */
  public static final int MAX_MESSAGE = 256 * 1024 * 1024;

  private BenchClients() {}

  /** Options shared by every Inferlink client here: a generous timeout and message size. */
  public static ClientOptions.Builder options() {
    return ClientOptions.builder().requestTimeout(Duration.ofMinutes(2)).maxMessageSize(MAX_MESSAGE);
  }

  /** An Inferlink client for {@code scheme://127.0.0.1:port}. */
  public static InferenceClient inferlink(String scheme, int port, ClientOptions options) {
    return InferenceClient.create(scheme + "://" + BenchTargets.HOST + ":" + port, options);
  }

  /** An Inferlink V2 REST client with the binary extension always on, or never. */
  public static InferenceClient v2Rest(int port, KServeOptions.Binary binary) {
    return inferlink("kserve-v2+http", port, options().option(KServeOptions.BINARY, binary).build());
  }

  /** A plain grpc-java channel, as a careful user sets one up (plaintext, a raised inbound limit). */
  public static ManagedChannel rawChannel(int port) {
    return ManagedChannelBuilder.forAddress(BenchTargets.HOST, port).usePlaintext()
        .maxInboundMessageSize(MAX_MESSAGE).build();
  }

  /**
   * A plain Apache HttpClient 5 async client with small-message latency settings (TCP_NODELAY), the same
   * I/O thread count and the same pool limits as Inferlink's REST transport (HttpClient's own defaults
   * are 5 connections per route): one route, {@link ClientOptions#DEFAULT_MAX_CONNECTIONS} connections.
   */
  public static CloseableHttpAsyncClient rawHttp() {
    CloseableHttpAsyncClient client = HttpAsyncClients.custom()
        .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
            .setMaxConnTotal(ClientOptions.DEFAULT_MAX_CONNECTIONS)
            .setMaxConnPerRoute(ClientOptions.DEFAULT_MAX_CONNECTIONS)
            .build())
        .setIOReactorConfig(IOReactorConfig.custom()
            .setIoThreadCount(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())))
            .setTcpNoDelay(true).build())
        .build();
    client.start();
    return client;
  }

  /** Shuts a raw channel down. */
  public static void close(ManagedChannel channel) throws InterruptedException {
    channel.shutdownNow();
    channel.awaitTermination(5, TimeUnit.SECONDS);
  }

  /** Shuts a raw HTTP client down. */
  public static void close(CloseableHttpAsyncClient client) {
    client.close(CloseMode.IMMEDIATE);
  }
}
