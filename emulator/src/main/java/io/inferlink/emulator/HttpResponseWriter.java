package io.inferlink.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** Writes HTTP/1.1 responses: status line, headers, Content-Length framing, body. Stateless. */
final class HttpResponseWriter {
  private HttpResponseWriter() {}

  /**
   * Writes a whole response and flushes.
   *
   * @param headOnly true for a HEAD request: the headers announce the body, which is not sent
   * @param close true to announce that the server closes the connection afterwards
   */
  static void write(OutputStream out, HttpReply reply, boolean headOnly, boolean close) throws IOException {
    StringBuilder head = new StringBuilder(256);
    head.append("HTTP/1.1 ").append(reply.status()).append(' ').append(reason(reply.status())).append("\r\n");
    boolean hasLength = false;
    for (Map.Entry<String, String> h : reply.headers().entrySet()) {
      String lower = h.getKey().toLowerCase(Locale.ROOT);
      if (lower.equals("connection") || lower.equals("transfer-encoding")
          || (lower.equals("content-type") && reply.contentType() != null)) {
        continue; // framing and connection handling belong to the server, not to routes
      }
      hasLength |= lower.equals("content-length");
      head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    if (reply.contentType() != null) {
      head.append("Content-Type: ").append(reply.contentType()).append("\r\n");
    }
    if (!hasLength) {
      head.append("Content-Length: ").append(reply.body().length).append("\r\n");
    }
    if (close) {
      head.append("Connection: close\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (!headOnly) {
      out.write(reply.body());
    }
    out.flush();
  }

  /** The interim answer to {@code Expect: 100-continue}. */
  static void writeContinue(OutputStream out) throws IOException {
    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  static String reason(int status) {
    switch (status) {
      case 200: return "OK";
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 403: return "Forbidden";
      case 404: return "Not Found";
      case 409: return "Conflict";
      case 412: return "Precondition Failed";
      case 413: return "Payload Too Large";
      case 415: return "Unsupported Media Type";
      case 429: return "Too Many Requests";
      case 431: return "Request Header Fields Too Large";
      case 499: return "Client Closed Request";
      case 500: return "Internal Server Error";
      case 501: return "Not Implemented";
      case 503: return "Service Unavailable";
      case 504: return "Gateway Timeout";
      default: return "Status " + status;
    }
  }
}
