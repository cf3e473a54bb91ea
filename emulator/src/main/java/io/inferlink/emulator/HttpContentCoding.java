package io.inferlink.emulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The emulator's content codings, as Triton and KServe's servers have them: a request body sent with
 * {@code Content-Encoding: gzip} is decompressed before any route sees it, under the same request cap
 * as a plain body (so a small compressed body cannot inflate past it), and an answer is gzip-compressed
 * when the request's {@code Accept-Encoding} allows gzip. Routes keep seeing the request's headers as
 * sent, {@code Content-Encoding} included, so the recorder shows what arrived on the wire. Stateless.
 */
final class HttpContentCoding {
  private HttpContentCoding() {}

  /**
   * The body a route should see.
   *
   * @throws Refused 415 for a coding other than gzip or identity, 400 for a body that is not gzip,
   *     413 when the decompressed body passes {@code maxBytes}
   */
  static byte[] decodeRequest(HttpRequestHead head, byte[] body, int maxBytes) throws Refused {
    String coding = head.header("content-encoding");
    if (coding == null || coding.isBlank() || coding.trim().equalsIgnoreCase("identity")) {
      return body;
    }
    if (!coding.trim().equalsIgnoreCase("gzip")) {
      throw new Refused(415, "unsupported Content-Encoding '" + coding.trim() + "': this server accepts gzip");
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, Math.max(64, body.length * 4)));
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        if (out.size() + (long) n > maxBytes) {
          throw new Refused(413, "request body larger than " + maxBytes + " bytes once decompressed");
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new Refused(400, "request body is not valid gzip: " + e.getMessage());
    }
  }

  /** The reply gzip-compressed when {@code acceptEncoding} allows gzip and there is a body to compress. */
  static HttpReply encodeReply(HttpReply reply, String acceptEncoding) {
    if (reply.body().length == 0 || !acceptsGzip(acceptEncoding)
        || reply.headers().keySet().stream().anyMatch(k -> k.equalsIgnoreCase("content-encoding"))) {
      return reply;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(reply.body().length / 2 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024)) {
      gzip.write(reply.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen in memory
    }
    return new HttpReply(reply.status(), reply.contentType(), out.toByteArray(), reply.headers())
        .withHeader("Content-Encoding", "gzip");
  }

  /** Whether gzip is listed without {@code q=0} (RFC 9110 section 12.5.3); a bare {@code *} counts too. */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.split(",")) {
      String[] pieces = part.trim().toLowerCase(Locale.ROOT).split(";");
      String coding = pieces[0].trim();
      if (!coding.equals("gzip") && !coding.equals("x-gzip") && !coding.equals("*")) {
        continue;
      }
      boolean refused = false;
      for (int i = 1; i < pieces.length; i++) {
        String p = pieces[i].replace(" ", "");
        refused |= p.matches("q=0(\\.0{0,3})?");
      }
      return !refused;
    }
    return false;
  }

  /** A request whose body cannot be used, answered with this status and an OIP-style {@code {"error": ...}} body. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    Refused(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }

    /** The answer: the status and {@code {"error": "<message>"}}, which every emulated protocol's clients read. */
    HttpReply reply() {
      return HttpReply.json(status, JsonNodeFactory.instance.objectNode().put("error", getMessage()).toString());
    }
  }
}
