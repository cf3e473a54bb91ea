package io.inferlink.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * One endpoint's result in the demo table. Immutable.
 *
 * @param protocol what the row shows, e.g. {@code TF Serving gRPC}
 * @param endpoint the endpoint without credentials
 * @param outputs the labels the application got, joined
 * @param nanos how long connecting and classifying took
 * @param error why the row failed, or {@code null}
 */
record DemoRow(String protocol, String endpoint, String outputs, long nanos, String error) {
  /** The model every row calls. */
  static final String MODEL = "classifier";

  boolean ok() {
    return error == null;
  }

  static void print(List<DemoRow> rows, PrintWriter out) {
    List<String[]> table = new ArrayList<>();
    table.add(new String[] {"protocol", "endpoint", "model", "outputs (label)", "latency"});
    for (DemoRow r : rows) {
      table.add(new String[] {r.protocol, r.endpoint, MODEL, r.ok() ? r.outputs : "FAILED: " + r.error,
          String.format("%8.1f ms", r.nanos / 1e6)});
    }
    Tables.print(out, table);
    long failed = rows.stream().filter(r -> !r.ok()).count();
    out.println(failed == 0 ? "all " + rows.size() + " endpoints gave the same answer through the same code"
        : failed + " of " + rows.size() + " endpoints failed");
  }
}
