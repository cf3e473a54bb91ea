package io.inferlink.emulator.tfserving;

import io.inferlink.DataType;

/** TF's names for our element types: the {@code DT_*} enum names and {@code DataTypeString}. Stateless. */
final class TfsTypes {
  private TfsTypes() {}

  /** The enum name metadata documents show, e.g. {@code DT_FLOAT}. */
  static String enumName(DataType t) {
    return "DT_" + (t == DataType.BYTES ? "STRING" : shortName(t).toUpperCase(java.util.Locale.ROOT));
  }

  /** The name TF's error messages use, e.g. {@code float}, {@code half}, {@code string}. */
  static String shortName(DataType t) {
    switch (t) {
      case BOOL: return "bool";
      case UINT8: return "uint8";
      case UINT16: return "uint16";
      case UINT32: return "uint32";
      case UINT64: return "uint64";
      case INT8: return "int8";
      case INT16: return "int16";
      case INT32: return "int32";
      case INT64: return "int64";
      case FP16: return "half";
      case BF16: return "bfloat16";
      case FP32: return "float";
      case FP64: return "double";
      case BYTES: return "string";
      default: throw new IllegalArgumentException("no TF name for " + t);
    }
  }

  /** True for the types TF Serving's JSON cannot carry (it has no JSON form for them). */
  static boolean hasNoJsonForm(DataType t) {
    return t == DataType.FP16 || t == DataType.BF16 || t == DataType.UINT16;
  }
}
