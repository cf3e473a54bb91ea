package io.inferlink.benchmarks.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The HTTP echo server's gzip: inflating a compressed request body and compressing an answer (zlib's
 * default level, as servers use). Stateless.
 */
final class GzipEcho {
  private GzipEcho() {}

  /** The inflated body; {@code head}'s content length becomes the inflated length. */
  static byte[] inflate(byte[] body, int length, HttpEchoServer.Head head) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body, 0, length), 64 * 1024)) {
      byte[] inflated = in.readAllBytes();
      head.contentLength = inflated.length;
      return inflated;
    }
  }

  /** The echo's answer, built in memory, then sent gzip-compressed with its (uncompressed) OIP header length. */
  static void replyCompressed(OutputStream out, HttpEchoServer.Head head, byte[] body) throws IOException {
    HeadCapture plain = new HeadCapture();
    HttpEchoServer.reply(plain, head, body);
    ByteArrayOutputStream compressed = new ByteArrayOutputStream(plain.bodyLength() / 2 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed, 64 * 1024)) {
      gzip.write(plain.bytes(), plain.bodyStart(), plain.bodyLength());
    }
    HttpEchoServer.writeHead(out, plain.header("content-type"), compressed.size(),
        plain.header("inference-header-content-length") == null ? -1
            : Long.parseLong(plain.header("inference-header-content-length")), "gzip");
    compressed.writeTo(out);
  }

  /** An answer written to memory, read back as head and body. */
  private static final class HeadCapture extends ByteArrayOutputStream {
    HeadCapture() {
      super(64 * 1024);
    }

    byte[] bytes() {
      return buf;
    }

    int bodyStart() {
      for (int i = 3; i < count; i++) {
        if (buf[i - 3] == '\r' && buf[i - 2] == '\n' && buf[i - 1] == '\r' && buf[i] == '\n') {
          return i + 1;
        }
      }
      throw new IllegalStateException("no end of head in the echo's answer");
    }

    int bodyLength() {
      return count - bodyStart();
    }

    String header(String lowerName) {
      String head = new String(buf, 0, bodyStart(), java.nio.charset.StandardCharsets.ISO_8859_1);
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(lowerName)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }
}
