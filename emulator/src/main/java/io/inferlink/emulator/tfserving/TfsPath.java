package io.inferlink.emulator.tfserving;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a request path asks for, parsed with TF Serving's own regular expressions (PROTOCOLS.md
 * §1.2), or with the same shapes under a legacy Paperspace prefix ({@code /model-serving/<id>}).
 * Immutable.
 *
 * @param kind what to do
 * @param model the model name (or Paperspace deployment id), URL-decoded
 * @param version the version digits, or {@code null}
 * @param label the label, URL-decoded, or {@code null}
 */
record TfsPath(Kind kind, String model, String version, String label) {
  /** The operations of the REST API. */
  enum Kind { STATUS, METADATA, PREDICT, CLASSIFY, REGRESS }

  private static final String SPEC = "(?:(?:/versions/(\\d+))|(?:/labels/([^/:]+)))?";
  private static final Pattern TF_ANY = Pattern.compile("(?i)/v1/.*");
  private static final Pattern TF_POST = Pattern.compile("(?i)/v1/models/([^/:]+)" + SPEC + ":(classify|regress|predict)");
  private static final Pattern TF_GET = Pattern.compile("(?i)/v1/models(?:/([^/:]+))?" + SPEC + "(?:/(metadata))?");
  private static final Pattern PS_ANY = Pattern.compile("(?i)/model-serving/.*");
  private static final Pattern PS_POST = Pattern.compile("(?i)/model-serving/([^/:]+)" + SPEC + ":(classify|regress|predict)");
  private static final Pattern PS_GET = Pattern.compile("(?i)/model-serving/([^/:]+)" + SPEC + "(?:/(metadata))?");

  /**
   * Parses a request; {@code null} when the path is outside the API (TF's HTTP server answers those
   * itself with a plain 404).
   *
   * @param paperspace parse {@code /model-serving/...} paths instead of {@code /v1/...}
   * @throws TfsError 400 {@code Malformed request} for a path inside the API that its method's
   *     expression does not match, and {@code Missing model name in request.} for {@code GET /v1/models}
   */
  static TfsPath parse(String method, String rawPath, boolean paperspace) {
    if (!(paperspace ? PS_ANY : TF_ANY).matcher(rawPath).matches()) {
      return null;
    }
    Matcher m = null;
    if (method.equals("POST")) {
      m = (paperspace ? PS_POST : TF_POST).matcher(rawPath);
    } else if (method.equals("GET")) {
      m = (paperspace ? PS_GET : TF_GET).matcher(rawPath);
    }
    if (m == null || !m.matches()) {
      throw TfsError.invalid("Malformed request: " + method + " " + rawPath);
    }
    if (m.group(1) == null) {
      throw TfsError.invalid("Missing model name in request.");
    }
    Kind kind;
    if (method.equals("POST")) {
      kind = Kind.valueOf(m.group(4).toUpperCase(Locale.ROOT));
    } else {
      kind = m.group(4) == null ? Kind.STATUS : Kind.METADATA;
    }
    return new TfsPath(kind, decode(m.group(1)), m.group(2), m.group(3) == null ? null : decode(m.group(3)));
  }

  /** Percent-decoding as curl's {@code curl_easy_unescape}: {@code %XX} only ({@code +} stays), UTF-8. */
  static String decode(String raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
        out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
        i += 2;
      } else {
        out.write(bytes[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(byte b) {
    return Character.digit((char) b, 16);
  }
}
