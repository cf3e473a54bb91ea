package io.inferlink.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.credentials.OAuth2ClientCredentials.ClientAuthentication;
import io.inferlink.credentials.TokenServer.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client-credentials provider against a token endpoint on 127.0.0.1. Tokens live 100 s; with a skew of
 * 10 s and 20 s of refresh-ahead, a token is used until 90 s after it came and refreshed from 70 s on. The
 * clock is moved by hand.
 */
class OAuth2ClientCredentialsTest {
  private static final String SECRET = "s3cr3t-Value+/=";
  private final FakeClock clock = new FakeClock();
  private TokenServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private OAuth2ClientCredentials.Builder provider() {
    return OAuth2ClientCredentials.builder().tokenUrl(server.url()).clientId("my client").clientSecret(SECRET)
        .expirySkew(Duration.ofSeconds(10)).refreshAhead(Duration.ofSeconds(20)).timeout(Duration.ofSeconds(5))
        .nanoClock(clock);
  }

  private void serveTokens() throws Exception {
    server = new TokenServer(n -> Answer.token("t" + n, 100));
  }

  @Test
  void cachesTheTokenAndSendsTheGrantWithBasicClientAuthentication() throws Exception {
    serveTokens();
    OAuth2ClientCredentials p = provider().scope("read write").audience("https://models.example").build();
    assertEquals(0, server.requests(), "nothing is asked before the first attempt");
    assertEquals("Bearer t1", p.authorization());
    clock.advance(Duration.ofSeconds(60));
    assertEquals("Bearer t1", p.authorization());
    assertEquals(1, server.requests());
    assertEquals("grant_type=client_credentials&scope=read+write&audience=https%3A%2F%2Fmodels.example", server.lastBody);
    String basic = server.lastAuthorization.substring("Basic ".length());
    // RFC 6749 §2.3.1: id and secret form-encoded, then joined and base64-encoded.
    assertEquals("my+client:s3cr3t-Value%2B%2F%3D", new String(Base64.getDecoder().decode(basic), StandardCharsets.UTF_8));
  }

  @Test
  void clientSecretPostSendsTheCredentialsInTheBody() throws Exception {
    serveTokens();
    OAuth2ClientCredentials p = provider().clientAuthentication(ClientAuthentication.CLIENT_SECRET_POST).build();
    assertEquals("Bearer t1", p.authorization());
    assertNull(server.lastAuthorization);
    assertEquals("grant_type=client_credentials&client_id=my+client&client_secret=s3cr3t-Value%2B%2F%3D", server.lastBody);
    assertEquals(ClientAuthentication.CLIENT_SECRET_POST, ClientAuthentication.fromConfigName("client_secret_post"));
    assertEquals(ClientAuthentication.CLIENT_SECRET_BASIC, ClientAuthentication.fromConfigName("basic"));
    assertThrows(IllegalArgumentException.class, () -> ClientAuthentication.fromConfigName("private_key_jwt"));
  }

  @Test
  void refreshesAheadOfExpiry() throws Exception {
    serveTokens();
    OAuth2ClientCredentials p = provider().build();
    assertEquals("Bearer t1", p.authorization());
    clock.advance(Duration.ofSeconds(69));
    assertEquals("Bearer t1", p.authorization());
    assertEquals(1, server.requests());
    clock.advance(Duration.ofSeconds(2)); // 71 s: past the refresh point, t1 still valid
    assertEquals("Bearer t2", p.authorization());
    clock.advance(Duration.ofSeconds(30));
    assertEquals("Bearer t2", p.authorization());
    assertEquals(2, server.requests());
  }

  @Test
  void aFailedEarlyRefreshKeepsTheValidTokenUntilItExpires() throws Exception {
    serveTokens();
    OAuth2ClientCredentials p = provider().build();
    assertEquals("Bearer t1", p.authorization());
    server.answer(n -> new Answer(503, "{\"error\":\"temporarily_unavailable\"}"));
    clock.advance(Duration.ofSeconds(71));
    assertEquals("Bearer t1", p.authorization());
    assertEquals(2, server.requests());
    assertEquals("Bearer t1", p.authorization(), "a pause after a failed refresh: no request on every attempt");
    assertEquals(2, server.requests());
    clock.advance(Duration.ofSeconds(10));
    assertEquals("Bearer t1", p.authorization());
    assertEquals(3, server.requests());
    clock.advance(Duration.ofSeconds(10)); // 91 s: t1 has expired
    TokenEndpointException e = assertThrows(TokenEndpointException.class, p::authorization);
    assertEquals(ErrorCode.UNAVAILABLE, e.code());
    assertTrue(e.isRetryable());
    assertEquals("temporarily_unavailable", e.error());
    server.answer(n -> Answer.token("t" + n, 100));
    assertEquals("Bearer t5", p.authorization(), "the endpoint is back: a token again");
  }

