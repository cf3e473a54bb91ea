package io.inferlink.emulator.tfserving;

import io.inferlink.DataType;

/**
 * TF's {@code DataType} enum numbers (types.proto) for our element types, written out here rather
 * than taken from the generated enum, so an enum the generator or a colleague renumbers cannot
 * make the server agree with a wrong client. Stateless.
 */
final class TfsDtypes {
  static final int DT_INVALID = 0;

  private TfsDtypes() {}

  /** The {@code DT_*} number of a type. */
  static int number(DataType t) {
    switch (t) {
      case FP32: return 1;
      case FP64: return 2;
      case INT32: return 3;
      case UINT8: return 4;
      case INT16: return 5;
      case INT8: return 6;
      case BYTES: return 7;      // DT_STRING
      case INT64: return 9;
      case BOOL: return 10;
      case BF16: return 14;
      case UINT16: return 17;
      case FP16: return 19;      // DT_HALF
      case UINT32: return 22;
      case UINT64: return 23;
      default: throw new IllegalArgumentException("no TF dtype for " + t);
    }
  }

  /** The type of a {@code DT_*} number, or {@code null} for one we cannot hold (complex, quantized, ...). */
  static DataType type(int number) {
    switch (number) {
      case 1: return DataType.FP32;
      case 2: return DataType.FP64;
      case 3: return DataType.INT32;
      case 4: return DataType.UINT8;
      case 5: return DataType.INT16;
      case 6: return DataType.INT8;
      case 7: return DataType.BYTES;
      case 9: return DataType.INT64;
      case 10: return DataType.BOOL;
      case 14: return DataType.BF16;
      case 17: return DataType.UINT16;
      case 19: return DataType.FP16;
      case 22: return DataType.UINT32;
      case 23: return DataType.UINT64;
      default: return null;
    }
  }
}
