package io.inferlink.transport.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.InvalidRequestException;
import io.inferlink.ModelNotFoundException;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.ServerException;
import io.inferlink.UnavailableException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpErrorsTest {
  private static HttpResult result(int status, String contentType, String body) {
    return HttpResult.of(status, Map.of("Content-Type", List.of(contentType)),
        ByteChunks.ofBytes(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void tfServingErrorFieldBecomesModelNotFound() {
    HttpResult r = result(404, "application/json", "{ \"error\": \"Servable not found for request: Latest(x)\" }");
    InferenceException e = HttpErrors.toException(r, "tfserving-rest");
    assertInstanceOf(ModelNotFoundException.class, e);
    assertEquals("Servable not found for request: Latest(x)", e.serverMessage());
    assertEquals(404, e.httpStatus());
    assertEquals("tfserving-rest", e.provider());
    assertTrue(e.getMessage().contains("Servable not found for request: Latest(x)"), e.getMessage());
  }

  @Test
  void libeventHtmlPageIsShownAsTextAndMeansTheEndpointIsWrong() {
    String html = "<HTML><HEAD>\n<TITLE>404 Not Found</TITLE>\n</HEAD><BODY>\n<H1>Not Found</H1>\n</BODY></HTML>\n";
    HttpResult r = result(404, "text/html", html);
    assertEquals(html.strip(), HttpErrors.serverMessage(r));
    InferenceException e = HttpErrors.toException(r, "p");
    assertInstanceOf(ProviderConfigurationException.class, e);
    assertEquals(ErrorCode.FAILED_PRECONDITION, e.code());
    assertEquals(404, e.httpStatus());
    assertFalse(e.isRetryable());
    assertTrue(e.getMessage().startsWith("the server answered HTTP 404 with an HTML page, not a JSON error of the"
        + " protocol: is the endpoint's base path (or port) right?"), e.getMessage());
  }

  @Test
  void a404WithoutTheProtocolsJsonErrorMeansTheEndpointIsWrong() {
    assertWrongEndpoint("plain text", result(404, "text/plain", "no route for /x"));
    assertWrongEndpoint("an empty body", result(404, "", ""));
    assertWrongEndpoint("{\"detail\": \"Not Found\"}", result(404, "application/json", "{\"detail\":\"Not Found\"}"));
    assertWrongEndpoint("{\"error\": \"Not Found\"}", result(404, "text/plain", "{\"error\":\"Not Found\"}"));
    assertWrongEndpoint("JSON without an error message", result(404, "application/json", "{\"code\":5}"));
    assertWrongEndpoint("an HTML page", result(404, "text/plain", "  <!doctype html><p>gone</p>"));
  }

  @Test
  void a404WithTheProtocolsJsonErrorIsAMissingModel() {
    assertInstanceOf(ModelNotFoundException.class,
        HttpErrors.toException(result(404, "application/json", "{\"error\":\"Model with name m does not exist.\"}"), "p"));
    assertInstanceOf(ModelNotFoundException.class,
        HttpErrors.toException(result(404, "application/json", "{\"detail\":\"Model m is not found\"}"), "p"));
    assertInstanceOf(ModelNotFoundException.class, HttpErrors.toException(
        result(404, "application/json", "{\"error\":{\"message\":\"The model `m` does not exist\"}}"), "p"));
    assertNull(HttpErrors.wrongEndpoint(result(400, "text/html", "<html>bad</html>"), "p"));
  }

  private static void assertWrongEndpoint(String described, HttpResult r) {
    InferenceException e = HttpErrors.toException(r, "p");
    assertInstanceOf(ProviderConfigurationException.class, e, described);
    assertTrue(e.getMessage().startsWith("the server answered HTTP 404 with " + described), e.getMessage());
  }

  @Test
  void detailFieldStringOrJson() {
    assertEquals("Not Found", HttpErrors.serverMessage(result(404, "application/json", "{\"detail\":\"Not Found\"}")));
    String validation = "{\"detail\":[{\"loc\":[\"body\",\"inputs\"],\"msg\":\"field required\"}]}";
    assertEquals("[{\"loc\":[\"body\",\"inputs\"],\"msg\":\"field required\"}]",
        HttpErrors.serverMessage(result(422, "application/json", validation)));
    assertInstanceOf(InvalidRequestException.class, HttpErrors.toException(result(422, "application/json", validation), "p"));
  }

  @Test
  void firstTopLevelFieldWinsAndNestedOnesAreSkipped() {
    String body = "{\"outputs\":{\"error\":\"nested, not this\"},\"model\":\"m\",\"error\":\"this one\",\"detail\":\"not this\"}";
    assertEquals("this one", HttpErrors.serverMessage(result(500, "application/json", body)));
    assertEquals("x", HttpErrors.serverMessage(result(500, "application/json", "{\"error\":null,\"detail\":\"x\"}")));
  }

  @Test
  void emptyBody503IsUnavailable() {
    HttpResult r = result(503, "", "");
    assertEquals("", HttpErrors.serverMessage(r));
    InferenceException e = HttpErrors.toException(r, "p");
    assertInstanceOf(UnavailableException.class, e);
    assertTrue(e.isRetryable());
  }

  @Test
  void truncatedOrOddJsonFallsBackToText() {
    assertEquals("{\"error\": \"abc", HttpErrors.serverMessage(result(500, "application/json", "{\"error\": \"abc")));
    assertEquals("{\"code\":3}", HttpErrors.serverMessage(result(400, "application/json", "  {\"code\":3}  ")));
    assertEquals("[1,2]", HttpErrors.serverMessage(result(400, "application/json", "[1,2]")));
    assertEquals("NaN", HttpErrors.serverMessage(result(400, "application/json", "{\"error\": NaN}")));
    assertEquals("{\"message\":\"m\",\"code\":3}",
        HttpErrors.serverMessage(result(400, "application/json", "{\"error\": {\"message\": \"m\", \"code\": 3}}")));
    assertEquals("{", HttpErrors.serverMessage(result(400, "application/json", "{")));
    String deep = "{\"a\":" + "[".repeat(10_000);
    assertEquals(2048, HttpErrors.serverMessage(result(400, "application/json", deep)).length());
    assertInstanceOf(ServerException.class, HttpErrors.toException(result(500, "application/json", "{\"error\": \"abc"), "p"));
  }

  @Test
  void hugeErrorBodyIsTruncatedWithoutFailing() {
    String huge = "{\"error\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";
    String m = HttpErrors.serverMessage(result(500, "application/json", huge));
    assertEquals(2048, m.length());
    assertTrue(m.startsWith("xxxx") && m.contains("\n[...]\n") && m.endsWith("xxxx"), m.substring(0, 10));
    InferenceException e = HttpErrors.toException(result(500, "application/json", huge), "p");
    assertTrue(e.getMessage().length() < 3000, "message of " + e.getMessage().length() + " chars");

    String hugeText = "y".repeat(5 * 1024 * 1024);
    assertEquals(2048, HttpErrors.serverMessage(result(502, "text/plain", hugeText)).length());
  }

  /** MLServer (debug, its default) and other Starlette servers answer a model's exception with the traceback as text. */
  @Test
  void aLongTracebackKeepsItsLastLineWhichNamesTheError() {
    StringBuilder traceback = new StringBuilder("Traceback (most recent call last):\n");
    for (int frame = 0; frame < 80; frame++) {
      traceback.append("  File \"/venv/lib/python3.11/site-packages/starlette/routing.py\", line ").append(frame)
          .append(", in app\n    await route.handle(scope, receive, send)\n");
    }
    String error = "ValueError: X has 3 features, but LogisticRegression is expecting 4 features as input.";
    traceback.append(error).append('\n');
    assertTrue(traceback.length() > 4 * 2048, "a traceback longer than what is decoded whole: " + traceback.length());

    String m = HttpErrors.serverMessage(result(500, "text/plain; charset=utf-8", traceback.toString()));
    assertTrue(m.length() <= 2048, "at most 2048 characters: " + m.length());
    assertTrue(m.startsWith("Traceback (most recent call last):"), m);
    assertTrue(m.endsWith(error), m);
    assertTrue(m.contains("\n[...]\n"), m);
    InferenceException e = HttpErrors.toException(result(500, "text/plain", traceback.toString()), "p");
    assertInstanceOf(ServerException.class, e);
    assertTrue(e.serverMessage().endsWith(error) && e.getMessage().contains(error), e.getMessage());

    String shortBody = traceback.substring(traceback.length() - 3000); // decoded whole, then cut in the middle
    assertTrue(HttpErrors.serverMessage(result(500, "text/plain", shortBody)).endsWith(error));
    String json = "{\"error\": \"" + traceback.toString().replace("\"", "'").replace("\n", "\\n") + "\"}";
    assertTrue(HttpErrors.serverMessage(result(500, "application/json", json)).endsWith(error));
  }

  @Test
  void theTailOfALongBodyStartsOnACharacterBoundary() {
    String body = "é".repeat(10_000) + " the end";
    String m = HttpErrors.serverMessage(result(500, "text/plain", body));
    assertTrue(m.endsWith("é the end") && !m.contains("\uFFFD"), m.substring(m.length() - 20));
    String emoji = "\uD83D\uDE00".repeat(5000);
    String e = HttpErrors.serverMessage(result(500, "text/plain", emoji));
    assertTrue(!e.contains("\uFFFD") && e.startsWith("\uD83D\uDE00") && e.endsWith("\uD83D\uDE00"), e.substring(0, 4));
    assertTrue(e.length() <= 2048, "length " + e.length());
  }

  @Test
  void bodySplitAcrossChunksIsParsed() {
    byte[] b = "{\"error\":\"split across chunks\"}".getBytes(StandardCharsets.UTF_8);
    List<ByteBuffer> chunks = new ArrayList<>();
    for (byte x : b) {
      chunks.add(ByteBuffer.wrap(new byte[] {x}));
    }
    HttpResult r = HttpResult.of(400, Map.of(), ByteChunks.of(chunks));
    assertEquals("split across chunks", HttpErrors.serverMessage(r));
  }

  @Test
  void credentialsInServerTextAreRedacted() {
    InferenceException e = HttpErrors.toException(
        result(401, "application/json", "{\"error\":\"bad header Authorization: Bearer abc.def.ghi\"}"), "p");
    assertTrue(!e.getMessage().contains("abc.def.ghi"), e.getMessage());
  }
}
