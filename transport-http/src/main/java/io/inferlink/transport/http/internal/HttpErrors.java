package io.inferlink.transport.http.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.inferlink.InferenceException;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.spi.support.JsonLimits;
import io.inferlink.spi.support.HttpStatusTable;
import io.inferlink.spi.support.RetryAfter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The one place that turns a non-2xx {@link HttpResult} into an exception, with the server's own
 * words: {@code {"error": ...}} (TF Serving, KServe V2, Triton), {@code {"detail": ...}} (FastAPI
 * servers: KServe V1, MLServer), or the body as text (proxies, libevent's HTML pages, the Python
 * tracebacks of Starlette servers in debug mode, MLServer's default), scrubbed of the secrets the
 * call sent. A message too long to keep loses its middle, not its end: a traceback names the error
 * on its last line. A 404 that is no model server's JSON error says the URL is wrong, not the model
 * ({@link #wrongEndpoint}). A {@code Retry-After} header becomes the exception's
 * {@link InferenceException#retryAfter()} ({@link #retryAfter}). Stateless and thread-safe; never throws on a malformed or huge body.
 */
public final class HttpErrors {
  private static final int MAX_CHARS = InferenceException.MAX_SERVER_MESSAGE_CHARS;
  private static final String ELIDED = "\n[...]\n";
  /**
   * The whole message of a server's answer for a path it has no route for: FastAPI's (KServe,
   * MLServer) {@code {"detail": "Not Found"}}, Triton's {@code {"error": "Not Found"}}. A missing
   * model's message names the model.
   */
  private static final String NO_ROUTE = "Not Found";
  // Limits keep a hostile body from costing more than a pass over its bytes.
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(JsonLimits.MAX_NESTING_DEPTH)
          .maxStringLength(16 * 1024 * 1024)
          .build())
      .build();

  private HttpErrors() {}

  /**
   * What the server said: the first top-level {@code "error"} or {@code "detail"} field of a JSON
   * object (a string as is, anything else as compact JSON), else the body as UTF-8 text; with the
   * call's secrets ({@link HttpResult#secrets()}) masked, trimmed, at most 2048 characters (a longer
   * text keeps its start and its end around {@code [...]}), {@code ""} for an empty body.
   */
  public static String serverMessage(HttpResult result) {
    ByteChunks body = result.body();
    if (body.size() == 0) {
      return "";
    }
    MessageField field = messageField(body);
    // Scrubbed before it is cut, so a cut never leaves the start of a secret behind.
    return cap(result.secrets().scrub(field != null ? field.text : text(body)));
  }

  /**
   * The exception for a non-2xx answer: {@link #wrongEndpoint} for a 404 that no model server wrote,
   * else the one {@link HttpStatusTable} chooses, carrying {@link #serverMessage}.
   */
  public static InferenceException toException(HttpResult result, String provider) {
    InferenceException wrong = wrongEndpoint(result, provider);
    return wrong != null ? wrong
        : HttpStatusTable.toException(result.status(), serverMessage(result), provider, retryAfter(result));
  }

  /**
   * What the answer's {@code Retry-After} header asks (seconds or an HTTP-date, whatever the status: 429 and 503
   * carry it most), or {@code null} when there is none or it cannot be read; for error readers of a protocol's
   * own that build their exception with {@link HttpStatusTable}.
   */
  public static RetryAfter retryAfter(HttpResult result) {
    return result.header("retry-after").flatMap(RetryAfter::fromHttpHeader).orElse(null);
  }

  /**
   * For a 404 whose body is not a model server's JSON error (an HTML page such as TF Serving's
   * libevent one, plain text, an empty body, JSON without an error, or a bare {@code "Not Found"}
   * from FastAPI or Triton), {@link HttpStatusTable#wrongEndpoint}'s exception naming the URL: a
   * missing model is answered with the protocol's own JSON error. {@code null} for any other answer.
   */
  public static ProviderConfigurationException wrongEndpoint(HttpResult result, String provider) {
    if (result.status() != 404) {
      return null;
    }
    MessageField field = messageField(result.body());
    if (field != null && !field.text.equals(NO_ROUTE)) {
      return null;
    }
    return HttpStatusTable.wrongEndpoint(result.url(), describeBody(result, field), serverMessage(result), provider);
  }

  private static String describeBody(HttpResult result, MessageField field) {
    ByteChunks body = result.body();
    if (body.size() == 0) {
      return "an empty body";
    }
    if (field != null) {
      return "{\"" + field.name + "\": \"" + NO_ROUTE + "\"} (a server's answer for a path without a route)";
    }
    if (result.contentType().toLowerCase(java.util.Locale.ROOT).contains("html")
        || body.toUtf8(64).stripLeading().startsWith("<")) {
      return "an HTML page";
    }
    return startsWithBrace(body) ? "JSON without an error message" : "plain text";
  }

  /** The message field of a JSON object body, or null when the body is no such object or has none. */
  private static MessageField messageField(ByteChunks body) {
    if (body.size() == 0 || !startsWithBrace(body)) {
      return null;
    }
    try {
      return fromJsonObject(body);
    } catch (IOException | RuntimeException e) {
      return null; // not JSON after all, or cut short: show the text
    }
  }

  /** The first top-level {@code error} or {@code detail} field: its name and text. */
  private record MessageField(String name, String text) {}

  private static boolean startsWithBrace(ByteChunks body) {
    try (InputStream in = body.newInputStream()) {
      for (int i = 0; i < 4096; i++) {
        int c = in.read();
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != 0xEF && c != 0xBB && c != 0xBF) {
          return c == '{';
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /** The message field, or null when the object has none. */
  private static MessageField fromJsonObject(ByteChunks body) throws IOException {
    try (JsonParser p = JSON.createParser(body.newInputStream())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ((name.equals("error") || name.equals("detail")) && value != JsonToken.VALUE_NULL) {
          if (value == JsonToken.VALUE_STRING) {
            // Only the head and the tail of a huge string are turned into a String.
            char[] text = p.getTextCharacters();
            int offset = p.getTextOffset();
            int length = p.getTextLength();
            if (length <= 2 * MAX_CHARS) {
              return new MessageField(name, new String(text, offset, length));
            }
            return new MessageField(name, new String(text, offset, MAX_CHARS) + ELIDED
                + new String(text, offset + length - MAX_CHARS, MAX_CHARS));
          }
          return new MessageField(name, compactJson(p));
        }
        p.skipChildren();
      }
      return null;
    }
  }

  private static String compactJson(JsonParser p) throws IOException {
    CappedWriter out = new CappedWriter(2 * MAX_CHARS);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.copyCurrentStructure(p);
    }
    return out.toString();
  }

  /** The body as UTF-8 text; of a large body only the start and the end are decoded. */
  private static String text(ByteChunks body) {
    if (body.size() <= 4L * MAX_CHARS) {
      return body.toUtf8(4 * MAX_CHARS);
    }
    int tailBytes = 2 * MAX_CHARS;
    ByteBuffer tail = body.slice(body.size() - tailBytes, tailBytes);
    // start the tail on a character: skip the continuation bytes (10xxxxxx) of one cut in two
    for (int i = 0; i < 3 && tail.hasRemaining() && (tail.get(tail.position()) & 0xC0) == 0x80; i++) {
      tail.get();
    }
    return body.toUtf8(2 * MAX_CHARS) + ELIDED + StandardCharsets.UTF_8.decode(tail);
  }

  /** At most MAX_CHARS: the start and the end of a longer text, its middle replaced by {@code [...]}. */
  private static String cap(String s) {
    String t = s.strip();
    if (t.length() <= MAX_CHARS) {
      return t;
    }
    int head = (MAX_CHARS - ELIDED.length()) / 2;
    int tailStart = t.length() - (MAX_CHARS - ELIDED.length() - head);
    if (Character.isLowSurrogate(t.charAt(head))) {
      head--; // do not split a surrogate pair
    }
    if (Character.isLowSurrogate(t.charAt(tailStart))) {
      tailStart++;
    }
    return t.substring(0, head) + ELIDED + t.substring(tailStart);
  }

  /** Keeps the first characters written and drops the rest. */
  private static final class CappedWriter extends java.io.Writer {
    private final StringBuilder sb = new StringBuilder();
    private final int max;

    CappedWriter(int max) {
      this.max = max;
    }

    @Override
    public void write(char[] buf, int off, int len) {
      int n = Math.min(len, max - sb.length());
      if (n > 0) {
        sb.append(buf, off, n);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return sb.toString();
    }
  }
}
