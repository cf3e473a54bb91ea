package io.inferlink.kserve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.inferlink.AuthenticationException;
import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceException;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.credentials.BearerTokenFile;
import io.inferlink.credentials.OAuth2ClientCredentials;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.oip.OipGrpcFrontend;
import io.inferlink.emulator.oip.OipRestFrontend;
import io.inferlink.interceptor.InferenceCall;
import io.inferlink.interceptor.InferenceInterceptor;
import io.inferlink.interceptor.RetryPolicy;
import io.inferlink.testkit.KitModels;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rotating credentials end to end: the {@code Authorization} a server receives (the emulator records each
 * call's headers) comes from the credentials provider per attempt, over REST and gRPC, and changes when the
 * token file is swapped as the kubelet swaps it or when the token endpoint hands out a new token.
 */
class RotatingCredentialsTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  @TempDir
  Path dir;
  private Emulator emulator;
  private HttpServer tokenServer;

  @BeforeEach
  void start() {
    emulator = Emulator.builder().maxLifetime(Duration.ofMinutes(5))
        .frontend(new OipRestFrontend()).frontend(new OipGrpcFrontend()).build().start();
  }

  @AfterEach
  void stop() {
    emulator.close();
    if (tokenServer != null) {
      tokenServer.stop(0);
    }
  }

  /** One inference marked {@code callId}; the Authorization the server received for it. */
  private String sentAuthorization(InferenceClient client, String callId) {
    client.infer(RepositoryEmulator.addOne().toBuilder().header(KitModels.CALL_ID_HEADER, callId).build());
    Map<String, String> headers = emulator.recorder().headersOfCall(callId, WAIT).orElseThrow();
    return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("authorization"))
        .map(Map.Entry::getValue).findFirst().orElse(null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"kserve-v2+http", "kserve-v2+grpc"})
  void aSwappedTokenFileReachesTheWire(String scheme) throws Exception {
    Path first = Files.createDirectory(dir.resolve("..v1"));
    Files.writeString(first.resolve("token"), "sa-token-1\n");
    Path second = Files.createDirectory(dir.resolve("..v2"));
    Files.writeString(second.resolve("token"), "sa-token-2\n");
    Files.createSymbolicLink(dir.resolve("..data"), first.getFileName());
    Path token = Files.createSymbolicLink(dir.resolve("token"), Path.of("..data/token"));

    ClientOptions options = ClientOptions.builder().credentials(BearerTokenFile.of(token, Duration.ZERO)).build();
    try (InferenceClient client = InferenceClient.create(emulator.endpoint(scheme), options)) {
      assertEquals("Bearer sa-token-1", sentAuthorization(client, scheme + "-file-1"));
      Files.createSymbolicLink(dir.resolve("..data_tmp"), second.getFileName());
      Files.move(dir.resolve("..data_tmp"), dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
      assertEquals("Bearer sa-token-2", sentAuthorization(client, scheme + "-file-2"));

      Files.delete(second.resolve("token"));
      AuthenticationException e = assertThrows(AuthenticationException.class,
          () -> client.infer(RepositoryEmulator.addOne()));
      assertTrue(e.getMessage().contains("cannot read bearer token file " + token), e.getMessage());
      assertEquals(InferenceException.Delivery.NOT_SENT, e.delivery());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"kserve-v2+http", "kserve-v2+grpc"})
  void everyRetryAsksTheProviderAgain(String scheme) {
    AtomicInteger asked = new AtomicInteger();
    String callId = scheme + "-retry";
    ClientOptions options = ClientOptions.builder()
        .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), 2.0))
        // Each attempt under its own id, so the recorder keeps the headers of each.
        .attemptInterceptor(new InferenceInterceptor() {
          @Override
          public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
            return chain.proceed(call.withHeader(KitModels.CALL_ID_HEADER, callId + "-" + call.attempt()));
          }
        })
        .credentials(() -> "Bearer attempt-" + asked.incrementAndGet()).build();
    InferenceRequest failing = InferenceRequest.builder(KitModels.FAIL)
        .input(Tensor.ofInts(KitModels.FAIL_TENSOR, new int[] {14}, 1)).build(); // UNAVAILABLE: retried
    try (InferenceClient client = InferenceClient.create(emulator.endpoint(scheme), options)) {
      assertThrows(InferenceException.class, () -> client.infer(failing));
    }
    assertEquals(3, asked.get(), "one Authorization per attempt");
    for (int attempt = 1; attempt <= 3; attempt++) {
      Map<String, String> seen = emulator.recorder().headersOfCall(callId + "-" + attempt, WAIT).orElseThrow();
      assertEquals("Bearer attempt-" + attempt, seen.get("authorization"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"kserve-v2+http", "kserve-v2+grpc"})
  void anOAuth2TokenReachesTheWireAndANewOneReplacesIt(String scheme) throws Exception {
    AtomicInteger issued = new AtomicInteger();
    tokenServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    tokenServer.createContext("/token", exchange -> {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        // expires_in 0: every attempt needs a new token, so the second call must carry the second one.
        byte[] body = ("{\"access_token\":\"oauth-" + issued.incrementAndGet()
            + "\",\"token_type\":\"Bearer\",\"expires_in\":0}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    });
    tokenServer.start();
    OAuth2ClientCredentials oauth2 = OAuth2ClientCredentials.builder()
        .tokenUrl("http://127.0.0.1:" + tokenServer.getAddress().getPort() + "/token")
        .clientId("kserve-client").clientSecret("never-on-the-model-server").build();
    try (InferenceClient client = InferenceClient.create(emulator.endpoint(scheme),
        ClientOptions.builder().credentials(oauth2).build())) {
      assertEquals("Bearer oauth-1", sentAuthorization(client, scheme + "-oauth-1"));
      assertEquals("Bearer oauth-2", sentAuthorization(client, scheme + "-oauth-2"));
    }
  }
}
