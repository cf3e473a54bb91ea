package io.inferlink.internal;

/**
 * The one check of header names and values, for HTTP headers and gRPC metadata alike: a name is an
 * RFC 9110 token, a value has no control character (tab aside) and nothing beyond Latin-1, so no
 * value can end its line and start another header. The implementation behind
 * {@code io.inferlink.spi.support.HeaderRules}, for the API's own checks. Stateless and thread-safe.
 */
public final class HeaderRule {
  private HeaderRule() {}

  /**
   * Checks a header.
   *
   * @throws IllegalArgumentException saying what is wrong; the message never repeats the value,
   *     which may be a credential
   */
  public static void check(String name, String value) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("header name must not be empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!token) {
        throw new IllegalArgumentException("header name '" + name.replaceAll("\\p{Cntrl}", "?")
            + "' has a character not allowed in a header name");
      }
    }
    if (value == null) {
      throw new IllegalArgumentException("header '" + name + "' has no value");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
        throw new IllegalArgumentException(
            "header '" + name + "' value has a control or non-Latin-1 character at index " + i);
      }
    }
  }
}
