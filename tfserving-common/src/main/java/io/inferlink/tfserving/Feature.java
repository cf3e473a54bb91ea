package io.inferlink.tfserving;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One feature of a TensorFlow {@link Example}: a list of byte strings, of floats, or of 64-bit
 * integers (TensorFlow's {@code BytesList}, {@code FloatList}, {@code Int64List}). Immutable and
 * thread-safe.
 */
public final class Feature {
  /** Which list a feature holds. */
  public enum Kind {
    /** Byte strings (text is UTF-8). */
    BYTES,
    /** 32-bit floats. */
    FLOAT,
    /** 64-bit integers. */
    INT64
  }

  private final Kind kind;
  private final List<byte[]> bytes;
  private final float[] floats;
  private final long[] int64s;
  private final boolean text;

  private Feature(Kind kind, List<byte[]> bytes, float[] floats, long[] int64s, boolean text) {
    this.kind = kind;
    this.bytes = bytes;
    this.floats = floats;
    this.int64s = int64s;
    this.text = text;
  }

  /**
   * A bytes feature from UTF-8 text values.
   *
   * @param values the texts, none null
   * @return a BYTES feature that {@link #isText() is text}
   */
  public static Feature ofStrings(String... values) {
    List<byte[]> list = new ArrayList<>(values.length);
    for (String v : values) {
      list.add(Objects.requireNonNull(v, "value").getBytes(StandardCharsets.UTF_8));
    }
    return new Feature(Kind.BYTES, Collections.unmodifiableList(list), null, null, true);
  }

  /**
   * A bytes feature from raw values (copied).
   *
   * @param values the byte strings, none null
   * @return a BYTES feature that is not text
   */
  public static Feature ofBytes(byte[]... values) {
    List<byte[]> list = new ArrayList<>(values.length);
    for (byte[] v : values) {
      list.add(Objects.requireNonNull(v, "value").clone());
    }
    return new Feature(Kind.BYTES, Collections.unmodifiableList(list), null, null, false);
  }

  /**
   * A float feature.
   *
   * @param values the values (copied)
   * @return a FLOAT feature
   */
  public static Feature ofFloats(float... values) {
    return new Feature(Kind.FLOAT, null, values.clone(), null, false);
  }

  /**
   * An int64 feature.
   *
   * @param values the values (copied)
   * @return an INT64 feature
   */
  public static Feature ofInt64s(long... values) {
    return new Feature(Kind.INT64, null, null, values.clone(), false);
  }

  /**
   * Which list this feature holds.
   *
   * @return BYTES, FLOAT or INT64
   */
  public Kind kind() {
    return kind;
  }

  /**
   * True for a bytes feature made from text ({@link #ofStrings}): JSON protocols may send it as
   * strings; raw bytes travel base64-encoded.
   *
   * @return whether the values were given as text
   */
  public boolean isText() {
    return text;
  }

  /**
   * Number of values.
   *
   * @return how many values the list holds
   */
  public int size() {
    switch (kind) {
      case BYTES: return bytes.size();
      case FLOAT: return floats.length;
      default: return int64s.length;
    }
  }

  /**
   * The byte-string values.
   *
   * @return copies of the values, in order
   * @throws IllegalStateException when the feature holds another kind
   */
  public List<byte[]> bytesValues() {
    require(Kind.BYTES);
    List<byte[]> copy = new ArrayList<>(bytes.size());
    bytes.forEach(b -> copy.add(b.clone()));
    return copy;
  }

  /**
   * The float values.
   *
   * @return a copy of the values
   * @throws IllegalStateException when the feature holds another kind
   */
  public float[] floatValues() {
    require(Kind.FLOAT);
    return floats.clone();
  }

  /**
   * The int64 values.
   *
   * @return a copy of the values
   * @throws IllegalStateException when the feature holds another kind
   */
  public long[] int64Values() {
    require(Kind.INT64);
    return int64s.clone();
  }

  private void require(Kind wanted) {
    if (kind != wanted) {
      throw new IllegalStateException("feature holds " + kind + " values, not " + wanted);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Feature) || ((Feature) o).kind != kind) {
      return false;
    }
    Feature f = (Feature) o;
    switch (kind) {
      case BYTES:
        if (f.bytes.size() != bytes.size()) {
          return false;
        }
        for (int i = 0; i < bytes.size(); i++) {
          if (!Arrays.equals(bytes.get(i), f.bytes.get(i))) {
            return false;
          }
        }
        return true;
      case FLOAT:
        return Arrays.equals(floats, f.floats);
      default:
        return Arrays.equals(int64s, f.int64s);
    }
  }

  @Override
  public int hashCode() {
    switch (kind) {
      case BYTES:
        int h = 1;
        for (byte[] b : bytes) {
          h = 31 * h + Arrays.hashCode(b);
        }
        return h;
      case FLOAT:
        return Arrays.hashCode(floats);
      default:
        return Arrays.hashCode(int64s);
    }
  }

  @Override
  public String toString() {
    return "Feature{" + kind + " x" + size() + "}";
  }
}
