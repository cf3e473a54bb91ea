package io.inferlink.tfserving.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.AuthenticationException;
import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.TestCertificates;
import io.inferlink.emulator.tfserving.TfServingRestFrontend;
import io.inferlink.spi.support.Loggers;
import io.inferlink.testkit.KitModels;
import io.inferlink.testkit.SecretLeaks;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DEBUG call lines of {@link Loggers#CLIENT}, taken through java.util.logging (the JDK's default
 * {@code System.Logger}) while real calls go to the emulator with every kind of credential: a bearer
 * token, Basic credentials (right and refused), a secret-named header on the client and on one
 * request, a Paperspace secret over TLS (as an option and in the endpoint's query), and credentials in the endpoint's user-info. Every call
 * has its start and end line with the masked endpoint, and no secret shows in any message, parameter
 * or thrown exception of any record.
 */
class CallLoggingSecretsTest {
  private static final String BEARER = "bearer-t0ken-9f8e7d";
  private static final String API_KEY = "api-k3y-5c4b3a";
  private static final String CALL_KEY = "call-k3y-2a1b0c";
  private static final String BASIC_PASSWORD = "basic-pa55-6d5e4f";
  private static final String WRONG_PASSWORD = "wrong-pa55-3g2h1i";
  private static final String PAPERSPACE_SECRET = "paperspace-s3cret-7j6k5l";
  private static final String USERINFO_PASSWORD = "userinfo-pa55-8m7n6o";

  private static Emulator plain;
  private static Emulator paperspace;
  private static TestCertificates certificates;
  private static final Logger JUL = Logger.getLogger(Loggers.CLIENT); // held: j.u.l keeps loggers weakly
  private static final List<LogRecord> RECORDS = new CopyOnWriteArrayList<>();
  private static final Handler HANDLER = new Handler() {
    @Override
    public void publish(LogRecord r) {
      RECORDS.add(r);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private static Level before;

  @BeforeAll
  static void start() {
    before = JUL.getLevel();
    JUL.setLevel(Level.ALL);
    JUL.addHandler(HANDLER);
    plain = Emulator.builder().frontend(new TfServingRestFrontend()).build().start();
    certificates = TestCertificates.create();
    paperspace = Emulator.builder()
        .frontend(TfServingRestFrontend.builder().tls(certificates).basicAuth("paperspace", PAPERSPACE_SECRET).build())
        .build().start();
  }

  @AfterAll
  static void stop() {
    JUL.removeHandler(HANDLER);
    JUL.setLevel(before);
    plain.close();
    paperspace.close();
  }

  private static InferenceRequest.Builder addOne() {
    return InferenceRequest.builder(KitModels.ADD_ONE).input(Tensor.ofFloats("x", new float[] {1f}, 1));
  }

  private static void inferOk(String endpoint, ClientOptions options, InferenceRequest request) {
    try (InferenceClient client = InferenceClient.create(endpoint, options)) {
      assertArrayEquals(new float[] {2f}, client.infer(request).output("y").toFloatArray());
    }
  }

  @Test
  void everyCallIsLoggedWithItsMaskedEndpointAndNoSecretShowsAnywhere() {
    String http = plain.endpoint("tfserving+http");
    String withUserInfo = http.replace("://", "://alice:" + USERINFO_PASSWORD + "@");
    String tls = paperspace.endpoint("paperspace+https");
    List<Throwable> failures = new ArrayList<>();

    inferOk(http, ClientOptions.builder().bearerToken(BEARER).build(), addOne().build());
    inferOk(http, ClientOptions.builder().header("x-api-key", API_KEY).build(), addOne().header("X-Api-Key", CALL_KEY).build());
    inferOk(http, ClientOptions.builder().basicAuth("alice", BASIC_PASSWORD).build(), addOne().build());
    inferOk(withUserInfo, ClientOptions.builder().build(), addOne().build());
    inferOk(tls, trusting().option("paperspace-secret", PAPERSPACE_SECRET).build(), addOne().build());
    inferOk(tls + "?paperspace-secret=" + PAPERSPACE_SECRET, trusting().build(), addOne().build());
    try (InferenceClient refused = InferenceClient.create(paperspace.endpoint("tfserving+https"),
        trusting().basicAuth("paperspace", WRONG_PASSWORD).build())) {
      failures.add(assertThrows(AuthenticationException.class, () -> refused.infer(addOne().build())));
    }

    List<String> messages = RECORDS.stream().map(LogRecord::getMessage).toList();
    assertEquals(14, messages.size(), String.join("\n", messages));
    assertTrue(RECORDS.stream().allMatch(r -> r.getLevel() == Level.FINE), "every call line is at FINE");
    assertEquals(2, count(messages, "endpoint=" + http.replace("://", "://***@") + " "), "the user-info is masked");
    assertEquals(2, count(messages, "endpoint=" + tls + " "), "the Paperspace endpoint as given");
    assertEquals(2, count(messages, "endpoint=" + tls + "?paperspace-secret=*** "), "the secret in the query is masked");
    assertEquals(7, count(messages, " started"));
    assertEquals(6, count(messages, " ended OK in "));
    assertEquals(1, count(messages, " ended UNAUTHENTICATED (AuthenticationException) in "));
    assertTrue(messages.stream().allMatch(m -> m.startsWith("call #") && m.contains(" infer model=add_one provider=")),
        String.join("\n", messages));

    List<String> secrets = secrets();
    for (LogRecord r : RECORDS) {
      String shown = r.getMessage() + " " + Arrays.toString(r.getParameters());
      for (String secret : secrets) {
        assertTrue(!shown.contains(secret), "the secret '" + secret + "' shows in a log line: " + shown);
      }
      if (r.getThrown() != null) {
        SecretLeaks.assertNoneShown("a logged exception", r.getThrown(), secrets);
      }
    }
    for (Throwable failure : failures) {
      SecretLeaks.assertNoneShown("the refused call", failure, secrets);
    }
  }

  private static ClientOptions.Builder trusting() {
    return ClientOptions.builder().trustCertificatesPem(certificates.caCertificatePem());
  }

  private static long count(List<String> messages, String part) {
    return messages.stream().filter(m -> m.contains(part)).count();
  }

  /** Each secret in every form it goes out in: as given, and Base64 in a Basic header. */
  private static List<String> secrets() {
    List<String> out = new ArrayList<>(List.of(BEARER, API_KEY, CALL_KEY, BASIC_PASSWORD, WRONG_PASSWORD,
        PAPERSPACE_SECRET, USERINFO_PASSWORD));
    for (String pair : List.of("alice:" + BASIC_PASSWORD, "paperspace:" + WRONG_PASSWORD, "paperspace:" + PAPERSPACE_SECRET)) {
      out.add(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }
}
