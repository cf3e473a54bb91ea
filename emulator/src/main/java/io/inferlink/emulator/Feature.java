package io.inferlink.emulator;

import java.util.List;

/**
 * One feature of an {@link Example}, protocol-free: a list of byte strings, of float32 values or of
 * int64 values, as TF's {@code tensorflow.Feature} has. Immutable and thread-safe as long as nobody
 * writes into the arrays it holds.
 */
public sealed interface Feature permits Feature.Bytes, Feature.Floats, Feature.Int64s {

  /**
   * How many values the feature has.
   *
   * @return the number of values
   */
  int size();

  /**
   * Byte strings (UTF-8 text or raw bytes).
   *
   * @param values the values
   */
  record Bytes(List<byte[]> values) implements Feature {
    /**
     * Copies the list.
     *
     * @param values the values, in order; the list is copied, the arrays are not
     */
    public Bytes {
      values = List.copyOf(values);
    }

    @Override
    public int size() {
      return values.size();
    }
  }

  /**
   * Float32 values.
   *
   * @param values the values (not copied)
   */
  record Floats(float[] values) implements Feature {
    @Override
    public int size() {
      return values.length;
    }
  }

  /**
   * Int64 values (JSON booleans arrive here as 1 and 0).
   *
   * @param values the values (not copied)
   */
  record Int64s(long[] values) implements Feature {
    @Override
    public int size() {
      return values.length;
    }
  }
}
