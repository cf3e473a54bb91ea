package io.inferlink.transport.http;

import java.util.Locale;
import java.util.Set;

/**
 * What a header may be: a token name, a value without control characters (the rules of
 * {@code ClientOptions}), and none of the names the transport itself owns.
 */
final class HeaderRules {
  private static final Set<String> TRANSPORT_OWNED = Set.of(
      "host", "content-length", "content-type", "transfer-encoding", "connection", "keep-alive",
      "upgrade", "te", "trailer", "expect", "proxy-connection");

  private HeaderRules() {}

  /** Checks name and value; the message never repeats the value, which may be a secret. */
  static void check(String name, String value) {
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

  /** Null when the caller may set the header, else why not. */
  static String ownedByTransport(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (!TRANSPORT_OWNED.contains(n)) {
      return null;
    }
    if (n.equals("host")) {
      return "header 'Host' cannot be set directly; use ClientOptions.authority(...)";
    }
    if (n.equals("content-type")) {
      return "header 'Content-Type' is chosen by the protocol, not set as a header";
    }
    return "header '" + name + "' is managed by the HTTP transport and cannot be set";
  }
}