  @Test
  void expiryUnderLoadSendsOneRequestPerExpiryAndNoCallSeesAnExpiredToken() throws Exception {
    server = new TokenServer(n -> {
      try {
        Thread.sleep(20); // a slow endpoint, so that callers pile up behind the one request
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Answer.token("t" + n, 100);
    });
    OAuth2ClientCredentials p = provider().build();
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      assertEquals(Set.of("Bearer t1"), hammer(pool, threads, p), "first token, fetched once for all");
      assertEquals(1, server.requests());
      clock.advance(Duration.ofSeconds(50));
      assertEquals(Set.of("Bearer t1"), hammer(pool, threads, p));
      assertEquals(1, server.requests());
      clock.advance(Duration.ofSeconds(25)); // 75 s: refresh window, t1 valid until 90 s
      Set<String> seen = hammer(pool, threads, p);
      assertTrue(Set.of("Bearer t1", "Bearer t2").containsAll(seen), seen::toString);
      assertEquals(Set.of("Bearer t2"), hammer(pool, threads, p), "once refreshed, everyone has the new token");
      assertEquals(2, server.requests(), "one early refresh for all the callers");
      clock.advance(Duration.ofSeconds(125)); // 200 s: t2 (usable until 165 s) has expired
      assertEquals(Set.of("Bearer t3"), hammer(pool, threads, p), "nobody got the expired t2");
      assertEquals(3, server.requests(), "one request for the expiry, however many callers");
    } finally {
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }
  }

