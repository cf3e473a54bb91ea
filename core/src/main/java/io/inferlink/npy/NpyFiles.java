package io.inferlink.npy;

import io.inferlink.Tensor;
import io.inferlink.internal.TensorShapes;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads and writes tensors as NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0), so
 * that data made with {@code np.save} can be sent as is and answers can be opened with
 * {@code np.load}. Stateless and thread-safe.
 *
 * <p>Types: {@code b1} BOOL, {@code u1 u2 u4 u8} UINT8..UINT64, {@code i1 i2 i4 i8} INT8..INT64,
 * {@code f2 f4 f8} FP16/FP32/FP64, in either byte order ({@code <}, {@code >}, {@code =} or
 * {@code |}); {@code S<n>} byte strings and {@code U<n>} unicode strings (UCS-4) read as BYTES,
 * one UTF-8 element each, with NumPy's trailing NUL padding removed. Arrays must be in C order:
 * a file with {@code fortran_order: True} is refused rather than silently transposed. Complex,
 * object, datetime and structured dtypes have no tensor type and are refused by name.
 *
 * <p>Writing produces what {@code np.save} produces for the same array, byte for byte: version 1.0
 * (2.0 when the header outgrows 65535 bytes), little-endian types, BYTES as {@code |S<n>} with the
 * longest element's width. BF16 has no NumPy dtype and is refused; so is a BYTES element that ends
 * in a NUL byte, which {@code S<n>} cannot tell from padding.
 */
public final class NpyFiles {
  /** The six bytes every {@code .npy} file starts with. */
  static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  /** NumPy aligns the start of the data to this many bytes. */
  static final int ALIGNMENT = 64;
  /** Room NumPy leaves in the header so the first dimension can grow in place. */
  private static final int GROWTH_DIGITS = 21;

  private NpyFiles() {}

