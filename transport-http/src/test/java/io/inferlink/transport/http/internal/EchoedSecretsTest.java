package io.inferlink.transport.http.internal;

import static io.inferlink.transport.http.internal.TransportTests.await;
import static io.inferlink.transport.http.internal.TransportTests.transport;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceException;
import io.inferlink.testkit.SecretLeaks;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A server that echoes the request's headers into its error (a JSON body, a text body, a broken
 * response HttpClient reports) never gets the call's secrets into the exception: not the bearer
 * token, the Basic credentials in any form, a secret-named header or a supplied header's value.
 */
class EchoedSecretsTest {
  private static final String API_KEY = "api-key-7c1e09d2";
  private static final String ROTATING = "rotating-4b8a61f0";
  private static final String TOKEN = "bearer-2f6d93ab";
  private static final String PASSWORD = "basic-pw-5e0c7a18";
  private static final String VISIBLE = "visible-91d2";

  private static String echo(RawHttpServer.Request r) {
    return r.headers().entrySet().stream().map(e -> e.getKey() + ": " + String.join(",", e.getValue()))
        .collect(Collectors.joining("; "));
  }

  private static ClientOptions.Builder options() {
    return ClientOptions.builder().header("X-Api-Key", API_KEY).header("X-Visible", VISIBLE)
        .headersSupplier(() -> Map.of("X-Session", ROTATING));
  }

  private static List<String> secrets(String authorization) {
    String encoded = authorization.substring(authorization.indexOf(' ') + 1);
    List<String> out = new java.util.ArrayList<>(List.of(API_KEY, ROTATING, TOKEN, PASSWORD, encoded));
    if (authorization.startsWith("Basic ")) {
      out.add(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static InferenceException failingCall(RawHttpServer.Handler handler, ClientOptions options) throws Exception {
    try (RawHttpServer s = new RawHttpServer(handler); HttpTransport t = transport(s, options)) {
      HttpResult result;
      try {
        result = await(t.send(HttpRequestSpec.get("/v2/models/m/infer").build()));
      } catch (java.util.concurrent.ExecutionException e) {
        return assertInstanceOf(InferenceException.class, e.getCause());
      }
      return HttpErrors.toException(result, TransportTests.PROVIDER);
    }
  }

  @Test
  void headersEchoedInAJsonErrorAreMasked() throws Exception {
    for (ClientOptions options : List.of(options().bearerToken(TOKEN).build(), options().basicAuth("u", PASSWORD).build())) {
      String[] auth = new String[1];
      InferenceException e = failingCall((r, c) -> {
        auth[0] = r.header("authorization");
        c.reply(401, "application/json", "{\"error\": \"denied, you sent " + echo(r).replace("\"", "\\\"") + "\"}");
      }, options);
      assertTrue(e.serverMessage().contains(VISIBLE), "the echo should be there: " + e.serverMessage());
      SecretLeaks.assertNoneShown("JSON echo", e, secrets(auth[0]));
    }
  }

  @Test
  void headersEchoedInATextBodyAreMasked() throws Exception {
    String[] auth = new String[1];
    InferenceException e = failingCall((r, c) -> {
      auth[0] = r.header("authorization");
      c.reply(502, "text/plain", "proxy error for request with " + echo(r));
    }, options().basicAuth("u", PASSWORD).build());
    assertTrue(e.getMessage().contains(VISIBLE), e.getMessage());
    SecretLeaks.assertNoneShown("text echo", e, secrets(auth[0]));
  }

  @Test
  void headersEchoedInABrokenResponseAreMaskedInTheCauseChain() throws Exception {
    String[] auth = new String[1];
    InferenceException e = failingCall((r, c) -> {
      auth[0] = r.header("authorization");
      c.write("HTTP/1.1 2x0 " + echo(r) + "\r\nContent-Length: 2\r\n\r\nok");
      c.socket.close();
    }, options().bearerToken(TOKEN).build());
    assertTrue(SecretLeaks.texts(e).stream().anyMatch(text -> text.contains(VISIBLE)),
        "HttpClient should report the broken line: " + SecretLeaks.texts(e));
    SecretLeaks.assertNoneShown("broken response", e, secrets(auth[0]));
  }
}
