package io.inferlink;

/** Keeps header names and values to what HTTP and gRPC allow, so no value can start another header. */
final class HeaderChecks {
  private HeaderChecks() {}

  static void check(String name, String value) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("header name must not be empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!token) {
        throw new IllegalArgumentException("header name '" + printable(name) + "' has a character not allowed in a header name");
      }
    }
    if (value == null) {
      throw new IllegalArgumentException("header '" + name + "' has no value");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
        throw new IllegalArgumentException("header '" + name + "' value has a control or non-Latin-1 character at index " + i);
      }
    }
  }

  private static String printable(String s) {
    return s.replaceAll("\\p{Cntrl}", "?");
  }
}
