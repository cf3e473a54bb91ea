package io.inferlink.transport.http.internal;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Percent-encoding of path segments: the one place REST backends turn model names, versions and
 * labels into URL text. Stateless and thread-safe.
 */
public final class UrlPaths {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UrlPaths() {}

  /**
   * Encodes one path segment: every byte of the UTF-8 form except RFC 3986 unreserved characters
   * ({@code A-Z a-z 0-9 - . _ ~}) becomes {@code %XX}, so no '/', '?', '#', '%', ':' or '@' in a
   * name can change the path.
   *
   * @throws IllegalArgumentException for an empty segment, {@code .} or {@code ..} (path steps that
   *     servers and proxies remove whether encoded or not)
   */
  public static String segment(String raw) {
    Objects.requireNonNull(raw, "raw");
    if (raw.isEmpty() || raw.equals(".") || raw.equals("..")) {
      throw new IllegalArgumentException("'" + raw + "' cannot be a path segment");
    }
    byte[] utf8 = raw.getBytes(StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(utf8.length + 8);
    for (byte b : utf8) {
      int c = b & 0xff;
      if (isUnreserved(c)) {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return sb.toString();
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }
}
