package io.inferlink;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a model expects or produces for one tensor: name, element type and shape, where {@code -1}
 * marks a dimension of any size. Immutable and thread-safe.
 *
 * @param name the tensor name
 * @param dtype the element type
 * @param shape the dimensions; {@code -1} for a variable one; the array is copied in and out
 */
public record TensorSpec(String name, DataType dtype, long[] shape) {
  /**
   * Validates and copies the shape.
   *
   * @param name the tensor name; not null
   * @param dtype the element type; not null
   * @param shape the dimensions, each -1 or more; copied, not null
   * @throws IllegalArgumentException when a dimension is below -1
   */
  public TensorSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dtype, "dtype");
    Objects.requireNonNull(shape, "shape");
    shape = shape.clone();
    for (long d : shape) {
      if (d < -1) {
        throw new IllegalArgumentException("tensor spec '" + name + "': dimension " + d + " is below -1");
      }
    }
  }

  /**
   * A copy of the dimensions.
   *
   * @return a new array with the dimensions; changing it does not change this spec
   */
  @Override
  public long[] shape() {
    return shape.clone();
  }

  /**
   * True when a concrete shape fits this spec (same rank, equal dimensions where this one is fixed).
   *
   * @param concrete the dimensions of an actual tensor
   * @return whether the shape fits
   */
  public boolean accepts(long[] concrete) {
    if (concrete.length != shape.length) {
      return false;
    }
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] != -1 && shape[i] != concrete[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorSpec
        && ((TensorSpec) o).name.equals(name)
        && ((TensorSpec) o).dtype == dtype
        && Arrays.equals(((TensorSpec) o).shape, shape);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, dtype) * 31 + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return name + ":" + dtype + Arrays.toString(shape);
  }
}
