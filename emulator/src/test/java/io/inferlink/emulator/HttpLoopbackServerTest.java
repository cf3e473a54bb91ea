package io.inferlink.emulator;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ServerMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HttpLoopbackServerTest {
  private static final FrontendContext CONTEXT = new FrontendContext(ModelScript.builtins(), new CallRecorder(),
      new ServerMetadata("test", "1", List.of()), LoopbackServer.DEFAULT_MAX_LIFETIME);

  @Test
  void bindsOnlyTheLoopbackAddressOnAnEphemeralPort() {
    try (HttpLoopbackServer a = (HttpLoopbackServer) new HealthFrontend().create(CONTEXT).start();
        HttpLoopbackServer b = (HttpLoopbackServer) new HealthFrontend().create(CONTEXT).start()) {
      assertEquals("127.0.0.1", a.address().getAddress().getHostAddress());
      assertTrue(a.port() > 0);
      assertNotEquals(a.port(), b.port());
    }
  }

  @Test
  void everyThreadOfARunningServerIsADaemon() {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    try (LoopbackServer server = new HealthFrontend().create(CONTEXT).start()) {
      Set<String> nonDaemon = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon())
          .map(Thread::getName).collect(Collectors.toSet());
      assertEquals(Set.of(), nonDaemon, "a forgotten server would hold the JVM open");
      assertTrue(server.isRunning());
    }
  }

  @Test
  void routesByLongestPrefixAndAnswers404Otherwise() throws IOException {
    try (HttpLoopbackServer server = HttpLoopbackServer.builder("prefixes")
        .route("/a", call -> HttpReply.text(200, "short"))
        .route("/a/b", call -> HttpReply.text(200, "long"))
        .build().start()) {
      assertEquals("long", Http.get(server.port(), "/a/b/c").body());
      assertEquals("short", Http.get(server.port(), "/a/x").body());
      assertEquals(404, Http.get(server.port(), "/zzz").status());
    }
  }

  @Test
  void scriptedFailuresBecomeTheirHttpStatus() throws IOException {
    try (LoopbackServer server = new HealthFrontend().create(CONTEXT).start()) {
      Http.Answer notFound = Http.get(server.port(), "/fail/NOT_FOUND");
      assertEquals(404, notFound.status());
      assertEquals("toy failure", notFound.body());
      assertEquals(429, Http.get(server.port(), "/fail/RESOURCE_EXHAUSTED").status());
      assertEquals(503, Http.get(server.port(), "/fail/UNAVAILABLE").status());
    }
  }

  @Test
  void aFrontendChoosesItsOwnFailureBody() throws IOException {
    try (HttpLoopbackServer server = HttpLoopbackServer.builder("json-errors")
        .failureReply(f -> HttpReply.json(f.httpStatus(), "{\"error\":\"" + f.getMessage() + "\"}"))
        .route("/", call -> {
          throw ScriptedFailure.invalidArgument("bad");
        })
        .build().start()) {
      Http.Answer answer = Http.get(server.port(), "/x");
      assertEquals(400, answer.status());
      assertEquals("{\"error\":\"bad\"}", answer.body());
    }
  }

  @Test
  void echoesBodiesAndSeesHeadersWithLowerCaseNames() throws IOException {
    try (LoopbackServer server = new HealthFrontend().create(CONTEXT).start()) {
      byte[] body = "héllo".getBytes(StandardCharsets.UTF_8);
      Http.Answer answer = Http.send(server.port(), "POST", "/echo", body, Map.of("X-KIT", "v1"));
      assertEquals(200, answer.status());
      assertEquals("héllo", answer.body());
      assertEquals("v1", answer.echoed());
    }
  }

  @Test
  void bodiesOverTheCapAreAnswered413() throws IOException {
    try (LoopbackServer server = new HealthFrontend(null, 1024).create(CONTEXT).start()) {
      assertEquals(200, Http.send(server.port(), "POST", "/echo", new byte[1024], Map.of()).status());
      assertEquals(413, Http.send(server.port(), "POST", "/echo", new byte[4096], Map.of()).status());
    }
  }

  @Test
  void stopsItselfAfterItsMaximumLifetime() throws Exception {
    // Long enough for the first call to be answered on a busy machine (200 ms was not, at times).
    Duration lifetime = Duration.ofSeconds(2);
    LoopbackServer server = new HealthFrontend(lifetime, 1024).create(CONTEXT).start();
    int port = server.port();
    assertEquals(200, Http.get(port, "/health").status());
    long deadline = System.nanoTime() + lifetime.plusSeconds(5).toNanos();
    while (server.isRunning() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertFalse(server.isRunning(), "the server outlived its lifetime");
    // Refused, or reset when the connect raced the listener's close: either way nothing answers.
    assertThrows(java.net.SocketException.class, () -> Http.get(port, "/health"));
    assertTrue(awaitNoThreads("inferlink-emulator-" + HealthFrontend.PROTOCOL), "threads left: " + threads("inferlink-emulator-"));
  }

  @Test
  void closeIsIdempotentInterruptsSlowCallsAndEndsEveryThread() throws Exception {
    LoopbackServer server = new HealthFrontend().create(CONTEXT).start();
    int port = server.port();
    Thread slowClient = new Thread(() -> assertThrows(IOException.class, () -> Http.get(port, "/sleep/30000")));
    slowClient.setDaemon(true);
    slowClient.start();
    assertEquals(200, Http.get(port, "/health").status());
    Thread.sleep(100);
    long start = System.nanoTime();
    server.close();
    assertDoesNotThrow(server::close);
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 3_000, "close() waited for the slow call");
    assertFalse(server.isRunning());
    // Refused, or reset when the connect raced the listener's close: either way nothing answers.
    assertThrows(java.net.SocketException.class, () -> Http.get(port, "/health"));
    assertTrue(awaitNoThreads("inferlink-emulator-" + HealthFrontend.PROTOCOL), "threads left: " + threads("inferlink-emulator-"));
    assertThrows(IllegalStateException.class, server::start);
  }

  @Test
  void portIsUnknownBeforeStart() {
    LoopbackServer server = new HealthFrontend().create(CONTEXT);
    assertThrows(IllegalStateException.class, server::port);
    assertFalse(server.isRunning());
    server.close();
  }

  @Test
  void builderRefusesBadSettings() {
    assertThrows(IllegalArgumentException.class, () -> HttpLoopbackServer.builder("bad name"));
    assertThrows(IllegalArgumentException.class, () -> HttpLoopbackServer.builder("x").route("no-slash", c -> null));
    assertThrows(IllegalArgumentException.class, () -> HttpLoopbackServer.builder("x").maxLifetime(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> HttpLoopbackServer.builder("x").threads(0));
  }

  static boolean awaitNoThreads(String prefix) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!threads(prefix).isEmpty()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  static Set<String> threads(String prefix) {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .filter(n -> n.startsWith(prefix)).collect(Collectors.toSet());
  }
}
