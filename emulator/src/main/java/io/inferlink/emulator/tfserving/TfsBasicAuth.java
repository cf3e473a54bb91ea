package io.inferlink.emulator.tfserving;

import io.inferlink.emulator.HttpCall;
import io.inferlink.emulator.HttpReply;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

/**
 * HTTP Basic credentials a protected Paperspace endpoint demands before TF Serving sees a request:
 * a wrong or missing {@code Authorization} is answered 401 with a {@code WWW-Authenticate}
 * challenge. Immutable and thread-safe.
 */
final class TfsBasicAuth {
  /** The realm the challenge names. */
  static final String REALM = "inferlink-emulator";

  private final byte[] expected;

  TfsBasicAuth(String user, String password) {
    if (user == null || user.contains(":") || password == null) {
      throw new IllegalArgumentException("Basic credentials need a user without ':' and a password");
    }
    this.expected = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
  }

  boolean accepts(HttpCall call) {
    String header = call.header("authorization").orElse("").trim();
    int space = header.indexOf(' ');
    if (space < 0 || !header.substring(0, space).toLowerCase(Locale.ROOT).equals("basic")) {
      return false;
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(header.substring(space + 1).trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    // Constant time, as a server compares secrets; it costs nothing here.
    return MessageDigest.isEqual(expected, given);
  }

  HttpReply challenge() {
    return TfsHandler.error(401, "Unauthorized").withHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
  }
}
