package io.inferlink;

import java.util.Locale;

/**
 * Element type of a {@link Tensor}: the thirteen types of the Open Inference Protocol.
 *
 * <p>Each constant carries its wire name and element size explicitly, so nothing depends on the
 * declaration order ({@code ordinal()} is never used on the wire). Immutable and thread-safe.
 */
public enum DataType {
  /** Booleans, one byte each: 0 is false, anything else true. */
  BOOL("BOOL", 1),
  /** Unsigned 8-bit integers. */
  UINT8("UINT8", 1),
  /** Unsigned 16-bit integers. */
  UINT16("UINT16", 2),
  /** Unsigned 32-bit integers. */
  UINT32("UINT32", 4),
  /** Unsigned 64-bit integers. */
  UINT64("UINT64", 8),
  /** Signed 8-bit integers. */
  INT8("INT8", 1),
  /** Signed 16-bit integers. */
  INT16("INT16", 2),
  /** Signed 32-bit integers. */
  INT32("INT32", 4),
  /** Signed 64-bit integers. */
  INT64("INT64", 8),
  /** IEEE 754 half-precision floats (binary16). */
  FP16("FP16", 2),
  /** bfloat16: the upper 16 bits of an IEEE 754 single-precision float. */
  BF16("BF16", 2),
  /** IEEE 754 single-precision floats. */
  FP32("FP32", 4),
  /** IEEE 754 double-precision floats. */
  FP64("FP64", 8),
  /** Variable-length byte strings; in a tensor buffer each element is a 4-byte little-endian length and its bytes. */
  BYTES("BYTES", -1);

  private final String wireName;
  private final int byteSize;

  DataType(String wireName, int byteSize) {
    this.wireName = wireName;
    this.byteSize = byteSize;
  }

  /**
   * The Open Inference Protocol name of this type, e.g. {@code "FP32"}.
   *
   * @return the wire name, upper case
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Bytes per element, or {@code -1} for {@link #BYTES}, whose elements have no fixed size.
   *
   * @return the element size in bytes, or -1
   */
  public int byteSize() {
    return byteSize;
  }

  /**
   * True for every type with a fixed element size (all but {@link #BYTES}).
   *
   * @return whether elements have a fixed size
   */
  public boolean isFixedSize() {
    return byteSize > 0;
  }

  /**
   * True for FP16, BF16, FP32 and FP64.
   *
   * @return whether this is a floating-point type
   */
  public boolean isFloatingPoint() {
    return this == FP16 || this == BF16 || this == FP32 || this == FP64;
  }

  /**
   * True for the signed and unsigned integer types (not BOOL).
   *
   * @return whether this is an integer type
   */
  public boolean isInteger() {
    switch (this) {
      case UINT8: case UINT16: case UINT32: case UINT64:
      case INT8: case INT16: case INT32: case INT64:
        return true;
      default:
        return false;
    }
  }

  /**
   * True for UINT8, UINT16, UINT32 and UINT64.
   *
   * @return whether this is an unsigned integer type
   */
  public boolean isUnsigned() {
    return this == UINT8 || this == UINT16 || this == UINT32 || this == UINT64;
  }

  /**
   * Looks a type up by its wire name, ignoring case ({@code "fp32"} and {@code "FP32"} both work).
   *
   * @throws IllegalArgumentException naming the known types when {@code name} is not one of them
   * @param name the wire name, in any case and with surrounding blanks allowed
   * @return the matching type; never null
   */
  public static DataType fromWireName(String name) {
    if (name != null) {
      String upper = name.trim().toUpperCase(Locale.ROOT);
      for (DataType t : values()) {
        if (t.wireName.equals(upper)) {
          return t;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown data type '" + name + "'; expected one of BOOL, UINT8, UINT16, UINT32, UINT64, INT8,"
            + " INT16, INT32, INT64, FP16, BF16, FP32, FP64, BYTES");
  }
}
