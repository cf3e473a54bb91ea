package io.inferlink.codec.json;

import io.inferlink.DataType;
import io.inferlink.spi.support.MalformedAnswerException;

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

  /**
   * No element at all (empty lists only).
   *
   * @return true when nothing but empty lists was measured
   */
  public boolean none() {
    return bits == 0;
  }

  /**
   * Numbers without a fraction or exponent.
   *
   * @return true when at least one such number was seen
   */
  public boolean integers() {
    return has(INTEGER);
  }

  /**
   * Numbers with a fraction or an exponent ({@code 1.0}, {@code 1e3}).
   *
   * @return true when at least one such number was seen
   */
  public boolean fractions() {
    return has(FRACTION);
  }

  /**
   * {@code NaN}, {@code Infinity} or {@code -Infinity}.
   *
   * @return true when at least one of them was seen
   */
  public boolean nonFinite() {
    return has(NON_FINITE);
  }

  /**
   * {@code null} where the rules take it for a float's NaN.
   *
   * @return true when at least one such null was seen
   */
  public boolean nulls() {
    return has(NULL);
  }

  /**
   * Any number: integers, fractions, non-finite ones, or nulls taken for NaN.
   *
   * @return true when at least one number was seen
   */
  public boolean numbers() {
    return has(INTEGER | FRACTION | NON_FINITE | NULL);
  }

  /**
   * Numbers that need a floating-point type: fractions, non-finite ones, or nulls taken for NaN.
   *
   * @return true when at least one such number was seen
   */
  public boolean floats() {
    return has(FRACTION | NON_FINITE | NULL);
  }

  /**
   * JSON's {@code true} and {@code false}.
   *
   * @return true when at least one boolean was seen
   */
  public boolean booleans() {
    return has(BOOLEAN);
  }

  /**
   * Strings, or {@code {"b64": ...}} objects where the rules allow them.
   *
   * @return true when at least one text element was seen
   */
  public boolean text() {
    return has(STRING | B64);
  }

  /**
   * {@code {"b64": ...}} objects.
   *
   * @return true when at least one such object was seen
   */
  public boolean b64() {
    return has(B64);
  }

  /**
   * Integers written with a minus sign ({@code -0} too).
   *
   * @return true when at least one such integer was seen
   */
  public boolean negativeIntegers() {
    return has(NEGATIVE);
  }

  /**
   * Integers outside INT64's range.
   *
   * @return true when at least one such integer was seen
   */
  public boolean beyondInt64() {
    return has(BEYOND_INT64);
  }

  /**
   * How many of the three kinds numbers, booleans and text are present: more than one has no tensor type.
   *
   * @return 0 to 3
   */
  public int kindCount() {
    return (numbers() ? 1 : 0) + (booleans() ? 1 : 0) + (text() ? 1 : 0);
  }

  /**
   * The element type the JSON values decide by themselves, the rule KServe V1 and {@code torch.tensor()}
   * share: strings are BYTES, booleans BOOL, integers INT64, and numbers with a float among them (or no
   * value at all, about which JSON says nothing) {@code floatType}.
   *
   * @param what the tensor as messages name it, e.g. {@code "output 'y'"}
   * @param floatType the type for numbers with a float among them, or for no value at all
   * @return BYTES, BOOL, INT64 or {@code floatType}
   * @throws MalformedAnswerException when the values mix kinds, or an integer is beyond INT64's range
   */
  public DataType valueType(String what, DataType floatType) {
    if (kindCount() > 1) {
      throw new MalformedAnswerException(what + " mixes " + kindNames() + "; a tensor holds one kind of value");
    }
    if (text()) {
      return DataType.BYTES;
    }
    if (booleans()) {
      return DataType.BOOL;
    }
    if (integers() && !floats()) {
      if (beyondInt64()) {
        throw new MalformedAnswerException(what + " holds an integer outside the INT64 range");
      }
      return DataType.INT64;
    }
    return floatType;
  }

  /** The kinds present, for messages: "strings and numbers", "strings, booleans and numbers". */
  private String kindNames() {
    StringBuilder s = new StringBuilder();
    if (text()) {
      s.append("strings");
    }
    if (booleans()) {
      s.append(s.length() > 0 ? ", " : "").append("booleans");
    }
    if (numbers()) {
      s.append(s.length() > 0 ? " and " : "").append("numbers");
    }
    return s.toString();
  }

  private boolean has(int mask) {
    return (bits & mask) != 0;
  }

  @Override
  public String toString() {
    return "LeafKinds{" + Integer.toBinaryString(bits) + "}";
  }
}
