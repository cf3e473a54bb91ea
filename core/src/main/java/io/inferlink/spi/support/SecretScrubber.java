package io.inferlink.spi.support;

import io.inferlink.ClientOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the secrets a call sent wherever a server echoes them: in text, and in a whole exception
 * chain (causes and suppressed exceptions). Servers and proxies do echo request headers in their
 * errors, so {@link Redaction}'s patterns alone are not enough: the values themselves are known per
 * call (the headers actually sent) and are masked literally, then {@link Redaction#redactText} runs.
 * Every transport builds one per call and passes every text it takes from an answer through it.
 * Immutable and thread-safe.
 */
public final class SecretScrubber {
  /** No known values: only {@link Redaction#redactText}'s patterns apply. */
  public static final SecretScrubber NONE = new SecretScrubber(List.of());

  /** Shorter values are masked only as whole words: masking every "ab" would garble messages. */
  private static final int MIN_ANYWHERE = 4;
  private static final Pattern AUTH_VALUE = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9._~+\\-]*)\\s+(\\S+)\\s*$");

  private final List<String> values; // longest first, so a value holding another is masked whole

  private SecretScrubber(Collection<String> values) {
    List<String> sorted = new ArrayList<>(new LinkedHashSet<>(values));
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    this.values = List.copyOf(sorted);
  }

  /**
   * The secrets of one call: of the headers the options gave it ({@link ClientOptions#requestHeaders()},
   * as sent), the values of secret-named ones ({@link Redaction#isSecretName}) and every value the
   * headers supplier gave (rotating credentials, whatever their names); credentials in every form a
   * server may repeat them ({@code Bearer t} and {@code t}; {@code Basic b64}, {@code b64}, the decoded
   * {@code user:password} and the password); and the options' own secrets
   * ({@link ClientOptions#secretValues()}).
   *
   * @param optionHeaders the options' headers as sent with this call; not null
   * @param options the client's options, for their credentials and secret values; not null
   * @return the call's scrubber
   */
  public static SecretScrubber forCall(Map<String, String> optionHeaders, ClientOptions options) {
    Set<String> out = new LinkedHashSet<>(options.secretValues());
    for (Map.Entry<String, String> h : optionHeaders.entrySet()) {
      if (Redaction.isSecretName(h.getKey()) || !h.getValue().equals(fixedValue(options, h.getKey()))) {
        addCredential(out, h.getValue());
      }
    }
    return of(out);
  }

  /**
   * The secrets known from the options alone, without asking the headers supplier: the fixed
   * secret-named headers, the bearer or Basic credentials in every form and {@link
   * ClientOptions#secretValues()}. For tools that print what a client did (a command line).
   *
   * @param options the client's options; not null
   * @return a scrubber of the options' fixed secrets
   */
  public static SecretScrubber forOptions(ClientOptions options) {
    Set<String> out = new LinkedHashSet<>(options.secretValues());
    options.headers().forEach((name, value) -> {
      if (Redaction.isSecretName(name)) {
        addCredential(out, value);
      }
    });
    if (options.hasCredentials()) {
      try {
        // A provider caches what it hands out (a token file, an OAuth 2.0 token): this is what calls send next.
        addCredential(out, options.authorizationHeader());
      } catch (RuntimeException e) {
        // no credentials to be had now: then no call sends any either
      }
    }
    return of(out);
  }

  /**
   * This scrubber and the secrets among one call's own headers ({@code InferenceRequest} headers and
   * those interceptors added): the values of secret-named ones ({@link Redaction#isSecretName}), in
   * every form a server may repeat them, as for the options' headers.
   *
   * @param callHeaders the call's own headers; not null, may be empty
   * @return a scrubber of both, or this one when the call's headers hold no secret
   */
  public SecretScrubber andSecretHeaders(Map<String, String> callHeaders) {
    if (callHeaders.isEmpty()) {
      return this;
    }
    Set<String> out = new LinkedHashSet<>(values);
    callHeaders.forEach((name, value) -> {
      if (Redaction.isSecretName(name)) {
        addCredential(out, value);
      }
    });
    return out.size() == values.size() ? this : of(out);
  }

  /**
   * A scrubber for these values (empty and null ones are ignored).
   *
   * @param values the secret values; not null, blank and null ones ignored
   * @return a scrubber of those values, a shared one when none is left
   */
  public static SecretScrubber of(Collection<String> values) {
    List<String> kept = new ArrayList<>();
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        kept.add(v.strip());
      }
    }
    return kept.isEmpty() ? NONE : new SecretScrubber(kept);
  }

  /**
   * This scrubber's values and {@code more}.
   *
   * @param more further secret values; not null, empty and null ones ignored
   * @return a new scrubber; this one is unchanged
   */
  public SecretScrubber and(Collection<String> more) {
    List<String> all = new ArrayList<>(values);
    all.addAll(more);
    return of(all);
  }

  /**
   * Masks the values (also JSON-escaped, as a JSON body repeats them), then {@link Redaction}'s patterns.
   *
   * @param text the text to mask, or null
   * @return the masked text; null or empty as given
   */
  public String scrub(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String s = text;
    for (String v : values) {
      s = mask(s, v);
      String escaped = jsonEscaped(v);
      if (!escaped.equals(v)) {
        s = mask(s, escaped);
      }
    }
    return Redaction.redactText(s);
  }

  /**
   * Whether {@link #scrub(String)} would change the text.
   *
   * @param text the text to check, or null
   * @return whether the text shows a secret; false for null
   */
  public boolean changes(String text) {
    return text != null && !text.equals(scrub(text));
  }

  /**
   * The same chain with every text scrubbed: {@code t} itself when no message, {@code toString()},
   * cause or suppressed exception in it shows a secret; otherwise a copy. A throwable that shows one
   * (or whose cause or suppressed exceptions had to be copied) is copied by {@code copier} when it
   * knows the type (a transport's own exceptions, kept of the same class), else replaced by a
   * stand-in that prints as the original class with the scrubbed message; stack traces are kept.
   *
   * @param t the throwable to scrub, or null
   * @param copier copies the transport's own exception types; not null
   * @return {@code t}, or a scrubbed copy of its chain; null for null
   */
  public Throwable scrub(Throwable t, Copier copier) {
    return scrub(t, Objects.requireNonNull(copier, "copier"), new IdentityHashMap<>());
  }

  /**
   * {@link #scrub(Throwable, Copier)} without a copier of its own.
   *
   * @param t the throwable to scrub, or null
   * @return {@code t}, or a scrubbed copy of its chain; null for null
   */
  public Throwable scrub(Throwable t) {
    return scrub(t, (original, cause, scrubber) -> null);
  }

  /**
   * Copies one throwable of a type it knows with its texts scrubbed; used by {@link
   * #scrub(Throwable, Copier)}.
   */
  @FunctionalInterface
  public interface Copier {
    /**
     * A copy of {@code original} of the same class, with {@code cause} (already scrubbed) as its
     * cause and every text passed through {@code scrubber}, or {@code null} for a type it does not
     * know. Stack trace and suppressed exceptions are set by the caller.
     *
     * @param original the throwable to copy; not null
     * @param cause the scrubbed cause for the copy, or null
     * @param scrubber the scrubber for the copy's texts; not null
     * @return the copy, or {@code null} when the type is not one this copier knows
     */
    Throwable copy(Throwable original, Throwable cause, SecretScrubber scrubber);
  }

  private Throwable scrub(Throwable t, Copier copier, Map<Throwable, Throwable> seen) {
    if (t == null) {
      return null;
    }
    if (seen.containsKey(t)) {
      return seen.get(t); // null while t is being scrubbed: a cause cycle is cut there
    }
    seen.put(t, null);
    Throwable cause = t.getCause() == t ? null : scrub(t.getCause(), copier, seen);
    Throwable[] suppressed = t.getSuppressed();
    boolean changed = cause != t.getCause() || changes(t.getMessage()) || changes(t.toString());
    Throwable[] cleanSuppressed = new Throwable[suppressed.length];
    for (int i = 0; i < suppressed.length; i++) {
      cleanSuppressed[i] = scrub(suppressed[i], copier, seen);
      changed |= cleanSuppressed[i] != suppressed[i];
    }
    Throwable copy = copier.copy(t, cause, this);
    if (copy == null && !changed) {
      seen.put(t, t);
      return t;
    }
    if (copy == null) {
      copy = new Scrubbed(t.getClass().getName(), scrub(t.getMessage()), cause);
    }
    copy.setStackTrace(t.getStackTrace());
    for (Throwable s : cleanSuppressed) {
      if (s != null && s != copy) {
        copy.addSuppressed(s);
      }
    }
    seen.put(t, copy);
    return copy;
  }

  private static String fixedValue(ClientOptions options, String name) {
    for (Map.Entry<String, String> h : options.headers().entrySet()) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return h.getValue();
      }
    }
    return null;
  }

  /** The value, and for {@code Scheme credentials} the credentials and, for Basic, their decoded forms. */
  private static void addCredential(Set<String> out, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    out.add(value.strip());
    Matcher m = AUTH_VALUE.matcher(value);
    if (!m.matches()) {
      return;
    }
    String credentials = m.group(2);
    out.add(credentials);
    if (m.group(1).toLowerCase(Locale.ROOT).equals("basic")) {
      try {
        String pair = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        out.add(pair);
        int colon = pair.indexOf(':');
        if (colon >= 0) {
          out.add(pair.substring(colon + 1)); // the user name alone is no secret
        }
      } catch (IllegalArgumentException e) {
        // not base64 after all: the value and credentials are masked as they are
      }
    }
  }

  private static String mask(String text, String value) {
    if (value.length() >= MIN_ANYWHERE) {
      return text.replace(value, Redaction.MASK);
    }
    return Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(value) + "(?![A-Za-z0-9])")
        .matcher(text).replaceAll(Matcher.quoteReplacement(Redaction.MASK));
  }

  private static String jsonEscaped(String v) {
    return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/");
  }

  /**
   * Stands for a throwable whose class the scrubber cannot copy: prints as that class with the
   * scrubbed message, and keeps its stack trace.
   */
  private static final class Scrubbed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String originalClass;

    Scrubbed(String originalClass, String message, Throwable cause) {
      super(message, cause);
      this.originalClass = originalClass;
    }

    @Override
    public String toString() {
      String m = getLocalizedMessage();
      return m == null ? originalClass : originalClass + ": " + m;
    }
  }
}
