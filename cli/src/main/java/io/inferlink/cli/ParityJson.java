package io.inferlink.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.inferlink.parity.OutputComparison;
import io.inferlink.parity.ParityCall;
import io.inferlink.parity.ParityReport;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code parity --output json}, one line:
 *
 * <pre>{@code
 * {"model":"add_one","tolerance":{"absolute":0.0,"relative":0.0},"match":false,
 *  "servers":[{"endpoint":"...","ok":true,"latency_ms":1.2,"error":null}, ...],
 *  "comparisons":[{"output":"y","baseline":"...","other":"...","match":false,"dtype_equal":true,
 *    "shape_equal":true,"baseline_dtype":"FP32","other_dtype":"FP32","baseline_shape":[2],
 *    "other_shape":[2],"max_abs_diff":0.001,"max_rel_diff":0.0005,"mismatches":1,
 *    "first_mismatch":"at [1]: 3.001 vs 3.0","problem":null}]}
 * }</pre>
 *
 * Differences that do not apply (BYTES, a missing output) are {@code null}. Stateless.
 */
final class ParityJson {
  private ParityJson() {}

  static String toJson(ParityReport report, io.inferlink.spi.support.SecretScrubber secrets) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = ResponseJson.FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("model", report.model());
      g.writeObjectFieldStart("tolerance");
      g.writeNumberField("absolute", report.tolerance().absolute());
      g.writeNumberField("relative", report.tolerance().relative());
      g.writeEndObject();
      g.writeBooleanField("match", report.matches());
      g.writeArrayFieldStart("servers");
      for (ParityCall c : report.calls()) {
        g.writeStartObject();
        g.writeStringField("endpoint", c.label());
        g.writeBooleanField("ok", c.ok());
        g.writeNumberField("latency_ms", Math.round(c.latency().toNanos() / 1e4) / 100.0);
        g.writeStringField("error", c.ok() ? null : ErrorReport.shortReason(c.error(), secrets));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("comparisons");
      for (OutputComparison c : report.comparisons()) {
        comparison(g, c, report.requireSameDtype());
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void comparison(JsonGenerator g, OutputComparison c, boolean requireSameDtype) throws IOException {
    g.writeStartObject();
    g.writeStringField("output", c.output());
    g.writeStringField("baseline", c.baseline());
    g.writeStringField("other", c.other());
    g.writeBooleanField("match", c.matches(requireSameDtype));
    g.writeBooleanField("dtype_equal", c.dtypeEqual());
    g.writeBooleanField("shape_equal", c.shapeEqual());
    g.writeStringField("baseline_dtype", c.baselineDtype());
    g.writeStringField("other_dtype", c.otherDtype());
    shape(g, "baseline_shape", c.baselineShape());
    shape(g, "other_shape", c.otherShape());
    number(g, "max_abs_diff", c.maxAbsDiff());
    number(g, "max_rel_diff", c.maxRelDiff());
    g.writeNumberField("mismatches", c.mismatches());
    g.writeStringField("first_mismatch", c.firstMismatch());
    g.writeStringField("problem", c.problem());
    g.writeEndObject();
  }

  private static void shape(JsonGenerator g, String field, List<Long> shape) throws IOException {
    g.writeArrayFieldStart(field);
    for (long d : shape) {
      g.writeNumber(d);
    }
    g.writeEndArray();
  }

  private static void number(JsonGenerator g, String field, double v) throws IOException {
    if (Double.isNaN(v)) {
      g.writeNullField(field);
    } else if (Double.isInfinite(v)) {
      g.writeStringField(field, "Infinity");
    } else {
      g.writeNumberField(field, v);
    }
  }
}
