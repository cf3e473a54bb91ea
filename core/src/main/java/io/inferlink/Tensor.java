package io.inferlink;

import io.inferlink.half.HalfFloats;
import io.inferlink.internal.TensorShapes;
import io.inferlink.internal.wire.BackingArrays;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A named, typed, shaped tensor over one read-only, little-endian, row-major {@link ByteBuffer} in
 * the Open Inference Protocol binary layout ({@link DataType#BYTES} elements are a 4-byte
 * little-endian length followed by the raw bytes, back to back).
 *
 * <p>The {@code of...} factories and {@link #fromArray} copy their input once into a new heap
 * buffer; {@link #wrap} copies nothing and views the caller's memory. Instances are immutable and
 * thread-safe: the buffer is never handed out writable and never moved, all reads are absolute or
 * go through fresh duplicates. A wrapped tensor is immutable only as long as its creator leaves
 * the wrapped memory alone: writes to it are visible through the tensor (that is the price of zero
 * copy). A data carrier, not a math library.
 *
 * <p>BOOL elements are one byte each, 0 for false and 1 for true, in every tensor: the factories
 * write only those, and {@link #wrap} reads any other byte as true and stores it as 1 (see there).
 * Every protocol therefore sends, and every reader hands back, the same canonical bytes.
 */
public final class Tensor {

  private final String name;
  private final DataType dtype;
  private final long[] shape;
  private final int count;
  private final ByteBuffer data; // read-only, little-endian, position 0, never moved
  // The heap array under data, or null when there is none to reach (direct or read-only memory); never
  // written. Only the gRPC encoders see it (BackingArrays), because protobuf writes a byte[] to the wire
  // in one piece but copies a read-only buffer through its own 4 KiB buffer first: one more payload copy.
  private final byte[] array;
  private final int arrayOffset;

  static {
    BackingArrays.install(t -> t.array == null ? null : ByteBuffer.wrap(t.array, t.arrayOffset, t.data.limit()));
  }

  /** Trusted constructor: arguments are already validated; {@code data} spans exactly the tensor. */
  Tensor(String name, DataType dtype, long[] shape, int count, ByteBuffer data) {
    this(name, dtype, shape, count, data, data.hasArray() ? data.array() : null,
        data.hasArray() ? data.arrayOffset() + data.position() : 0);
  }

  private Tensor(String name, DataType dtype, long[] shape, int count, ByteBuffer data, byte[] array,
      int arrayOffset) {
    this.name = name;
    this.dtype = dtype;
    this.shape = shape;
    this.count = count;
    // asReadOnlyBuffer() and slice() reset the byte order to big-endian, hence order() last.
    this.data = data.slice().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    this.array = array;
    this.arrayOffset = arrayOffset;
  }

  // ---------------------------------------------------------------- copying factories

  /**
   * Creates a BOOL tensor, one byte (0 or 1) per value.
   *
   * @param name the tensor's name
   * @param values the elements in row-major order; copied, not null
   * @param shape the dimensions, whose product is {@code values.length}; none for a scalar
   * @return a new tensor over a copy of {@code values}
   * @throws IllegalArgumentException when {@code values} does not fill {@code shape}
   */
  public static Tensor ofBooleans(String name, boolean[] values, long... shape) {
    return copyOf(name, DataType.BOOL, values, shape);
  }

  /**
   * Creates an INT8 tensor.
   *
   * @param name the tensor's name
   * @param values the elements in row-major order; copied, not null
   * @param shape the dimensions, whose product is {@code values.length}; none for a scalar
   * @return a new tensor over a copy of {@code values}
   * @throws IllegalArgumentException when {@code values} does not fill {@code shape}
   */
  public static Tensor ofInt8(String name, byte[] values, long... shape) {
    return copyOf(name, DataType.INT8, values, shape);
  }

  /**
   * Creates a UINT8 tensor from raw 8-bit patterns ({@code (byte) 255} is 255).
   *
   * @param name the tensor's name
   * @param values the elements in row-major order; copied, not null
   * @param shape the dimensions, whose product is {@code values.length}; none for a scalar
   * @return a new tensor over a copy of {@code values}
   * @throws IllegalArgumentException when {@code values} does not fill {@code shape}
   */
  public static Tensor ofUint8(String name, byte[] values, long... shape) {
    return copyOf(name, DataType.UINT8, values, shape);
  }

  /**
   * Creates an INT16 tensor.
   *
   * @param name the tensor's name
   * @param values the elements in row-major order; copied, not null
   * @param shape the dimensions, whose product is {@code values.length}; none for a scalar
   * @return a new tensor over a copy of {@code values}
   * @throws IllegalArgumentException when {@code values} does not fill {@code shape}
   */
  public static Tensor ofInt16(String name, short[] values, long... shape) {
    return copyOf(name, DataType.INT16, values, shape);
  }

  /**
   * Creates a UINT16 tensor from raw 16-bit patterns.
   *
   * @param name the tensor's name
   * @param values the elements in row-major order; copied, not null
   * @param shape the dimensions, whose product is {@code values.length}; none for a scalar
   * @return a new tensor over a copy of {@code values}
   * @throws IllegalArgumentException when {@code values} does not fill {@code shape}
   */
  public static Tensor ofUint16(String name, short[] values, long... shape) {
    return copyOf(name, DataType.UINT16, values, shape);
  }

  /**
   * Creates an INT32 tensor.
   *
   * @param name the tensor's name
   * @param values the elements in row-major order; copied, not null
   * @param shape the dimensions, whose product is {@code values.length}; none for a scalar
   * @return a new tensor over a copy of {@code values}
   * @throws IllegalArgumentException when {@code values} does not fill {@code shape}
   */
  public static Tensor ofInts(String name, int[] values, long... shape) {
    return copyOf(name, DataType.INT32, values, shape);
  }

  /**
   * Creates a UINT32 tensor from raw 32-bit patterns.
   *
   * @param name the tensor's name
   * @param values the elements in row-major order; copied, not null
   * @param shape the dimensions, whose product is {@code values.length}; none for a scalar
   * @return a new tensor over a copy of {@code values}
   * @throws IllegalArgumentException when {@code values} does not fill {@code shape}
   */
  public static Tensor ofUint32(String name, int[] values, long... shape) {
    return copyOf(name, DataType.UINT32, values, shape);
  }

  /**
   * Creates an INT64 tensor.
   *
   * @param name the tensor's name
   * @param values the elements in row-major order; copied, not null
   * @param shape the dimensions, whose product is {@code values.length}; none for a scalar
   * @return a new tensor over a copy of {@code values}
   * @throws IllegalArgumentException when {@code values} does not fill {@code shape}
   */
  public static Tensor ofLongs(String name, long[] values, long... shape) {
    return copyOf(name, DataType.INT64, values, shape);
  }

  /**
   * Creates a UINT64 tensor from raw 64-bit patterns.
   *
   * @param name the tensor's name
   * @param values the elements in row-major order; copied, not null
   * @param shape the dimensions, whose product is {@code values.length}; none for a scalar
   * @return a new tensor over a copy of {@code values}
   * @throws IllegalArgumentException when {@code values} does not fill {@code shape}
   */
  public static Tensor ofUint64(String name, long[] values, long... shape) {
    return copyOf(name, DataType.UINT64, values, shape);
  }

  /**
   * Creates an FP16 tensor, rounding each value to nearest-even with {@link HalfFloats}.
   *
   * @param name the tensor's name
   * @param values the elements in row-major order; copied, not null
   * @param shape the dimensions, whose product is {@code values.length}; none for a scalar
   * @return a new tensor over a copy of {@code values}
   * @throws IllegalArgumentException when {@code values} does not fill {@code shape}
   */
  public static Tensor ofFp16(String name, float[] values, long... shape) {
    return copyOf(name, DataType.FP16, values, shape);
  }

  /**
   * Creates a BF16 tensor, rounding each value to nearest-even with {@link HalfFloats}.
   *
   * @param name the tensor's name
   * @param values the elements in row-major order; copied, not null
   * @param shape the dimensions, whose product is {@code values.length}; none for a scalar
   * @return a new tensor over a copy of {@code values}
   * @throws IllegalArgumentException when {@code values} does not fill {@code shape}
   */
  public static Tensor ofBf16(String name, float[] values, long... shape) {
    return copyOf(name, DataType.BF16, values, shape);
  }

  /**
   * Creates an FP32 tensor.
   *
   * @param name the tensor's name
   * @param values the elements in row-major order; copied, not null
   * @param shape the dimensions, whose product is {@code values.length}; none for a scalar
   * @return a new tensor over a copy of {@code values}
   * @throws IllegalArgumentException when {@code values} does not fill {@code shape}
   */
  public static Tensor ofFloats(String name, float[] values, long... shape) {
    return copyOf(name, DataType.FP32, values, shape);
  }

  /**
   * Creates an FP64 tensor.
   *
   * @param name the tensor's name
   * @param values the elements in row-major order; copied, not null
   * @param shape the dimensions, whose product is {@code values.length}; none for a scalar
   * @return a new tensor over a copy of {@code values}
   * @throws IllegalArgumentException when {@code values} does not fill {@code shape}
   */
  public static Tensor ofDoubles(String name, double[] values, long... shape) {
    return copyOf(name, DataType.FP64, values, shape);
  }

  /**
   * Creates a BYTES tensor whose elements are the UTF-8 encodings of {@code values}.
   *
   * @param name the tensor's name
   * @param values the elements in row-major order, none of them null; copied
   * @param shape the dimensions, whose product is {@code values.length}; none for a scalar
   * @return a new tensor over a copy of the elements
   * @throws IllegalArgumentException when {@code values} does not fill {@code shape}
   */
  public static Tensor ofStrings(String name, String[] values, long... shape) {
    TensorShapes.checkName(name);
    Objects.requireNonNull(values, "values");
    byte[][] elements = new byte[values.length][];
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        throw new NullPointerException("tensor '" + name + "': values[" + i + "] is null");
      }
      elements[i] = values[i].getBytes(StandardCharsets.UTF_8);
    }
    return bytesOf(name, elements, shape);
  }

  /**
   * Creates a BYTES tensor from raw elements, kept byte for byte (embedded NULs included).
   *
   * @param name the tensor's name
   * @param values the elements in row-major order, none of them null; copied
   * @param shape the dimensions, whose product is {@code values.length}; none for a scalar
   * @return a new tensor over a copy of the elements
   * @throws IllegalArgumentException when {@code values} does not fill {@code shape}
   */
  public static Tensor ofBytes(String name, byte[][] values, long... shape) {
    TensorShapes.checkName(name);
    Objects.requireNonNull(values, "values");
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        throw new NullPointerException("tensor '" + name + "': values[" + i + "] is null");
      }
    }
    return bytesOf(name, values, shape);
  }

  /**
   * Creates a tensor from a nested Java array, inferring the shape from the nesting and the type
   * from the leaves (boolean BOOL, byte INT8, short INT16, int INT32, long INT64, float FP32,
   * double FP64, String BYTES); a boxed value or a String gives a scalar.
   *
   * @throws IllegalArgumentException naming the index path of a ragged dimension
   * @param name the tensor's name
   * @param nestedArray a rectangular nested array of a supported leaf type, or a single boxed value or String
   * @return a new tensor over a copy of the values
   */
  public static Tensor fromArray(String name, Object nestedArray) {
    return TensorArrays.fromArray(name, null, nestedArray);
  }

  /**
   * Creates a tensor of {@code dtype} from a nested Java array whose leaves fit it (BOOL boolean,
   * INT8/UINT8 byte, INT16/UINT16 short, INT32/UINT32 int, INT64/UINT64 long, FP16/BF16/FP32
   * float, FP64 double, BYTES String or byte[], where one byte[] is one element).
   *
   * @throws IllegalArgumentException naming the index path of a ragged dimension, or when the
   *     leaves do not fit {@code dtype}
   * @param name the tensor's name
   * @param dtype the element type of the result; not null
   * @param nestedArray a rectangular nested array whose leaves fit {@code dtype}, or a single value
   * @return a new tensor over a copy of the values
   */
  public static Tensor fromArray(String name, DataType dtype, Object nestedArray) {
    Objects.requireNonNull(dtype, "dtype");
    return TensorArrays.fromArray(name, dtype, nestedArray);
  }

  // ---------------------------------------------------------------- zero copy

  /**
   * Views {@code data} from its position to its limit without copying, after checking that those
   * bytes are exactly what {@code dtype} and {@code shape} need.
   *
   * <p>The bytes are always read as little-endian, whatever {@code data.order()} says, and the
   * caller's buffer is not moved. Because nothing is copied, later writes to the wrapped memory
   * show through the tensor (and through {@link #withName} copies of it): the caller must stop
   * writing to it once it is wrapped, or the tensor is no longer immutable.
   *
   * <p>BOOL data is scanned: a byte other than 0 or 1 means true, and when there is one the tensor
   * holds a canonical copy (0 and 1 only) instead of a view, so no protocol ever sends, and no
   * reader ever hands back, another byte for a boolean. Canonical BOOL data is viewed like any other.
   *
   * @param name the tensor's name
   * @param dtype the element type; not null
   * @param data the bytes, little-endian, from position to limit; not copied, so not to be written afterwards
   * @param shape the dimensions; none for a scalar
   * @return a tensor viewing {@code data}
   * @throws IllegalArgumentException when the bytes do not match {@code dtype} and {@code shape}
   */
  public static Tensor wrap(String name, DataType dtype, ByteBuffer data, long... shape) {
    TensorShapes.checkName(name);
    Objects.requireNonNull(dtype, "dtype");
    Objects.requireNonNull(data, "data");
    long[] dims = TensorShapes.checkShape(name, shape);
    long elements = TensorShapes.elementCount(name, dims);
    ByteBuffer view = data.slice().order(ByteOrder.LITTLE_ENDIAN);
    if (dtype.isFixedSize()) {
      int expected = TensorShapes.fixedByteSize(name, dtype, dims, elements);
      if (view.remaining() != expected) {
        throw new IllegalArgumentException(
            "tensor '" + name + "': " + dtype.wireName() + " shape " + TensorShapes.format(dims)
                + " needs " + expected + " bytes but the buffer holds " + view.remaining());
      }
    } else {
      BytesElements.validate(name, dims, view, elements);
    }
    if (dtype == DataType.BOOL) {
      view = FixedElements.canonicalBooleans(view);
    }
    return new Tensor(name, dtype, dims, (int) elements, view);
  }

  // ---------------------------------------------------------------- accessors

  /**
   * The tensor's name.
   *
   * @return the name; never null
   */
  public String name() {
    return name;
  }

  /**
   * The element type.
   *
   * @return the element type; never null
   */
  public DataType dtype() {
    return dtype;
  }

  /**
   * A copy of the shape; empty for a scalar.
   *
   * @return a new array with the dimensions
   */
  public long[] shape() {
    return shape.clone();
  }

  /**
   * The number of dimensions (0 for a scalar).
   *
   * @return the rank, 0 or more
   */
  public int rank() {
    return shape.length;
  }

  /**
   * The number of elements: the product of the dimensions (1 for a scalar).
   *
   * @return the element count, 0 or more
   */
  public long elementCount() {
    return count;
  }

  /**
   * The size of the data in bytes (BYTES length prefixes included).
   *
   * @return the data size in bytes
   */
  public int byteSize() {
    return data.limit();
  }

  /**
   * A fresh read-only little-endian duplicate of the data at position 0, which callers may move freely.
   *
   * @return a new read-only buffer over the data
   */
  public ByteBuffer data() {
    return data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * The same tensor under another name, sharing the data without copying.
   *
   * @param name the new name
   * @return a tensor with the new name and the same type, shape and data
   */
  public Tensor withName(String name) {
    return new Tensor(TensorShapes.checkName(name), dtype, shape, count, data, array, arrayOffset);
  }

  // ---------------------------------------------------------------- typed views

  /**
   * A read-only little-endian view of FP32 data.
   *
   * @return a new read-only view of the floats
   * @throws IllegalStateException when the type is not FP32
   */
  public FloatBuffer asFloatBuffer() {
    require("asFloatBuffer", DataType.FP32);
    return data().asFloatBuffer();
  }

  /**
   * A read-only little-endian view of FP64 data.
   *
   * @return a new read-only view of the doubles
   * @throws IllegalStateException when the type is not FP64
   */
  public DoubleBuffer asDoubleBuffer() {
    require("asDoubleBuffer", DataType.FP64);
    return data().asDoubleBuffer();
  }

  /**
   * A read-only little-endian view of INT32 or UINT32 data (raw bits).
   *
   * @return a new read-only view of the ints
   * @throws IllegalStateException when the type is not INT32 or UINT32
   */
  public IntBuffer asIntBuffer() {
    require("asIntBuffer", DataType.INT32, DataType.UINT32);
    return data().asIntBuffer();
  }

  /**
   * A read-only little-endian view of INT64 or UINT64 data (raw bits).
   *
   * @return a new read-only view of the longs
   * @throws IllegalStateException when the type is not INT64 or UINT64
   */
  public LongBuffer asLongBuffer() {
    require("asLongBuffer", DataType.INT64, DataType.UINT64);
    return data().asLongBuffer();
  }

  /**
   * A read-only little-endian view of INT16, UINT16, FP16 or BF16 data (raw bits).
   *
   * @return a new read-only view of the shorts
   * @throws IllegalStateException when the type is not one of those four
   */
  public ShortBuffer asShortBuffer() {
    require("asShortBuffer", DataType.INT16, DataType.UINT16, DataType.FP16, DataType.BF16);
    return data().asShortBuffer();
  }

  // ---------------------------------------------------------------- copying getters

  /**
   * Copies BOOL data out.
   *
   * @return a new array, one value per element
   * @throws IllegalStateException when the type is not BOOL
   */
  public boolean[] toBooleanArray() {
    require("toBooleanArray", DataType.BOOL);
    return (boolean[]) FixedElements.read(dtype, data(), count);
  }

  /**
   * Copies the element bytes of INT8, UINT8 or BOOL data out (use {@link #data()} for any other type's raw bytes).
   *
   * @return a new array, one byte per element
   * @throws IllegalStateException when the type is not INT8, UINT8 or BOOL
   */
  public byte[] toByteArray() {
    require("toByteArray", DataType.INT8, DataType.UINT8, DataType.BOOL);
    byte[] out = new byte[count];
    data().get(out);
    return out;
  }

  /**
   * Copies INT16, UINT16, FP16 or BF16 data out as raw 16-bit patterns.
   *
   * @return a new array, one value per element
   * @throws IllegalStateException when the type is not one of those four
   */
  public short[] toShortArray() {
    require("toShortArray", DataType.INT16, DataType.UINT16, DataType.FP16, DataType.BF16);
    short[] out = new short[count];
    data().asShortBuffer().get(out);
    return out;
  }

  /**
   * Copies INT8, INT16, INT32 (sign-extended), UINT8, UINT16 (zero-extended) or UINT32 (raw bits) data out.
   *
   * @return a new array, one value per element
   * @throws IllegalStateException for any other type
   */
  public int[] toIntArray() {
    require("toIntArray", DataType.INT8, DataType.INT16, DataType.INT32,
        DataType.UINT8, DataType.UINT16, DataType.UINT32);
    if (dtype.byteSize() == 4) {
      int[] out = new int[count];
      data().asIntBuffer().get(out);
      return out;
    }
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      out[i] = (int) longAt(i);
    }
    return out;
  }

  /**
   * Copies any integer type (unsigned zero-extended, UINT64 as raw bits) or BOOL (0/1) out as longs.
   *
   * @return a new array, one value per element
   * @throws IllegalStateException for floating-point or BYTES data
   */
  public long[] toLongArray() {
    requireIntegerOrBool("toLongArray");
    long[] out = new long[count];
    if (dtype.byteSize() == 8) {
      data().asLongBuffer().get(out);
    } else {
      for (int i = 0; i < count; i++) {
        out[i] = longAt(i);
      }
    }
    return out;
  }

  /**
   * Copies FP32 data out, or FP16/BF16 data widened exactly with {@link HalfFloats}.
   *
   * @return a new array, one value per element
   * @throws IllegalStateException for any other type
   */
  public float[] toFloatArray() {
    require("toFloatArray", DataType.FP32, DataType.FP16, DataType.BF16);
    return (float[]) FixedElements.read(dtype, data(), count);
  }

  /**
   * Copies any numeric type or BOOL (0/1) out as doubles; UINT64 gives the unsigned value, rounded to nearest.
   *
   * @return a new array, one value per element
   * @throws IllegalStateException for BYTES data
   */
  public double[] toDoubleArray() {
    requireNumeric("toDoubleArray");
    if (dtype == DataType.FP64) {
      return (double[]) FixedElements.read(dtype, data(), count);
    }
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      out[i] = doubleAt(i);
    }
    return out;
  }

  /**
   * Decodes BYTES elements as UTF-8 (malformed input becomes U+FFFD) into an unmodifiable list.
   *
   * @return the decoded strings, one per element
   * @throws IllegalStateException when the type is not BYTES
   */
  public List<String> toStringList() {
    require("toStringList", DataType.BYTES);
    List<String> out = new ArrayList<>(count);
    for (byte[] element : BytesElements.split(data, count)) {
      out.add(new String(element, StandardCharsets.UTF_8));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Copies BYTES elements out as raw bytes into an unmodifiable list of fresh arrays.
   *
   * @return the elements' bytes, one array per element
   * @throws IllegalStateException when the type is not BYTES
   */
  public List<byte[]> toBytesList() {
    require("toBytesList", DataType.BYTES);
    return BytesElements.split(data, count);
  }

  /**
   * Reads one element (row-major index) of any numeric type or BOOL as a double, like {@link #toDoubleArray()}.
   *
   * @param index the element's position in row-major order, from 0 to {@code elementCount() - 1}
   * @return the element's value
   * @throws IndexOutOfBoundsException when {@code index} is out of range
   * @throws IllegalStateException for BYTES data
   */
  public double getDouble(long index) {
    requireNumeric("getDouble");
    return doubleAt((int) Objects.checkIndex(index, (long) count));
  }

  /**
   * Reads one element (row-major index) of an integer type or BOOL as a long, like {@link #toLongArray()}.
   *
   * @param index the element's position in row-major order, from 0 to {@code elementCount() - 1}
   * @return the element's value
   * @throws IndexOutOfBoundsException when {@code index} is out of range
   * @throws IllegalStateException for floating-point or BYTES data
   */
  public long getLong(long index) {
    requireIntegerOrBool("getLong");
    return longAt((int) Objects.checkIndex(index, (long) count));
  }

  /**
   * Copies the data into a nested Java array of the leaf type {@link #fromArray(String, DataType,
   * Object)} takes for this type (String for BYTES, float for FP16/BF16), or into the boxed value
   * for a scalar; BYTES elements are decoded as UTF-8, so use {@link #toBytesList()} for binary data.
   *
   * @return a new nested array, or a boxed value (String for BYTES) for a scalar
   */
  public Object toArray() {
    return TensorArrays.toArray(dtype, shape, data(), count);
  }

  // ---------------------------------------------------------------- Object

  /** Equal when name, type, shape and data bytes are all equal. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Tensor)) {
      return false;
    }
    Tensor other = (Tensor) o;
    return name.equals(other.name)
        && dtype == other.dtype
        && Arrays.equals(shape, other.shape)
        && data.equals(other.data);
  }

  /** A hash of name, type, shape and data bytes, consistent with {@link #equals}. */
  @Override
  public int hashCode() {
    // Not cached: a wrapped buffer may legitimately change under the tensor.
    return Objects.hash(name, dtype, Arrays.hashCode(shape), data);
  }

  /** A short description without the data, e.g. {@code Tensor{name=x, dtype=FP32, shape=[2, 3], bytes=24}}. */
  @Override
  public String toString() {
    return "Tensor{name=" + name + ", dtype=" + dtype.wireName() + ", shape="
        + TensorShapes.format(shape) + ", bytes=" + byteSize() + "}";
  }

  // ---------------------------------------------------------------- internals

  private static Tensor copyOf(String name, DataType dtype, Object values, long[] shape) {
    TensorShapes.checkName(name);
    Objects.requireNonNull(values, "values");
    long[] dims = TensorShapes.checkShape(name, shape);
    long elements = TensorShapes.elementCount(name, dims);
    TensorShapes.checkFills(name, java.lang.reflect.Array.getLength(values), dims, elements);
    int bytes = TensorShapes.fixedByteSize(name, dtype, dims, elements);
    ByteBuffer buf = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    FixedElements.put(dtype, buf, values);
    buf.flip();
    return new Tensor(name, dtype, dims, (int) elements, buf);
  }

  private static Tensor bytesOf(String name, byte[][] elements, long[] shape) {
    long[] dims = TensorShapes.checkShape(name, shape);
    long count = TensorShapes.elementCount(name, dims);
    TensorShapes.checkFills(name, elements.length, dims, count);
    return new Tensor(name, DataType.BYTES, dims, (int) count, BytesElements.encode(name, dims, elements));
  }

  private long longAt(int i) {
    return FixedElements.longAt(dtype, data, i);
  }

  private double doubleAt(int i) {
    return FixedElements.doubleAt(dtype, data, i);
  }

  private void require(String operation, DataType... allowed) {
    for (DataType t : allowed) {
      if (dtype == t) {
        return;
      }
    }
    throw wrongType(operation);
  }

  private void requireIntegerOrBool(String operation) {
    if (!dtype.isInteger() && dtype != DataType.BOOL) {
      throw wrongType(operation);
    }
  }

  private void requireNumeric(String operation) {
    if (dtype == DataType.BYTES) {
      throw wrongType(operation);
    }
  }

  private IllegalStateException wrongType(String operation) {
    return new IllegalStateException(
        "tensor '" + name + "' has dtype " + dtype.wireName() + ", which " + operation
            + "() does not support");
  }
}