  /** Every thread asks 50 times, all starting together; the tokens they got. */
  private static Set<String> hammer(ExecutorService pool, int threads, OAuth2ClientCredentials p) throws Exception {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(pool.submit(() -> {
        start.await(10, TimeUnit.SECONDS);
        for (int i = 0; i < 50; i++) {
          seen.add(p.authorization());
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get(30, TimeUnit.SECONDS);
    }
    return seen;
  }

  @Test
  void anOAuthErrorCarriesTheServersWordsButNeverTheSecret() throws Exception {
    server = new TokenServer(n -> new Answer(401,
        "{\"error\":\"invalid_client\",\"error_description\":\"client my client with secret " + SECRET + " is unknown\"}"));
    OAuth2ClientCredentials p = provider().build();
    TokenEndpointException e = assertThrows(TokenEndpointException.class, p::authorization);
    assertEquals(ErrorCode.UNAUTHENTICATED, e.code());
    assertFalse(e.isRetryable());
    assertEquals(401, e.httpStatus());
    assertEquals(InferenceException.Delivery.NOT_SENT, e.delivery());
    assertEquals("invalid_client", e.error());
    assertTrue(e.getMessage().contains("invalid_client: client my client with secret *** is unknown"), e.getMessage());
    assertLacksSecret(e);
  }

  @Test
  void aServerErrorIsUnavailableAndRetryable() throws Exception {
    server = new TokenServer(n -> new Answer(500, "<html>oops</html>"));
    TokenEndpointException e = assertThrows(TokenEndpointException.class, provider().build()::authorization);
    assertEquals(ErrorCode.UNAVAILABLE, e.code());
    assertTrue(e.isRetryable());
    assertEquals(500, e.httpStatus());
    assertNull(e.error());
    assertTrue(e.getMessage().contains("refused the token request (HTTP 500)"), e.getMessage());
    assertLacksSecret(e);
  }

  @Test
  void aSlowEndpointTimesOut() throws Exception {
    serveTokens();
    server.stall();
    OAuth2ClientCredentials p = provider().timeout(Duration.ofMillis(300)).build();
    TokenEndpointException e = assertThrows(TokenEndpointException.class, p::authorization);
    assertEquals(ErrorCode.UNAVAILABLE, e.code());
    assertTrue(e.getMessage().contains("did not answer within PT0.3S"), e.getMessage());
    assertLacksSecret(e);
  }

  @Test
  void anUnreachableEndpointIsUnavailable() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort + "/token";
    OAuth2ClientCredentials p = OAuth2ClientCredentials.builder().tokenUrl(url).clientId("c").clientSecret(SECRET)
        .timeout(Duration.ofSeconds(5)).build();
    TokenEndpointException e = assertThrows(TokenEndpointException.class, p::authorization);
    assertEquals(ErrorCode.UNAVAILABLE, e.code());
    assertTrue(e.getMessage().contains("cannot reach token endpoint"), e.getMessage());
  }

  @Test
  void answersThatAreNoTokenAreRefused() throws Exception {
    String big = "{\"access_token\":\"" + "a".repeat(70_000) + "\"}";
    List<String> bodies = List.of("{\"access_token\": ", "not json", "[\"access_token\"]", big,
        "{\"token_type\":\"Bearer\"}", "{\"access_token\":\"x\",\"token_type\":\"mac\"}",
        "{\"access_token\":\"x\",\"expires_in\":\"soon\"}", "{\"access_token\":\"a b\"}",
        "{\"access_token\":\"x\",\"access_token\":\"y\"}");
    List<String> expected = List.of("answered no JSON object", "answered no JSON object", "answered no JSON object",
        "answered more than 65536 bytes", "answered no access_token", "only Bearer tokens",
        "not a whole number of seconds", "a character a header cannot carry", "member named twice");
    server = new TokenServer(n -> new Answer(200, bodies.get(n - 1)));
    OAuth2ClientCredentials p = provider().build();
    for (int i = 0; i < bodies.size(); i++) {
      clock.advance(Duration.ofSeconds(1));
      TokenEndpointException e = assertThrows(TokenEndpointException.class, p::authorization);
      assertEquals(ErrorCode.UNAUTHENTICATED, e.code());
      assertTrue(e.getMessage().contains(expected.get(i)), i + ": " + e.getMessage());
    }
    assertEquals(bodies.size(), server.requests());
  }

  @Test
  void aTokenWithoutExpiryLivesTheDefaultLifetime() throws Exception {
    server = new TokenServer(n -> new Answer(200, "{\"access_token\":\"t" + n + "\",\"token_type\":\"bearer\"}"));
    OAuth2ClientCredentials p = provider().build();
    assertEquals("Bearer t1", p.authorization());
    clock.advance(OAuth2ClientCredentials.DEFAULT_LIFETIME.minusSeconds(31));
    assertEquals("Bearer t1", p.authorization());
    clock.advance(Duration.ofSeconds(30));
    assertEquals("Bearer t2", p.authorization());
  }

  @Test
  void toStringAndSettingsShowNoSecret() throws Exception {
    serveTokens();
    OAuth2ClientCredentials p = provider().scope("read").build();
    String shown = p.toString();
    assertFalse(shown.contains(SECRET) || shown.contains("s3cr3t"), shown);
    assertTrue(shown.contains("clientId=my client") && shown.contains("clientSecret=***")
        && shown.contains("scope=read") && shown.contains("client_secret_basic"), shown);
    assertEquals("my client", p.clientId());
    assertEquals(server.url(), p.tokenUrl().toString());
  }

  @Test
  void theBuilderSaysWhatIsMissingOrWrong() {
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> OAuth2ClientCredentials.builder().clientSecret(SECRET).build());
    assertEquals("OAuth2ClientCredentials needs tokenUrl, clientId and clientSecret; missing: tokenUrl clientId",
        missing.getMessage());
    IllegalArgumentException url = assertThrows(IllegalArgumentException.class,
        () -> OAuth2ClientCredentials.builder().tokenUrl("ftp://user:pw@host/token"));
    assertFalse(url.getMessage().contains("pw"), url.getMessage());
    assertThrows(IllegalArgumentException.class, () -> OAuth2ClientCredentials.builder().clientSecret(""));
    assertThrows(IllegalArgumentException.class, () -> OAuth2ClientCredentials.builder().expirySkew(Duration.ofSeconds(-1)));
    assertThrows(IllegalArgumentException.class, () -> OAuth2ClientCredentials.builder().timeout(Duration.ZERO));
  }

  private static void assertLacksSecret(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String text = String.valueOf(t.getMessage()) + t;
      assertFalse(text.contains(SECRET) || text.contains("s3cr3t"), text);
    }
  }
}
