package io.inferlink.transport.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The transport's one content coding, gzip: compressing a request body once it is built, and
 * decompressing an answer under the message cap. Stateless and thread-safe.
 *
 * <p>A request is compressed whole, after the backend built it, so headers that describe the body's
 * layout (OIP's {@code Inference-Header-Content-Length}) keep counting the uncompressed bytes, which is
 * what Triton's and KServe's servers read after they decompress. An answer is inflated into chunks that
 * never together pass the cap: a small "gzip bomb" fails at the cap, with at most the cap held.
 */
final class GzipCoding {
  /** The coding's name in {@code Content-Encoding} and {@code Accept-Encoding}. */
  static final String GZIP = "gzip";

  private static final int FIRST_CHUNK = 16 * 1024;
  private static final int MAX_CHUNK = 4 * 1024 * 1024;
  private static final int MAX_FIRST_CHUNK = 64 * 1024 * 1024;

  private GzipCoding() {}

  /**
   * The body gzip-compressed into new chunks that never copy to grow ({@link ChunkedOutput}): the
   * compressed bytes are what this path allocates per request, and nothing of the body's own size
   * besides. Level 1: the caller's thread pays for it on every call, and tensors gain little from
   * harder work.
   */
  static RequestBody compress(RequestBody body) {
    ChunkedOutput out = new ChunkedOutput();
    try (OutputStream gzip = new FastGzip(out)) {
      // The body keeps read-only views, which hide their arrays: stream them through a small buffer
      // (a memory copy costs little next to deflating the same bytes).
      byte[] staging = new byte[(int) Math.min(64 * 1024, Math.max(1, body.length()))];
      for (ByteBuffer b : body.freshBuffers()) {
        while (b.hasRemaining()) {
          int n = Math.min(staging.length, b.remaining());
          b.get(staging, 0, n);
          gzip.write(staging, 0, n);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen: all in memory
    }
    return out.toRequestBody();
  }

  /**
   * The answer as its readers need it: as it came, or inflated when its {@code Content-Encoding} is
   * gzip (whether or not this client asked: without {@code Accept-Encoding} a server may pick any coding,
   * RFC 9110 section 12.5.3), then without {@code Content-Encoding} and {@code Content-Length}, which
   * described the wire.
   *
   * @throws BodyTooLargeException when the inflated body passes {@code limit}
   * @throws CorruptBodyException for a body that is not valid gzip or a coding other than gzip
   */
  static HttpResult decodeAnswer(HttpResult answer, long limit) throws BodyTooLargeException, CorruptBodyException {
    if (!isGzip(answer.header("content-encoding").orElse(null))) {
      return answer;
    }
    ByteChunks inflated = decompress(answer.body(), limit);
    Map<String, List<String>> headers = new LinkedHashMap<>(answer.headers());
    headers.remove("content-encoding");
    headers.remove("content-length");
    return HttpResult.of(answer.status(), headers, inflated);
  }

  /**
   * Whether an answer with this {@code Content-Encoding} needs {@link #decompress}; identity (or none)
   * does not.
   *
   * @throws CorruptBodyException for a coding this client does not decode
   */
  static boolean isGzip(String contentEncoding) throws CorruptBodyException {
    if (contentEncoding == null) {
      return false;
    }
    String coding = contentEncoding.trim().toLowerCase(Locale.ROOT);
    if (coding.isEmpty() || coding.equals("identity")) {
      return false;
    }
    if (coding.equals(GZIP) || coding.equals("x-gzip")) {
      return true;
    }
    throw new CorruptBodyException("the answer has Content-Encoding '" + contentEncoding.trim()
        + "', which this client does not decode (it asks for gzip only)");
  }

  /**
   * The decompressed body, refused once it passes {@code limit} bytes.
   *
   * @throws BodyTooLargeException past the limit
   * @throws CorruptBodyException when the body is not whole, valid gzip
   */
  static ByteChunks decompress(ByteChunks body, long limit) throws BodyTooLargeException, CorruptBodyException {
    if (body.size() == 0) {
      return body;
    }
    List<ByteBuffer> out = new ArrayList<>();
    long produced = 0;
    byte[] chunk = new byte[(int) Math.max(1, Math.min(limit, firstChunk(body)))];
    int at = 0;
    try (InputStream in = new GZIPInputStream(body.newInputStream(), 64 * 1024)) {
      while (true) {
        if (at == chunk.length) {
          out.add(ByteBuffer.wrap(chunk));
          if (produced == limit) {
            if (in.read() >= 0) {
              throw new BodyTooLargeException(limit + 1, limit, true);
            }
            chunk = null;
            break;
          }
          chunk = new byte[(int) Math.min(Math.min(Math.max(FIRST_CHUNK, chunk.length * 2L), MAX_CHUNK), limit - produced)];
          at = 0;
        }
        int n = in.read(chunk, at, chunk.length - at);
        if (n < 0) {
          break;
        }
        at += n;
        produced += n;
      }
    } catch (BodyTooLargeException e) {
      throw e;
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new CorruptBodyException("the answer says Content-Encoding: gzip but its body is not valid gzip ("
          + why + ")");
    }
    if (chunk != null && at > 0) {
      out.add(ByteBuffer.wrap(chunk, 0, at));
    }
    return ByteChunks.of(out);
  }

  /**
   * The first chunk's size from gzip's trailer, which states the uncompressed size (modulo 4 GiB), so
   * that an honest answer inflates into one chunk whose tensors the readers can view without a copy;
   * a lying trailer only costs growth in further chunks, never more than the cap.
   */
  private static long firstChunk(ByteChunks body) {
    if (body.size() < 18) {
      return FIRST_CHUNK;
    }
    long stated = body.slice(body.size() - 4, 4).getInt() & 0xffffffffL;
    return Math.max(FIRST_CHUNK, Math.min(stated, MAX_FIRST_CHUNK));
  }

  /** GZIPOutputStream at the fastest level. */
  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(OutputStream out) throws IOException {
      super(out, 64 * 1024);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }
}
