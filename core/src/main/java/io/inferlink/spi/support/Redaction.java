package io.inferlink.spi.support;

import io.inferlink.internal.RedactionRules;

/**
 * Removes credentials from text that may reach logs, {@code toString()} or exception messages, by
 * their look; {@link SecretScrubber} also masks the very values a call sent. Stateless and thread-safe.
 */
public final class Redaction {
  /** What a removed secret is replaced with. */
  public static final String MASK = RedactionRules.MASK;

  private Redaction() {}

  /**
   * True when a header, query parameter or property of this name usually holds a secret.
   *
   * @param name a header, parameter or property name, or null
   * @return whether the name looks secret; false for null
   */
  public static boolean isSecretName(String name) {
    return RedactionRules.isSecretName(name);
  }

  /**
   * Masks credentials in free text: authorization values, URL user-info and secret-named parameters.
   *
   * @param text the text to mask, or null
   * @return the text with credentials replaced by {@link #MASK}; null or empty as given
   */
  public static String redactText(String text) {
    return RedactionRules.redactText(text);
  }

  /**
   * The value itself, or {@link #MASK} when the name says it is secret.
   *
   * @param name the header name, or null
   * @param value the header value
   * @return {@code value}, or {@link #MASK} when the name looks secret
   */
  public static String headerValueForDisplay(String name, String value) {
    return RedactionRules.headerValueForDisplay(name, value);
  }
}
