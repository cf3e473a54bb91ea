package io.inferlink.codec.json;

/**
 * Which JSON values a {@link JsonColumn} takes as tensor elements beyond plain numbers, booleans and strings:
 * each protocol states its own. Immutable and thread-safe.
 */
public final class LeafRules {
  /** Plain JSON values only: numbers, {@code true}/{@code false}, strings as UTF-8. */
  public static final LeafRules STRICT = new LeafRules(false, false, false, false);

  private final boolean b64Objects;
  private final boolean nullAsNaN;
  private final boolean rawByteStrings;
  private final boolean looseValues;

  private LeafRules(boolean b64Objects, boolean nullAsNaN, boolean rawByteStrings, boolean looseValues) {
    this.b64Objects = b64Objects;
    this.nullAsNaN = nullAsNaN;
    this.rawByteStrings = rawByteStrings;
    this.looseValues = looseValues;
  }

  /**
   * These rules, and {@code {"b64": "..."}} is a BYTES element holding the decoded bytes (TF Serving's form).
   *
   * @return new rules; these are unchanged
   */
  public LeafRules withB64Objects() {
    return new LeafRules(true, nullAsNaN, rawByteStrings, looseValues);
  }

  /**
   * These rules, and {@code null} is NaN in a floating-point tensor (what orjson, KServe's encoder, writes).
   *
   * @return new rules; these are unchanged
   */
  public LeafRules withNullAsNaN() {
    return new LeafRules(b64Objects, true, rawByteStrings, looseValues);
  }

  /**
   * These rules, and a string's lone surrogates {@code U+DC80..U+DCFF} stand for raw bytes (see
   * {@link RawByteText}), for documents decoded with {@link RawByteText#decode}.
   *
   * @return new rules; these are unchanged
   */
  public LeafRules withRawByteStrings() {
    return new LeafRules(b64Objects, nullAsNaN, true, looseValues);
  }

  /**
   * These rules, and values written the way a person might: an integer type takes integral fractions
   * ({@code 2.0}, {@code 1e3}), BOOL takes {@code 0} and {@code 1}, a floating-point type takes the strings
   * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}. For user input, not for servers' answers.
   *
   * @return new rules; these are unchanged
   */
  public LeafRules withLooseValues() {
    return new LeafRules(b64Objects, nullAsNaN, rawByteStrings, true);
  }

  /**
   * Whether {@code {"b64": "..."}} objects are BYTES elements.
   *
   * @return true after {@link #withB64Objects()}
   */
  public boolean b64Objects() {
    return b64Objects;
  }

  /**
   * Whether {@code null} is NaN in a floating-point tensor.
   *
   * @return true after {@link #withNullAsNaN()}
   */
  public boolean nullAsNaN() {
    return nullAsNaN;
  }

  /**
   * Whether lone surrogates in strings stand for raw bytes.
   *
   * @return true after {@link #withRawByteStrings()}
   */
  public boolean rawByteStrings() {
    return rawByteStrings;
  }

  /**
   * Whether values written the way a person might are accepted.
   *
   * @return true after {@link #withLooseValues()}
   */
  public boolean looseValues() {
    return looseValues;
  }
}
