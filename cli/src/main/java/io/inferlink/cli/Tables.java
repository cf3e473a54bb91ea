package io.inferlink.cli;

import io.inferlink.DataType;
import io.inferlink.InferenceResponse;
import io.inferlink.Tensor;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Human-readable tables: padded columns, long data shortened. Stateless and thread-safe. */
final class Tables {
  /** Elements shown per tensor before "... (N more)". */
  static final int PREVIEW = 8;

  private Tables() {}

  /** Prints columns padded to their widest cell; the first row is the header. */
  static void print(PrintWriter out, List<String[]> rows) {
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder sb = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        sb.append(c == columns - 1 ? row[c] : String.format("%-" + (width[c] + 2) + "s", row[c]));
      }
      out.println(sb.toString().stripTrailing());
    }
  }

  static void printResponse(PrintWriter out, InferenceResponse r) {
    out.println("model " + r.modelName() + (r.modelVersion() == null ? "" : " version " + r.modelVersion())
        + (r.id() == null ? "" : " id " + r.id()));
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"output", "dtype", "shape", "data"});
    for (Tensor t : r.outputs().values()) {
      rows.add(new String[] {t.name(), t.dtype().wireName(), Arrays.toString(t.shape()), preview(t)});
    }
    print(out, rows);
  }

  /** The first elements of a tensor, flat: {@code [1.0, 2.0, ... (98 more)]}. */
  static String preview(Tensor t) {
    long n = t.elementCount();
    int shown = (int) Math.min(n, PREVIEW);
    List<String> items = new ArrayList<>();
    if (t.dtype() == DataType.BYTES) {
      List<byte[]> elements = t.toBytesList();
      for (int i = 0; i < shown; i++) {
        String s = io.inferlink.codec.json.RawByteText.strictUtf8(java.nio.ByteBuffer.wrap(elements.get(i)));
        items.add(s == null ? "<" + elements.get(i).length + " bytes>" : s);
      }
    } else {
      for (int i = 0; i < shown; i++) {
        items.add(element(t, i));
      }
    }
    String joined = String.join(", ", items);
    return "[" + joined + (n > shown ? ", ... (" + (n - shown) + " more)" : "") + "]";
  }

  private static String element(Tensor t, int i) {
    DataType d = t.dtype();
    if (d == DataType.BOOL) {
      return t.getLong(i) != 0 ? "true" : "false";
    }
    if (d == DataType.UINT64) {
      return Long.toUnsignedString(t.getLong(i));
    }
    if (d.isInteger()) {
      return Long.toString(t.getLong(i));
    }
    return d == DataType.FP64 ? Double.toString(t.getDouble(i)) : Float.toString((float) t.getDouble(i));
  }
}
