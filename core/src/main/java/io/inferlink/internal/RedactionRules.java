package io.inferlink.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The redaction rules: which names hold secrets and how credentials in free text are masked. The
 * implementation behind {@code io.inferlink.spi.support.Redaction}, for the API's own
 * {@code toString()}s. Stateless and thread-safe.
 */
public final class RedactionRules {
  /** What a removed secret is replaced with. */
  public static final String MASK = "***";

  // The value must not itself be one of the words ("bearer token abc", "token Bearer abc"): the
  // secret is what follows the last of them.
  private static final Pattern AUTH_SCHEME = Pattern.compile(
      "(?i)\\b(bearer|basic|token|apikey|api-key)(\\s+)(?!(?:bearer|basic|token|apikey|api-key)\\b)"
          + "[A-Za-z0-9._~+/=\\-]+");
  // Up to the last '@' of the authority, so a raw '@' in a password is masked too.
  private static final Pattern URL_USERINFO =
      Pattern.compile("(?i)([a-z][a-z0-9+.\\-]*://)[^/?#\\s]+@");
  private static final Pattern SECRET_PARAM = Pattern.compile(
      "(?i)([?&;\\s]|^)((?:[a-z0-9_\\-]*)(?:token|secret|password|passwd|pwd|key|auth|credential|signature)"
          + "(?:[a-z0-9_\\-]*))=([^&;\\s]*)");

  private RedactionRules() {}

  /** True when a header, query parameter or property of this name usually holds a secret. */
  public static boolean isSecretName(String name) {
    if (name == null) {
      return false;
    }
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("authorization") || n.equals("proxy-authorization") || n.equals("cookie")
        || n.equals("set-cookie") || n.contains("token") || n.contains("secret")
        || n.contains("password") || n.contains("passwd") || n.contains("key")
        || n.contains("auth") || n.contains("credential") || n.contains("signature");
  }

  /** Masks credentials in free text: authorization values, URL user-info and secret-named parameters. */
  public static String redactText(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String s = AUTH_SCHEME.matcher(text).replaceAll("$1$2" + Matcher.quoteReplacement(MASK));
    s = URL_USERINFO.matcher(s).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
    s = SECRET_PARAM.matcher(s).replaceAll("$1$2=" + Matcher.quoteReplacement(MASK));
    return s;
  }

  /** The value itself, or {@link #MASK} when the name says it is secret. */
  public static String headerValueForDisplay(String name, String value) {
    return isSecretName(name) ? MASK : value;
  }
}
