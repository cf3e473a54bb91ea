package io.inferlink.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ContainerLaunchException;

/** The readiness wait against a loopback HTTP server that plays a model server starting up. */
class ReadinessPollerTest {
  private final AtomicInteger calls = new AtomicInteger();
  private volatile int readyAfter;
  private volatile String readyBody = "{\"ready\": true}";
  private HttpServer server;
  private URI uri;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v2/health/ready", exchange -> {
      boolean ready = calls.incrementAndGet() > readyAfter;
      byte[] body = (ready ? readyBody : "{\"error\": \"still loading\"}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(ready ? 200 : 503, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v2/health/ready");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static ReadinessPoller poller() {
    return new ReadinessPoller(Duration.ofMillis(20));
  }

  @Test
  void returnsOnceTheUrlAnswersReady() {
    readyAfter = 3;
    poller().await(uri, ReadinessCheck.status200("http", "/v2/health/ready"), Instant.now().plusSeconds(10),
        () -> true, () -> "");
    assertEquals(4, calls.get(), "three 503s, then the 200");
  }

  @Test
  void aTimeoutNamesTheUrlTheLastAnswerAndTheLogTail() {
    readyAfter = Integer.MAX_VALUE;
    StringBuilder log = new StringBuilder();
    for (int i = 1; i <= 50; i++) {
      log.append("log line ").append(i).append('\n');
    }
    ContainerLaunchException e = assertThrows(ContainerLaunchException.class, () -> poller().await(uri,
        ReadinessCheck.status200("http", "/v2/health/ready"), Instant.now().plusMillis(300), () -> true, log::toString));
    String message = e.getMessage();
    assertTrue(message.contains("GET " + uri + " did not answer HTTP 200 before the startup timeout"), message);
    assertTrue(message.contains("last: HTTP 503 {\"error\": \"still loading\"}"), message);
    assertTrue(message.contains("log line 50") && message.contains("log line 11\n"), message);
    assertTrue(!message.contains("log line 10\n"), "only the last " + ReadinessPoller.LOG_TAIL_LINES + " lines: " + message);
  }

  @Test
  void aStoppedContainerFailsAtOnceWithItsLog() {
    readyAfter = Integer.MAX_VALUE;
    Instant started = Instant.now();
    ContainerLaunchException e = assertThrows(ContainerLaunchException.class, () -> poller().await(uri,
        ReadinessCheck.status200("http", "/v2/health/ready"), Instant.now().plusSeconds(30), () -> false,
        () -> "Traceback: ModuleNotFoundError: kserve\n"));
    assertTrue(Duration.between(started, Instant.now()).toSeconds() < 10, "did not wait for the deadline");
    assertTrue(e.getMessage().contains("the container stopped before GET " + uri), e.getMessage());
    assertTrue(e.getMessage().contains("ModuleNotFoundError: kserve"), e.getMessage());
  }

  @Test
  void aBodyCheckKeepsWaitingThroughA200ThatIsNotReady() {
    readyAfter = 0;
    readyBody = "{\"model_version_status\": [{\"state\": \"LOADING\"}]}";
    ContainerLaunchException e = assertThrows(ContainerLaunchException.class, () -> poller().await(uri,
        ReadinessCheck.bodyContains("http", "/v1/models/m", "\"AVAILABLE\""), Instant.now().plusMillis(200),
        () -> true, () -> ""));
    assertTrue(e.getMessage().contains("HTTP 200 with \"AVAILABLE\" in the body"), e.getMessage());
    assertTrue(e.getMessage().contains("LOADING"), e.getMessage());
  }

  @Test
  void nothingListeningIsReportedAsTheConnectionFailure() throws IOException {
    int closed = LoopbackPorts.pick(1)[0];
    ContainerLaunchException e = assertThrows(ContainerLaunchException.class, () -> poller().await(
        URI.create("http://127.0.0.1:" + closed + "/ping"), ReadinessCheck.status200("http", "/ping"),
        Instant.now().plusMillis(200), () -> true, () -> ""));
    assertTrue(e.getMessage().contains("ConnectException"), e.getMessage());
  }

  @Test
  void theTailOfALogKeepsItsLastLines() {
    assertEquals("c\nd", ReadinessPoller.tail("a\nb\nc\nd\n", 2));
    assertEquals("a", ReadinessPoller.tail("a", 5));
    assertEquals(List.of(""), List.of(ReadinessPoller.tail("", 5)));
  }
}
