package io.inferlink.emulator.oip;

import io.inferlink.DataType;
import io.inferlink.Tensor;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The binary tensor data extension's blobs (PROTOCOLS.md §3.5): after the JSON header, one blob per
 * tensor with {@code binary_data_size}, in tensor order, no padding; little-endian, BYTES elements
 * each a 4-byte little-endian length and its bytes. Not thread-safe: a cursor over one body.
 */
final class OipRestBinary {
  private final byte[] body;
  private int at;

  /** The blobs of {@code body} from {@code start}. */
  OipRestBinary(byte[] body, int start) {
    this.body = body;
    this.at = start;
  }

  /** The next {@code size} bytes as input {@code name}; 400 when they are missing or do not fit the shape. */
  Tensor next(String name, DataType dtype, long[] shape, long size) {
    if (size < 0 || size > body.length - at) {
      throw OipRestError.invalid("input '" + name + "' has binary_data_size " + size + " but only "
          + (body.length - at) + " bytes of binary data remain");
    }
    byte[] blob = Arrays.copyOfRange(body, at, at + (int) size);
    at += (int) size;
    return wrap(name, dtype, shape, blob);
  }

  /** 400 unless every blob byte was claimed by an input. */
  void checkConsumed() {
    if (at != body.length) {
      throw OipRestError.invalid((body.length - at) + " bytes of binary data follow the last input's");
    }
  }

  /** A tensor over these little-endian bytes; 400 when their size does not fit dtype and shape. */
  static Tensor wrap(String name, DataType dtype, long[] shape, byte[] bytes) {
    OipRestTensors.elements(shape);
    try {
      return Tensor.wrap(name, dtype, ByteBuffer.wrap(bytes), shape);
    } catch (IllegalArgumentException e) {
      throw OipRestError.invalid(e.getMessage());
    }
  }
}
