package io.inferlink.examples.torchserve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.UnavailableException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The template on the JDK's HTTP client reads a server's {@code Retry-After} with core's one reader: a loopback
 * server that sheds load with 503 and {@code Retry-After: 3} gives an exception whose {@code retryAfter()} is 3 s.
 */
class TorchServeRetryAfterTest {

  @Test
  void aSheddingServersRetryAfterReachesTheException() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = "{\"code\": 503, \"type\": \"ServiceUnavailableException\", \"message\": \"busy\"}"
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.getResponseHeaders().add("Retry-After", "3");
      exchange.sendResponseHeaders(503, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try (InferenceClient client = InferenceClient.create("torchserve+http://127.0.0.1:" + server.getAddress().getPort())) {
      InferenceRequest request = InferenceRequest.builder(ModelRef.of("m"))
          .input(Tensor.ofFloats("x", new float[] {1f}, 1)).build();
      UnavailableException e = assertInstanceOf(UnavailableException.class,
          assertThrows(Exception.class, () -> client.infer(request)));
      assertEquals(Optional.of(Duration.ofSeconds(3)), e.retryAfter());
    } finally {
      server.stop(0);
    }
  }
}
