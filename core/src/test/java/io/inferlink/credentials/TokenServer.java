package io.inferlink.credentials;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A token endpoint for tests on 127.0.0.1: answers request number n (from 1) with what {@code answer} gives
 * for n, counts the requests and keeps the last one's form body and Authorization header. {@link #stall()}
 * holds every answer until {@link #close()}, for timeouts.
 */
final class TokenServer implements AutoCloseable {
  /** One answer: status and body. */
  record Answer(int status, String body) {
    static Answer token(String token, long expiresIn) {
      return new Answer(200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}");
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final AtomicInteger requests = new AtomicInteger();
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile IntFunction<Answer> answer;
  private volatile boolean stalled;
  volatile String lastBody;
  volatile String lastAuthorization;

  TokenServer(IntFunction<Answer> answer) throws IOException {
    this.answer = answer;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/token", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
  }

  int requests() {
    return requests.get();
  }

  void answer(IntFunction<Answer> answer) {
    this.answer = answer;
  }

  void stall() {
    stalled = true;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      int n = requests.incrementAndGet();
      lastBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (stalled) {
        release.await(30, TimeUnit.SECONDS);
        return;
      }
      Answer a = answer.apply(n);
      byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(a.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
