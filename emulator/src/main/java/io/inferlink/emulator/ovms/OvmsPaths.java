package io.inferlink.emulator.ovms;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Path helpers shared by the OVMS routes. Stateless. */
final class OvmsPaths {
  private OvmsPaths() {}

  /** A percent-encoded path segment decoded; a literal {@code +} stays a plus. */
  static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw OvmsError.invalidUrl();
    }
  }

  /** Fails with 406 unless the request used {@code expected}: OVMS's answer to a known path with another method. */
  static void requireMethod(String method, String expected) {
    if (!method.equals(expected)) {
      throw OvmsError.unsupportedMethod();
    }
  }
}
