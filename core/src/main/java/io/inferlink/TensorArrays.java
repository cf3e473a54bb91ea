package io.inferlink;

import io.inferlink.internal.TensorShapes;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Conversion between nested Java arrays ({@code float[2][3]}, {@code String[][]}...) and tensors:
 * the shape comes from the nesting, the element type from the array's static leaf type.
 *
 * <p>The array's class, not its contents, decides the rank, so a zero-length dimension still
 * gives a tensor of the right rank; the dimensions below a zero-length one cannot be seen and are
 * taken as 0 (the tensor has no elements either way).
 */
final class TensorArrays {

  private TensorArrays() {}

  /** Builds a tensor from a nested array, or from a boxed value / String for a scalar. */
  static Tensor fromArray(String name, DataType requested, Object array) {
    TensorShapes.checkName(name);
    Objects.requireNonNull(array, "nestedArray");
    int rank = 0;
    Class<?> leaf = array.getClass();
    while (leaf.isArray()) {
      leaf = leaf.getComponentType();
      rank++;
    }
    if (requested == DataType.BYTES && leaf == byte.class) {
      // A byte[] is one BYTES element, not a dimension.
      rank--;
      leaf = byte[].class;
    } else if (rank == 0) {
      leaf = unboxed(leaf);
    }
    DataType dtype = requested != null ? requested : inferType(name, leaf);
    checkLeaf(name, dtype, leaf);

    long[] shape = inferShape(name, array, rank);
    long count = TensorShapes.elementCount(name, shape);
    if (dtype == DataType.BYTES) {
      byte[][] elements = new byte[(int) count][];
      int[] next = {0};
      walk(name, array, shape, 0, new StringBuilder(), (row, path) -> {
        Object[] values = (Object[]) row;
        for (int i = 0; i < values.length; i++) {
          elements[next[0]++] = bytesOf(name, values[i], path, i);
        }
      });
      return new Tensor(name, dtype, shape, (int) count, BytesElements.encode(name, shape, elements));
    }
    int bytes = TensorShapes.fixedByteSize(name, dtype, shape, count);
    ByteBuffer buf = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    walk(name, array, shape, 0, new StringBuilder(), (row, path) -> FixedElements.put(dtype, buf, row));
    buf.flip();
    return new Tensor(name, dtype, shape, (int) count, buf);
  }

  /** Builds the nested array (or the boxed scalar) that {@link #fromArray} would turn back into the tensor. */
  static Object toArray(DataType dtype, long[] shape, ByteBuffer data, int count) {
    RowReader rows;
    if (dtype == DataType.BYTES) {
      Iterator<byte[]> elements = BytesElements.split(data, count).iterator();
      rows = length -> {
        String[] row = new String[length];
        for (int i = 0; i < length; i++) {
          row[i] = new String(elements.next(), StandardCharsets.UTF_8);
        }
        return row;
      };
    } else {
      rows = length -> FixedElements.read(dtype, data, length);
    }
    if (shape.length == 0) {
      return Array.get(rows.read(1), 0);
    }
    return build(FixedElements.leafType(dtype), shape, 0, rows);
  }

  private interface RowReader {
    Object read(int length);
  }

  private interface RowSink {
    void accept(Object row, CharSequence path);
  }

  private static Object build(Class<?> leaf, long[] shape, int dim, RowReader rows) {
    if (shape[dim] > Integer.MAX_VALUE) {
      throw new IllegalStateException(
          "shape " + TensorShapes.format(shape) + " has a dimension too long for a Java array");
    }
    int length = (int) shape[dim];
    if (dim == shape.length - 1) {
      return rows.read(length);
    }
    Class<?> component = leaf;
    for (int i = dim + 1; i < shape.length; i++) {
      component = component.arrayType();
    }
    Object[] level = (Object[]) Array.newInstance(component, length);
    for (int i = 0; i < length; i++) {
      level[i] = build(leaf, shape, dim + 1, rows);
    }
    return level;
  }

