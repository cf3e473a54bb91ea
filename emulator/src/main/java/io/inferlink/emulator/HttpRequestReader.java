package io.inferlink.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads HTTP/1.x requests from an {@link HttpInput}: the head, then a body framed by Content-Length
 * or chunked transfer coding, capped. Anything malformed becomes an {@link HttpProtocolException}.
 * Stateless.
 */
final class HttpRequestReader {
  private static final int MAX_LINE = 16 * 1024;
  private static final int MAX_HEADERS = 200;

  private HttpRequestReader() {}

  /** The next request's head, or {@code null} when the client closed the connection between requests. */
  static HttpRequestHead readHead(HttpInput in) throws IOException {
    String requestLine = in.readLine(MAX_LINE);
    // RFC 9112 asks servers to ignore empty lines before a request line.
    while (requestLine != null && requestLine.isEmpty()) {
      requestLine = in.readLine(MAX_LINE);
    }
    if (requestLine == null) {
      return null;
    }
    String[] parts = requestLine.split(" ", -1);
    if (parts.length != 3 || parts[0].isEmpty() || !parts[2].matches("HTTP/1\\.[01]")) {
      throw new HttpProtocolException(400, "malformed request line: " + requestLine);
    }
    String target = parts[1];
    if (target.regionMatches(true, 0, "http://", 0, 7) || target.regionMatches(true, 0, "https://", 0, 8)) {
      int slash = target.indexOf('/', target.indexOf("//") + 2);
      target = slash < 0 ? "/" : target.substring(slash);
    }
    if (!target.startsWith("/")) {
      throw new HttpProtocolException(400, "unsupported request target: " + target);
    }
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    String query = question < 0 ? null : target.substring(question + 1);
    return new HttpRequestHead(parts[0], path, query, parts[2], readHeaders(in));
  }

  private static Map<String, String> readHeaders(HttpInput in) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    for (int count = 0; ; count++) {
      String line = in.readLine(MAX_LINE);
      if (line == null) {
        throw new IOException("connection closed inside the request head");
      }
      if (line.isEmpty()) {
        return headers;
      }
      if (count >= MAX_HEADERS) {
        throw new HttpProtocolException(431, "more than " + MAX_HEADERS + " header lines");
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t' || line.substring(0, colon).contains(" ")) {
        // Also refuses obsolete line folding, which RFC 9112 lets a server reject.
        throw new HttpProtocolException(400, "malformed header line: " + line);
      }
      String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      headers.merge(name, value, (a, b) -> a + ", " + b);
    }
  }

  /**
   * Reads the body the head announces.
   *
   * @param sendContinue called once before reading when the client expects "100 Continue"
   * @throws HttpProtocolException 413 over {@code maxBytes}, 400 for a malformed framing, 501 for a
   *     transfer coding other than chunked
   */
  static byte[] readBody(HttpInput in, HttpRequestHead head, int maxBytes, IoAction sendContinue) throws IOException {
    String coding = head.header("transfer-encoding");
    if (coding != null) {
      if (!coding.trim().toLowerCase(Locale.ROOT).endsWith("chunked")) {
        throw new HttpProtocolException(501, "unsupported transfer coding: " + coding);
      }
      continueIfAsked(head, sendContinue);
      return readChunked(in, maxBytes);
    }
    long length = contentLength(head.header("content-length"));
    if (length > maxBytes) {
      throw new HttpProtocolException(413, "request body larger than " + maxBytes + " bytes");
    }
    if (length > 0) {
      continueIfAsked(head, sendContinue);
    }
    byte[] body = new byte[(int) length];
    in.readFully(body, 0, body.length);
    return body;
  }

  private static void continueIfAsked(HttpRequestHead head, IoAction sendContinue) throws IOException {
    if (head.expectsContinue()) {
      sendContinue.run();
    }
  }

  private static long contentLength(String value) throws HttpProtocolException {
    if (value == null) {
      return 0;
    }
    // Repeated identical values ("12, 12") are allowed by RFC 9110; differing ones are not.
    String first = null;
    for (String part : value.split(",")) {
      String p = part.trim();
      if (!p.matches("\\d{1,18}") || (first != null && !first.equals(p))) {
        throw new HttpProtocolException(400, "malformed Content-Length: " + value);
      }
      first = p;
    }
    return Long.parseLong(first);
  }

  private static byte[] readChunked(HttpInput in, int maxBytes) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = in.readLine(MAX_LINE);
      if (sizeLine == null) {
        throw new IOException("connection closed inside a chunked body");
      }
      int semicolon = sizeLine.indexOf(';');
      String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
      if (!hex.matches("[0-9A-Fa-f]{1,8}")) {
        throw new HttpProtocolException(400, "malformed chunk size: " + sizeLine);
      }
      long size = Long.parseLong(hex, 16);
      if (size == 0) {
        skipTrailers(in);
        return body.toByteArray();
      }
      if (body.size() + size > maxBytes) {
        throw new HttpProtocolException(413, "request body larger than " + maxBytes + " bytes");
      }
      byte[] chunk = new byte[(int) size];
      in.readFully(chunk, 0, chunk.length);
      body.write(chunk, 0, chunk.length);
      String end = in.readLine(MAX_LINE);
      if (end == null || !end.isEmpty()) {
        throw new HttpProtocolException(400, "chunk data not followed by CRLF");
      }
    }
  }

  private static void skipTrailers(HttpInput in) throws IOException {
    for (int count = 0; ; count++) {
      String line = in.readLine(MAX_LINE);
      if (line == null || line.isEmpty()) {
        return;
      }
      if (count >= MAX_HEADERS) {
        throw new HttpProtocolException(431, "more than " + MAX_HEADERS + " trailer lines");
      }
    }
  }

  /** An action that may fail with an I/O error, such as writing "100 Continue". */
  @FunctionalInterface
  interface IoAction {
    void run() throws IOException;
  }
}
