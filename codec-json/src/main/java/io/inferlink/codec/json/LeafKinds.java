package io.inferlink.codec.json;

/**
 * What kinds of JSON values a {@link JsonColumn}'s first pass found among its elements, for a protocol that
 * has to infer the element type from them (TF Serving without a signature, KServe V1, the TorchServe template
 * each state their own rule; this is what the rules look at). Immutable.
 */
public final class LeafKinds {
  static final int INTEGER = 1;
  static final int FRACTION = 1 << 1;
  static final int NON_FINITE = 1 << 2;
  static final int NULL = 1 << 3;
  static final int BOOLEAN = 1 << 4;
  static final int STRING = 1 << 5;
  static final int B64 = 1 << 6;
  static final int NEGATIVE = 1 << 7;
  static final int BEYOND_INT64 = 1 << 8;

  private final int bits;

  LeafKinds(int bits) {
    this.bits = bits;
  }

  /** No element at all (empty lists only). */
  public boolean none() {
    return bits == 0;
  }

  /** Numbers without a fraction or exponent. */
  public boolean integers() {
    return has(INTEGER);
  }

  /** Numbers with a fraction or an exponent ({@code 1.0}, {@code 1e3}). */
  public boolean fractions() {
    return has(FRACTION);
  }

  /** {@code NaN}, {@code Infinity} or {@code -Infinity}. */
  public boolean nonFinite() {
    return has(NON_FINITE);
  }

  /** {@code null} where the rules take it for a float's NaN. */
  public boolean nulls() {
    return has(NULL);
  }

  /** Any number: integers, fractions, non-finite ones, or nulls taken for NaN. */
  public boolean numbers() {
    return has(INTEGER | FRACTION | NON_FINITE | NULL);
  }

  /** Numbers that need a floating-point type: fractions, non-finite ones, or nulls taken for NaN. */
  public boolean floats() {
    return has(FRACTION | NON_FINITE | NULL);
  }

  public boolean booleans() {
    return has(BOOLEAN);
  }

  /** Strings, or {@code {"b64": ...}} objects where the rules allow them. */
  public boolean text() {
    return has(STRING | B64);
  }

  /** {@code {"b64": ...}} objects. */
  public boolean b64() {
    return has(B64);
  }

  /** Integers written with a minus sign ({@code -0} too). */
  public boolean negativeIntegers() {
    return has(NEGATIVE);
  }

  /** Integers outside INT64's range. */
  public boolean beyondInt64() {
    return has(BEYOND_INT64);
  }

  /** How many of the three kinds numbers, booleans and text are present: more than one has no tensor type. */
  public int kindCount() {
    return (numbers() ? 1 : 0) + (booleans() ? 1 : 0) + (text() ? 1 : 0);
  }

  private boolean has(int mask) {
    return (bits & mask) != 0;
  }

  @Override
  public String toString() {
    return "LeafKinds{" + Integer.toBinaryString(bits) + "}";
  }
}