  /**
   * Reads the {@code .npy} file at {@code file} into a tensor called {@code name}.
   *
   * @param file the {@code .npy} file
   * @param name the tensor's name
   * @return the array as a tensor
   * @throws java.io.UncheckedIOException when the file cannot be read
   * @throws IllegalArgumentException naming the file when it is not an {@code .npy} array this class reads
   */
  public static Tensor read(Path file, String name) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      return read(in, name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads one array from a stream positioned at its magic string; reads no further than the array.
   *
   * @param in the stream; left open, positioned just after the array
   * @param name the tensor's name
   * @return the array as a tensor
   * @throws IOException when reading fails or the stream ends inside the array
   */
  public static Tensor read(InputStream in, String name) throws IOException {
    TensorShapes.checkName(name);
    byte[] prefix = readFully(in, 8, "the magic string and version");
    for (int i = 0; i < MAGIC.length; i++) {
      if (prefix[i] != MAGIC[i]) {
        throw new IllegalArgumentException("not a .npy file: it does not start with \\x93NUMPY");
      }
    }
    int major = prefix[6] & 0xFF;
    int minor = prefix[7] & 0xFF;
    if (major < 1 || major > 3) {
      throw new IllegalArgumentException(".npy format version " + major + "." + minor
          + " is not supported (versions 1.0, 2.0 and 3.0 are)");
    }
    ByteBuffer len = ByteBuffer.wrap(readFully(in, major == 1 ? 2 : 4, "the header length"))
        .order(ByteOrder.LITTLE_ENDIAN);
    long headerLength = major == 1 ? len.getShort() & 0xFFFF : len.getInt() & 0xFFFFFFFFL;
    if (headerLength > 16 * 1024 * 1024) {
      throw new IllegalArgumentException(".npy header of " + headerLength + " bytes is implausibly large");
    }
    byte[] headerBytes = readFully(in, (int) headerLength, "the header");
    String headerText = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    NpyHeader header = NpyHeader.parse(headerText);
    NpyDtype dtype = NpyDtype.parse(header.descr());
    if (header.fortranOrder()) {
      throw new IllegalArgumentException("the array is in Fortran (column-major) order, which is not supported:"
          + " save a C-ordered copy, e.g. np.save(path, np.ascontiguousarray(a))");
    }
    long count = TensorShapes.elementCount(name, header.shape());
    long bytes = count * dtype.itemSize();
    if (count != 0 && (bytes / count != dtype.itemSize() || bytes > TensorShapes.MAX_BYTES)) {
      throw new IllegalArgumentException("the array of shape " + TensorShapes.format(header.shape())
          + " and dtype '" + header.descr() + "' is larger than a tensor can hold (2 GiB)");
    }
    byte[] data = readFully(in, (int) bytes, "the data of " + count + " elements");
    return NpyData.toTensor(name, dtype, header.shape(), (int) count, data);
  }

  /**
   * Reads an array from the bytes of a whole {@code .npy} file.
   *
   * @param npy the whole file's bytes
   * @param name the tensor's name
   * @return the array as a tensor
   */
  public static Tensor fromBytes(byte[] npy, String name) {
    try {
      return read(new ByteArrayInputStream(Objects.requireNonNull(npy, "npy")), name);
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * Writes a tensor to {@code file} (replacing it) as {@code np.save} would.
   *
   * @param tensor the tensor to write
   * @param file where to write; created or replaced
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public static void write(Tensor tensor, Path file) {
    Objects.requireNonNull(file, "file");
    byte[] bytes = toBytes(tensor); // before opening, so a refused tensor leaves no empty file
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes a tensor to a stream as {@code np.save} would; the stream is not closed.
   *
   * @param tensor the tensor to write
   * @param out the stream to write to; left open
   * @throws IOException when writing fails
   */
  public static void write(Tensor tensor, OutputStream out) throws IOException {
    out.write(toBytes(tensor));
  }

  /**
   * The bytes of the {@code .npy} file {@code np.save} would write for this tensor.
   *
   * @param tensor the tensor to encode
   * @return a new array with the file's bytes
   */
  public static byte[] toBytes(Tensor tensor) {
    Objects.requireNonNull(tensor, "tensor");
    NpyData.Encoded body = NpyData.fromTensor(tensor);
    long[] shape = tensor.shape();
    NpyHeader header = new NpyHeader(NpyDtype.descrOf(tensor.dtype(), body.width()), false, shape);
    String dict = header.format() + " ".repeat(shape.length == 0 ? 0
        : Math.max(0, GROWTH_DIGITS - Long.toString(shape[0]).length()));
    byte[] text = dict.getBytes(StandardCharsets.ISO_8859_1);
    int major = 1;
    int lengthBytes = 2;
    int padding = padding(text.length, lengthBytes);
    if (text.length + 1 + padding > 0xFFFF) {
      major = 2;
      lengthBytes = 4;
      padding = padding(text.length, lengthBytes);
    }
    int headerLength = text.length + padding + 1;
    ByteArrayOutputStream out = new ByteArrayOutputStream(8 + lengthBytes + headerLength + body.bytes().length);
    out.write(MAGIC, 0, MAGIC.length);
    out.write(major);
    out.write(0);
    ByteBuffer len = ByteBuffer.allocate(lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
    if (lengthBytes == 2) {
      len.putShort((short) headerLength);
    } else {
      len.putInt(headerLength);
    }
    out.write(len.array(), 0, lengthBytes);
    out.write(text, 0, text.length);
    for (int i = 0; i < padding; i++) {
      out.write(' ');
    }
    out.write('\n');
    out.write(body.bytes(), 0, body.bytes().length);
    return out.toByteArray();
  }

  /** NumPy's rule: pad with 1..64 spaces so that magic, version, length, header and '\n' end on 64. */
  private static int padding(int textLength, int lengthBytes) {
    return ALIGNMENT - ((8 + lengthBytes + textLength + 1) % ALIGNMENT);
  }

  private static byte[] readFully(InputStream in, int n, String what) throws IOException {
    byte[] out = in.readNBytes(n);
    if (out.length < n) {
      throw new EOFException("the .npy data ends early: " + what + " needs " + n + " bytes, only "
          + out.length + " remain");
    }
    return out;
  }
}
