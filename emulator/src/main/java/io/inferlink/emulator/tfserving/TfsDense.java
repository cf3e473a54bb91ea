package io.inferlink.emulator.tfserving;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Dense tensors from nested JSON lists, as TF Serving reads them: the shape comes from the first
 * element at each level, then every leaf must sit at the deepest level and every list must have the
 * size of its level. Stateless.
 */
final class TfsDense {
  private TfsDense() {}

  /** The shape of a value: its list sizes along first elements; {@code []} for a scalar. */
  static long[] shape(JsonNode value) {
    List<Long> dims = new ArrayList<>();
    JsonNode v = value;
    while (v.isArray()) {
      dims.add((long) v.size());
      if (v.size() == 0) {
        break;
      }
      v = v.get(0);
    }
    return dims.stream().mapToLong(Long::longValue).toArray();
  }

  /** Adds every leaf of {@code value} to the builder, checking the value against {@code shape}. */
  static void fill(JsonNode value, long[] shape, TfsTensorBuilder into) {
    fill(value, 0, shape, into);
  }

  private static void fill(JsonNode value, int level, long[] shape, TfsTensorBuilder into) {
    int rank = shape.length;
    if (!value.isArray()) {
      if (level != rank) {
        throw TfsError.invalid("JSON Value: " + TfsJson.describe(value) + " found at incorrect level: " + (level + 1)
            + " in the JSON DOM. Expected at level: " + rank);
      }
      if (value.isObject()) {
        into.addObject(value);
      } else {
        into.add(value);
      }
      return;
    }
    if (level >= rank) {
      throw TfsError.invalid("Encountered list at unexpected level: " + level + " expected < " + rank);
    }
    if (value.size() != shape[level]) {
      throw TfsError.invalid("Encountered list at unexpected size: " + value.size() + " at level: " + level
          + " expected size: " + shape[level]);
    }
    for (JsonNode element : value) {
      fill(element, level + 1, shape, into);
    }
  }

  /** A shape as TF's messages show it: {@code [2,3]}. */
  static String format(long[] shape) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < shape.length; i++) {
      s.append(i == 0 ? "" : ",").append(shape[i]);
    }
    return s.append(']').toString();
  }
}