  private static long[] inferShape(String name, Object array, int rank) {
    long[] shape = new long[rank];
    Object node = array;
    for (int dim = 0; dim < rank; dim++) {
      int length = Array.getLength(node);
      shape[dim] = length;
      if (length == 0) {
        break; // deeper dimensions stay 0: nothing below an empty array to measure
      }
      if (dim + 1 < rank) {
        node = ((Object[]) node)[0];
        if (node == null) {
          throw new NullPointerException(
              "tensor '" + name + "': null sub-array at " + "[0]".repeat(dim + 1));
        }
      }
    }
    return shape;
  }

  /** Visits the innermost arrays in row-major order, checking each level against {@code shape}. */
  private static void walk(
      String name, Object node, long[] shape, int dim, StringBuilder path, RowSink sink) {
    if (shape.length == 0) {
      Object row = Array.newInstance(node instanceof byte[] ? byte[].class : unboxed(node.getClass()), 1);
      Array.set(row, 0, node);
      sink.accept(row, path);
      return;
    }
    int length = Array.getLength(node);
    if (length != shape[dim]) {
      throw new IllegalArgumentException(
          "tensor '" + name + "': ragged array: " + path + " has length " + length + " but "
              + "[0]".repeat(dim) + " has length " + shape[dim] + " (dimension " + dim
              + " must be rectangular)");
    }
    if (dim == shape.length - 1) {
      sink.accept(node, path);
      return;
    }
    Object[] children = (Object[]) node;
    for (int i = 0; i < length; i++) {
      int mark = path.length();
      path.append('[').append(i).append(']');
      if (children[i] == null) {
        throw new NullPointerException("tensor '" + name + "': null sub-array at " + path);
      }
      walk(name, children[i], shape, dim + 1, path, sink);
      path.setLength(mark);
    }
  }

  private static byte[] bytesOf(String name, Object value, CharSequence path, int index) {
    if (value == null) {
      throw new NullPointerException(
          "tensor '" + name + "': null BYTES element at " + path + "[" + index + "]");
    }
    return value instanceof String ? ((String) value).getBytes(StandardCharsets.UTF_8) : (byte[]) value;
  }

  private static DataType inferType(String name, Class<?> leaf) {
    if (leaf == boolean.class) {
      return DataType.BOOL;
    } else if (leaf == byte.class) {
      return DataType.INT8;
    } else if (leaf == short.class) {
      return DataType.INT16;
    } else if (leaf == int.class) {
      return DataType.INT32;
    } else if (leaf == long.class) {
      return DataType.INT64;
    } else if (leaf == float.class) {
      return DataType.FP32;
    } else if (leaf == double.class) {
      return DataType.FP64;
    } else if (leaf == String.class) {
      return DataType.BYTES;
    }
    throw new IllegalArgumentException(
        "tensor '" + name + "': cannot infer a data type from " + leaf.getName() + " elements;"
            + " use boolean, byte, short, int, long, float, double or String leaves");
  }

  private static void checkLeaf(String name, DataType dtype, Class<?> leaf) {
    boolean fits = dtype == DataType.BYTES
        ? leaf == String.class || leaf == byte[].class
        : leaf == FixedElements.leafType(dtype);
    if (!fits) {
      String expected = dtype == DataType.BYTES
          ? "String or byte[]"
          : FixedElements.leafType(dtype).getName();
      throw new IllegalArgumentException(
          "tensor '" + name + "': " + dtype.wireName() + " needs " + expected
              + " elements, got " + leaf.getSimpleName());
    }
  }

  private static Class<?> unboxed(Class<?> type) {
    if (type == Boolean.class) {
      return boolean.class;
    } else if (type == Byte.class) {
      return byte.class;
    } else if (type == Short.class) {
      return short.class;
    } else if (type == Integer.class) {
      return int.class;
    } else if (type == Long.class) {
      return long.class;
    } else if (type == Float.class) {
      return float.class;
    } else if (type == Double.class) {
      return double.class;
    }
    return type;
  }
}
