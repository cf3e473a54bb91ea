package io.inferlink.transport.http.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.inferlink.ClientOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Shared helpers of the transport tests. */
final class TransportTests {
  static final String PROVIDER = "test-provider";

  private TransportTests() {}

  static HttpTarget target(RawHttpServer server) {
    return new HttpTarget(false, "127.0.0.1", server.port(), "");
  }

  static HttpTransport transport(RawHttpServer server, ClientOptions options) {
    return HttpTransport.create(target(server), options, PROVIDER);
  }

  static <T> T await(CompletableFuture<T> f) throws Exception {
    return f.get(20, TimeUnit.SECONDS);
  }

  /** The exception a future failed with, unwrapped. */
  static Throwable failure(CompletableFuture<?> f) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(20, TimeUnit.SECONDS));
    return e.getCause();
  }
}
