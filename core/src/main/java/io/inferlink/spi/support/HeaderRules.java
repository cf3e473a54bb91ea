package io.inferlink.spi.support;

import io.inferlink.internal.HeaderRule;

/**
 * The one check of header names and values, for HTTP headers and gRPC metadata alike: a name is an
 * RFC 9110 token, a value has no control character (tab aside) and nothing beyond Latin-1, so no
 * value can end its line and start another header. Stateless and thread-safe.
 */
public final class HeaderRules {
  private HeaderRules() {}

  /**
   * Checks a header.
   *
   * @param name the header name, which must be an HTTP token
   * @param value the header value, which must hold no control character
   * @throws IllegalArgumentException saying what is wrong; the message never repeats the value,
   *     which may be a credential
   */
  public static void check(String name, String value) {
    HeaderRule.check(name, value);
  }
}
