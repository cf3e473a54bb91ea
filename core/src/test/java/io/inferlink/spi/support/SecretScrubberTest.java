package io.inferlink.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-call secrets: which values are known, how text and whole exception chains are scrubbed. */
class SecretScrubberTest {
  private static final String TOKEN = "tok-9f3a77c1";
  private static final String PASSWORD = "pw-51d0e2";
  private static final String API_KEY = "key-0b7c44aa";
  private static final String ROTATING = "rot-3e8d1f";

  @Test
  void everyFormOfTheCallsCredentialsIsMasked() {
    String basic = Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    ClientOptions options = ClientOptions.builder().header("X-Api-Key", API_KEY).header("X-Team", "blue")
        .headersSupplier(() -> Map.of("X-Session", ROTATING)).basicAuth("alice", PASSWORD).build();
    SecretScrubber s = SecretScrubber.forCall(options.requestHeaders(), options);
    String echoed = "denied: x-api-key: " + API_KEY + ", x-session: " + ROTATING + ", authorization: Basic " + basic
        + ", raw " + basic + ", decoded alice:" + PASSWORD + ", alone " + PASSWORD + ", x-team: blue, user alice";
    String clean = s.scrub(echoed);
    for (String secret : List.of(API_KEY, ROTATING, basic, PASSWORD)) {
      assertFalse(clean.contains(secret), secret + " in " + clean);
    }
    assertTrue(clean.contains("x-team: blue"), "a fixed header that is not secret stays: " + clean);
    assertTrue(clean.contains("alice"), "the user name alone is no secret: " + clean);
  }

  @Test
  void bearerTokenAloneAndJsonEscapedFormsAreMasked() {
    String token = TOKEN + "/x";
    ClientOptions options = ClientOptions.builder().bearerToken(token).build();
    SecretScrubber s = SecretScrubber.forCall(options.requestHeaders(), options);
    assertEquals("sent " + Redaction.MASK + ", twice: " + Redaction.MASK, s.scrub("sent " + token + ", twice: " + token));
    assertEquals("{\"t\":\"" + Redaction.MASK + "\"}", s.scrub("{\"t\":\"" + TOKEN + "\\/x\"}"));
  }

  @Test
  void shortValuesAreMaskedOnlyAsWholeWords() {
    SecretScrubber s = SecretScrubber.of(List.of("ab1"));
    assertEquals("key " + Redaction.MASK + ", cab12 stays", s.scrub("key ab1, cab12 stays"));
  }

  @Test
  void optionsSecretsAndEndpointUserInfoAreKnown() {
    ClientOptions options = ClientOptions.builder().endpoint("kserve-v2+http://bob:" + PASSWORD + "@h:1")
        .option("api-token", TOKEN).option("region", "eu").build();
    SecretScrubber s = SecretScrubber.forOptions(options);
    String clean = s.scrub("a " + TOKEN + " b " + PASSWORD + " c eu");
    assertEquals("a " + Redaction.MASK + " b " + Redaction.MASK + " c eu", clean);
  }

  @Test
  void aCleanChainIsReturnedAsIs() {
    IOException e = new IOException("connection reset");
    assertSame(e, SecretScrubber.of(List.of(API_KEY)).scrub(e));
  }

  @Test
  void causesAndSuppressedAreScrubbedKeepingClassNamesAndStackTraces() {
    SecretScrubber s = SecretScrubber.of(List.of(API_KEY));
    IOException root = new IOException("server said x-api-key=" + API_KEY);
    IllegalStateException middle = new IllegalStateException("wrapped", root);
    middle.addSuppressed(new RuntimeException("also " + API_KEY));
    InferenceException top = new InferenceException(ErrorCode.INTERNAL, "call failed", middle);

    Throwable clean = s.scrub(top);
    StringWriter trace = new StringWriter();
    clean.printStackTrace(new PrintWriter(trace));
    assertFalse(trace.toString().contains(API_KEY), trace.toString());
    assertTrue(trace.toString().contains("java.lang.IllegalStateException: wrapped"), trace.toString());
    assertTrue(trace.toString().contains("java.io.IOException: server said x-api-key=" + Redaction.MASK), trace.toString());
    assertTrue(trace.toString().contains("Suppressed: java.lang.RuntimeException: also " + Redaction.MASK), trace.toString());
    assertEquals(root.getStackTrace()[0], clean.getCause().getCause().getStackTrace()[0]);
  }

  @Test
  void aCopierKeepsTheClassOfTypesItKnows() {
    SecretScrubber s = SecretScrubber.of(List.of(API_KEY));
    IOException root = new IOException("echo " + API_KEY);
    Throwable clean = s.scrub(root, (original, cause, scrubber) ->
        original instanceof IOException ? new IOException(scrubber.scrub(original.getMessage()), cause) : null);
    assertInstanceOf(IOException.class, clean);
    assertEquals("echo " + Redaction.MASK, clean.getMessage());
    assertNull(clean.getCause());
  }

  @Test
  void aCauseCycleEnds() {
    SecretScrubber s = SecretScrubber.of(List.of(API_KEY));
    RuntimeException a = new RuntimeException("a " + API_KEY);
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    Throwable clean = s.scrub(b);
    assertFalse(String.valueOf(clean.getCause()).contains(API_KEY));
  }

  @Test
  void headersTheSupplierDidNotChangeAreFixedOnesAndStayVisible() {
    Map<String, String> fixed = new LinkedHashMap<>();
    fixed.put("X-Team", "blue");
    ClientOptions options = ClientOptions.builder().headers(fixed).build();
    SecretScrubber s = SecretScrubber.forCall(options.requestHeaders(), options);
    assertEquals("x-team: blue", s.scrub("x-team: blue"));
  }
}
