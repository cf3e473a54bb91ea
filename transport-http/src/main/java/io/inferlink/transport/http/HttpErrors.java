package io.inferlink.transport.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.inferlink.InferenceException;
import io.inferlink.spi.HttpStatusTable;
import io.inferlink.spi.JsonLimits;
import java.io.IOException;
import java.io.InputStream;

/**
 * The one place that turns a non-2xx {@link HttpResult} into an exception, with the server's own
 * words: {@code {"error": ...}} (TF Serving, KServe V2, Triton), {@code {"detail": ...}} (FastAPI
 * servers: KServe V1, MLServer), or the body as text (proxies, libevent's HTML pages). Stateless and
 * thread-safe; never throws on a malformed or huge body.
 */
public final class HttpErrors {
  private static final int MAX_CHARS = InferenceException.MAX_SERVER_MESSAGE_CHARS;
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
   * object (a string as is, anything else as compact JSON), else the body as UTF-8 text; trimmed, at
   * most 2048 characters, {@code ""} for an empty body.
   */
  public static String serverMessage(HttpResult result) {
    ByteChunks body = result.body();
    if (body.size() == 0) {
      return "";
    }
    String fromJson = null;
    if (startsWithBrace(body)) {
      try {
        fromJson = fromJsonObject(body);
      } catch (IOException | RuntimeException e) {
        fromJson = null; // not JSON after all, or cut short: show the text
      }
    }
    return cap(fromJson != null ? fromJson : body.toUtf8(2 * MAX_CHARS));
  }

  /** The exception for a non-2xx answer, by {@link HttpStatusTable}, carrying {@link #serverMessage}. */
  public static InferenceException toException(HttpResult result, String provider) {
    return HttpStatusTable.toException(result.status(), serverMessage(result), provider);
  }

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
  private static String fromJsonObject(ByteChunks body) throws IOException {
    try (JsonParser p = JSON.createParser(body.newInputStream())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ((name.equals("error") || name.equals("detail")) && value != JsonToken.VALUE_NULL) {
          if (value == JsonToken.VALUE_STRING) {
            // Only the head of a huge string is turned into a String.
            return new String(p.getTextCharacters(), p.getTextOffset(), Math.min(p.getTextLength(), 2 * MAX_CHARS));
          }
          return compactJson(p);
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

  private static String cap(String s) {
    String t = s.strip();
    return t.length() <= MAX_CHARS ? t : t.substring(0, MAX_CHARS - 3) + "...";
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
