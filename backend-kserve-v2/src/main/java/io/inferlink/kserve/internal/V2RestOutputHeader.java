package io.inferlink.kserve.internal;

import io.inferlink.DataType;
import io.inferlink.codec.json.JsonColumn;
import io.inferlink.spi.support.MalformedAnswerException;
import java.util.Map;

/** What a response's JSON header says about one output, plus the measures of its JSON data. Not thread-safe. */
final class V2RestOutputHeader {
  final int index;
  String name;
  DataType dtype;
  long[] shape;
  Map<String, Object> parameters = Map.of();
  /** The {@code binary_data_size} parameter, or -1 when the output has none. */
  long binarySize = -1;
  boolean hasData;
  /** The {@code data} array as measured in the first pass, and filled in the second. */
  JsonColumn data;

  V2RestOutputHeader(int index) {
    this.index = index;
  }

  /** The element count, checked to fit a tensor. */
  int elementCount() {
    for (long d : shape) {
      if (d == 0) {
        return 0;
      }
    }
    long n = 1;
    for (long d : shape) {
      if (n > Integer.MAX_VALUE / d) {
        throw new MalformedAnswerException(where() + " has too many elements");
      }
      n *= d;
    }
    return (int) n;
  }

  String where() {
    return "output '" + name + "'";
  }
}
