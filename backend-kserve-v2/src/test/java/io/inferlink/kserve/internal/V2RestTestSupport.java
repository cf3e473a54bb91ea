package io.inferlink.kserve.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.inferlink.transport.http.internal.ByteChunks;
import io.inferlink.transport.http.internal.HttpResult;
import io.inferlink.transport.http.internal.RequestBody;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Helpers for the V2 REST codec tests: body bytes, token-by-token JSON comparison, an echo server. */
final class V2RestTestSupport {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private V2RestTestSupport() {}

  /** The body's buffers as the transport would send them (the accessor is package-private there). */
  static ByteBuffer[] buffers(RequestBody body) {
    try {
      Method m = RequestBody.class.getDeclaredMethod("freshBuffers");
      m.setAccessible(true);
      return (ByteBuffer[]) m.invoke(body);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  static byte[] bytes(RequestBody body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ByteBuffer b : buffers(body)) {
      byte[] a = new byte[b.remaining()];
      b.get(a);
      out.writeBytes(a);
    }
    return out.toByteArray();
  }

  static String header(V2RestEncodedRequest r) {
    return new String(bytes(r.body()), 0, (int) r.headerLength(), StandardCharsets.UTF_8);
  }

  /** Compares two JSON texts token by token (type and text), so field order and number spelling count. */
  static void assertSameJson(String expected, String actual) {
    assertEquals(tokens(expected), tokens(actual), () -> "expected " + expected + "\nbut got  " + actual);
  }

  static List<String> tokens(String json) {
    List<String> out = new ArrayList<>();
    try (JsonParser p = JSON.createParser(json)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        out.add(t + ":" + p.getText());
      }
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
    return out;
  }

  /** A body and its JSON header length, as a server sends them. */
  record Answer(ByteChunks body, long headerLength) {
    HttpResult asHttp(String contentType) {
      return HttpResult.of(200, Map.of("Content-Type", List.of(contentType),
          "Inference-Header-Content-Length", List.of(Long.toString(headerLength))), body);
    }
  }

  /**
   * What an echo model answers: each input becomes an output verbatim (name, shape, datatype,
   * parameters with binary_data_size, data), and the binary blobs come back in the same order.
   */
  static Answer echo(V2RestEncodedRequest request) throws IOException {
    byte[] all = bytes(request.body());
    int h = (int) request.headerLength();
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    try (JsonParser p = JSON.createParser(all, 0, h); JsonGenerator g = JSON.createGenerator(json)) {
      g.writeStartObject();
      g.writeStringField("model_name", "echo");
      g.writeStringField("model_version", "1");
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        p.nextToken();
        if (f.equals("id")) {
          g.writeStringField("id", p.getText());
        } else if (f.equals("inputs")) {
          g.writeFieldName("outputs");
          g.copyCurrentStructure(p);
        } else {
          p.skipChildren();
        }
      }
      g.writeEndObject();
    }
    byte[] header = json.toByteArray();
    byte[] body = new byte[header.length + all.length - h];
    System.arraycopy(header, 0, body, 0, header.length);
    System.arraycopy(all, h, body, header.length, all.length - h);
    return new Answer(ByteChunks.ofBytes(body), header.length);
  }

  /** A body made of a JSON header and blobs, each in its own chunk. */
  static Answer answer(String json, byte[]... blobs) {
    List<ByteBuffer> chunks = new ArrayList<>();
    byte[] h = json.getBytes(StandardCharsets.UTF_8);
    chunks.add(ByteBuffer.wrap(h));
    Arrays.stream(blobs).map(ByteBuffer::wrap).forEach(chunks::add);
    return new Answer(ByteChunks.of(chunks), h.length);
  }
}
