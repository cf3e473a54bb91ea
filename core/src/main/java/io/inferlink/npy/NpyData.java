package io.inferlink.npy;

import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.internal.TensorShapes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The data part of a {@code .npy} file: byte order and string padding between NumPy and tensor layouts. */
final class NpyData {

  /**
   * A tensor's data in NumPy layout.
   *
   * @param bytes the elements, back to back
   * @param width bytes per BYTES element ({@code S<width>}); 0 for other types
   */
  record Encoded(byte[] bytes, int width) {}

  private NpyData() {}

  /** Builds the tensor from a file's data; {@code data} is owned by the caller no longer. */
  static Tensor toTensor(String name, NpyDtype type, long[] shape, int count, byte[] data) {
    if (type.dtype() != DataType.BYTES) {
      if (type.needsSwap()) {
        swap(data, type.itemSize());
      }
      return Tensor.wrap(name, type.dtype(), ByteBuffer.wrap(data), shape);
    }
    byte[][] elements = new byte[count][];
    int size = type.itemSize();
    for (int i = 0; i < count; i++) {
      elements[i] = type.kind() == 'S' ? byteString(data, i * size, size) : unicode(data, i * size, size, type.order());
    }
    return Tensor.ofBytes(name, elements, shape);
  }

  /** The tensor's elements in NumPy layout, little-endian; BYTES padded with NULs to the widest. */
  static Encoded fromTensor(Tensor tensor) {
    if (tensor.dtype() != DataType.BYTES) {
      NpyDtype.descrOf(tensor.dtype(), 0); // refuses BF16 before any work
      ByteBuffer data = tensor.data();
      byte[] out = new byte[data.remaining()];
      data.get(out);
      return new Encoded(out, 0);
    }
    List<byte[]> elements = tensor.toBytesList();
    int width = 1; // NumPy's narrowest byte string, also for empty arrays and empty strings
    for (int i = 0; i < elements.size(); i++) {
      byte[] e = elements.get(i);
      if (e.length > 0 && e[e.length - 1] == 0) {
        throw new IllegalArgumentException("tensor '" + tensor.name() + "': BYTES element " + i
            + " ends in a NUL byte, which a NumPy 'S' array cannot keep (NumPy strips trailing NULs as padding)");
      }
      width = Math.max(width, e.length);
    }
    long total = (long) width * elements.size();
    if (total > TensorShapes.MAX_BYTES) {
      throw new IllegalArgumentException("tensor '" + tensor.name() + "': " + elements.size()
          + " byte strings padded to " + width + " bytes exceed 2 GiB");
    }
    byte[] out = new byte[(int) total];
    for (int i = 0; i < elements.size(); i++) {
      byte[] e = elements.get(i);
      System.arraycopy(e, 0, out, i * width, e.length);
    }
    return new Encoded(out, width);
  }

  /** Reverses each element's bytes in place (big-endian file to little-endian tensor). */
  private static void swap(byte[] data, int size) {
    for (int start = 0; start < data.length; start += size) {
      for (int a = start, b = start + size - 1; a < b; a++, b--) {
        byte t = data[a];
        data[a] = data[b];
        data[b] = t;
      }
    }
  }

  /** An {@code S<n>} element without its trailing NUL padding, as NumPy reads it back. */
  private static byte[] byteString(byte[] data, int offset, int size) {
    int end = offset + size;
    while (end > offset && data[end - 1] == 0) {
      end--;
    }
    byte[] out = new byte[end - offset];
    System.arraycopy(data, offset, out, 0, out.length);
    return out;
  }

  /** A {@code U<n>} element (UCS-4 code points, NUL-padded) as UTF-8. */
  private static byte[] unicode(byte[] data, int offset, int size, ByteOrder order) {
    ByteBuffer buf = ByteBuffer.wrap(data, offset, size).order(order);
    int n = size / 4;
    int[] codePoints = new int[n];
    int used = 0;
    for (int i = 0; i < n; i++) {
      codePoints[i] = buf.getInt();
      if (codePoints[i] != 0) {
        used = i + 1;
      }
    }
    for (int i = 0; i < used; i++) {
      int cp = codePoints[i];
      if (cp < 0 || cp > Character.MAX_CODE_POINT || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
        throw new IllegalArgumentException("a unicode ('U') element holds U+" + String.format("%04X", cp)
            + ", which is not a Unicode scalar value");
      }
    }
    return new String(codePoints, 0, used).getBytes(StandardCharsets.UTF_8);
  }
}
