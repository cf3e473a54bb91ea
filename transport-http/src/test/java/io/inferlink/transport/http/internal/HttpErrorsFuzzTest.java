package io.inferlink.transport.http.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.InferenceException;
import io.inferlink.fuzz.DecoderEscapes;
import io.inferlink.fuzz.Mutations;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The error-body reader on mutated and random bodies: for any status and body it returns the
 * exception of the status, with a message of at most {@link InferenceException#MAX_SERVER_MESSAGE_CHARS}
 * characters, and throws nothing itself. Seeds are the error bodies of TF Serving, KServe, Triton,
 * MLServer (FastAPI), OVMS and proxies.
 */
class HttpErrorsFuzzTest {
  private static final List<byte[]> SEEDS = List.of(
      utf8("{ \"error\": \"Servable not found for request: Latest(half_plus_two)\" }"),
      utf8("{\"error\":\"Request for unknown model: 'simple' is not found\"}"),
      utf8("{\"detail\":\"Not Found\"}"),
      utf8("{\"detail\":[{\"loc\":[\"body\",\"inputs\",0,\"shape\"],\"msg\":\"field required\",\"type\":\"value_error.missing\"}]}"),
      utf8("{\"error\": \"Model with requested version is not loaded\", \"code\": 404}"),
      utf8("{\"outputs\": {\"error\": \"nested\"}, \"error\": {\"message\": \"object\", \"list\": [1, 2, NaN]}}"),
      utf8("<HTML><HEAD>\n<TITLE>404 Not Found</TITLE>\n</HEAD><BODY>\n<H1>Not Found</H1>\n</BODY></HTML>\n"),
      utf8("upstream connect error or disconnect/reset before headers. reset reason: connection failure"),
      utf8("\uFEFF  {\"error\": \"after a byte order mark\"}"),
      utf8("{\"error\": \"" + "x".repeat(5000) + "\"}"),
      new byte[0]);

  @Provide
  Arbitrary<byte[]> bodies() {
    return Mutations.json(SEEDS, List.of("error", "detail", "message", "code", "loc", "msg"));
  }

  @Property
  void everyBodyBecomesTheExceptionOfItsStatus(@ForAll("bodies") byte[] body, @ForAll @IntRange(min = 100, max = 599) int status,
      @ForAll long chunking) {
    HttpResult result = HttpResult.of(status, Map.of("Content-Type", List.of("application/json")),
        ByteChunks.of(Mutations.chunks(body, new Random(chunking))));
    InferenceException e;
    try {
      e = HttpErrors.toException(result, "fuzz");
    } catch (Throwable t) {
      throw new AssertionError("HttpErrors.toException threw for " + DecoderEscapes.describe(body), t);
    }
    assertTrue(e.serverMessage().length() <= InferenceException.MAX_SERVER_MESSAGE_CHARS, e::serverMessage);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
