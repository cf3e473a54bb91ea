package io.inferlink.tfserving;

import io.inferlink.DataType;
import java.util.Optional;

/**
 * The one table between TensorFlow's {@code DataType} enum ({@code DT_FLOAT = 1} ...) and Inferlink's
 * {@link DataType}, by name (REST metadata JSON) and by number (gRPC). Types Inferlink has no
 * counterpart for (complex, quantized, resource, variant, float8, int4...) give an empty result, so
 * a caller decides whether that is an error. Stateless and thread-safe.
 */
public final class TfDataTypes {
  private static final int[] NUMBERS = new int[DataType.values().length];

  static {
    set(DataType.FP32, 1);
    set(DataType.FP64, 2);
    set(DataType.INT32, 3);
    set(DataType.UINT8, 4);
    set(DataType.INT16, 5);
    set(DataType.INT8, 6);
    set(DataType.BYTES, 7);
    set(DataType.INT64, 9);
    set(DataType.BOOL, 10);
    set(DataType.BF16, 14);
    set(DataType.UINT16, 17);
    set(DataType.FP16, 19);
    set(DataType.UINT32, 22);
    set(DataType.UINT64, 23);
  }

  private TfDataTypes() {}

  private static void set(DataType type, int number) {
    NUMBERS[type.ordinal()] = number; // an in-memory index only; the wire number is the value stored
  }

  /**
   * The TensorFlow enum number, e.g. 1 for FP32.
   *
   * @param type one of our types
   * @return TensorFlow's {@code DataType} number for it
   */
  public static int number(DataType type) {
    return NUMBERS[type.ordinal()];
  }

  /**
   * The TensorFlow enum name, e.g. {@code DT_FLOAT} for FP32.
   *
   * @param type one of our types
   * @return TensorFlow's {@code DataType} name for it
   */
  public static String name(DataType type) {
    switch (type) {
      case FP32: return "DT_FLOAT";
      case FP64: return "DT_DOUBLE";
      case INT32: return "DT_INT32";
      case UINT8: return "DT_UINT8";
      case INT16: return "DT_INT16";
      case INT8: return "DT_INT8";
      case BYTES: return "DT_STRING";
      case INT64: return "DT_INT64";
      case BOOL: return "DT_BOOL";
      case BF16: return "DT_BFLOAT16";
      case UINT16: return "DT_UINT16";
      case FP16: return "DT_HALF";
      case UINT32: return "DT_UINT32";
      case UINT64: return "DT_UINT64";
      default: throw new AssertionError(type);
    }
  }

  /**
   * Our type for a TensorFlow enum number; {@code _REF} numbers (base + 100) count as their base.
   *
   * @param number a {@code DataType} number from the wire
   * @return our type, or empty when Inferlink has no counterpart
   */
  public static Optional<DataType> fromNumber(int number) {
    int base = number > 100 ? number - 100 : number;
    for (DataType t : DataType.values()) {
      if (NUMBERS[t.ordinal()] == base) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /**
   * Our type for a TensorFlow enum name such as {@code DT_FLOAT} (or {@code DT_FLOAT_REF}).
   *
   * @param name a {@code DataType} name, or {@code null}
   * @return our type, or empty for null, unknown names and types Inferlink has no counterpart for
   */
  public static Optional<DataType> fromName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String base = name.endsWith("_REF") ? name.substring(0, name.length() - 4) : name;
    for (DataType t : DataType.values()) {
      if (name(t).equals(base)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
