package io.inferlink.tfserving.rest.internal;

import com.fasterxml.jackson.core.JsonParser;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.transport.http.ByteChunks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a predict response into tensors in two passes over the body: the first measures every
 * output (shape, element kinds, bytes needed) without storing values, the second writes the values
 * straight into exactly-sized tensor buffers. So a response costs its JSON text plus the tensors, and
 * no intermediate copy, however large. Plain numeric answers (nearly all) take {@link NumericAnswer}'s
 * faster road to the same tensors; this class reads the rest.
 *
 * <p>Element types come from the model's signature when known ({@link OutputTypes}). Without it they
 * are inferred from the JSON: only integers → INT64 (UINT64 when a value exceeds INT64 and none is
 * negative), any number with a fraction, exponent or NaN/Infinity → FP32, true/false → BOOL, strings
 * and {@code {"b64": ...}} → BYTES; an empty tensor → FP32.
 */
final class PredictResponseReader {
  private PredictResponseReader() {}

  static List<Tensor> read(ByteChunks body, OutputTypes types) {
    List<Tensor> plain = NumericAnswer.read(body, types);
    return plain != null ? plain : readGeneral(body, types);
  }

  /** Any answer, through Jackson, with exact messages for malformed ones; {@link NumericAnswer} takes most. */
  static List<Tensor> readGeneral(ByteChunks body, OutputTypes types) {
    Map<String, OutputScan> scans = new LinkedHashMap<>();
    ResponseWalker.Form form = ResponseWalker.walk(body, types.unnamedOutput(), new ResponseWalker.Visitor() {
      @Override
      public void value(String output, JsonParser p) throws IOException {
        scans.computeIfAbsent(output, OutputScan::new).scanValue(p);
      }

      @Override
      public void scalarText(String output, String text, boolean b64) {
        scans.computeIfAbsent(output, OutputScan::new).scanScalarText(text, b64);
      }
    });
    boolean rows = form == ResponseWalker.Form.ROWS;
    Map<String, OutputFill> fills = new LinkedHashMap<>();
    Map<String, long[]> shapes = new LinkedHashMap<>();
    for (OutputScan scan : scans.values()) {
      long[] shape = scan.shape(rows);
      DataType dtype = types.typeOf(scan.name).orElseGet(() -> infer(scan));
      fills.put(scan.name, new OutputFill(scan.name, dtype, elements(scan.name, shape), scan.bytesNeeded));
      shapes.put(scan.name, shape);
    }
    ResponseWalker.walk(body, types.unnamedOutput(), new ResponseWalker.Visitor() {
      @Override
      public void value(String output, JsonParser p) throws IOException {
        fills.get(output).fillValue(p);
      }

      @Override
      public void scalarText(String output, String text, boolean b64) {
        fills.get(output).fillScalarText(text, b64);
      }
    });
    List<Tensor> out = new ArrayList<>(fills.size());
    for (OutputFill fill : fills.values()) {
      if (fill.buffer.hasRemaining()) {
        throw new MalformedAnswerException("output '" + fill.name + "': values do not fill its shape");
      }
      fill.buffer.flip();
      try {
        out.add(Tensor.wrap(fill.name, fill.dtype, fill.buffer, shapes.get(fill.name)));
      } catch (IllegalArgumentException e) {
        // What a Tensor refuses that the reader has not checked, an empty name say.
        throw new MalformedAnswerException("output '" + fill.name + "' cannot be a tensor: " + e.getMessage(), e);
      }
    }
    return out;
  }

  static DataType infer(OutputScan s) {
    int kinds = (s.sawBool ? 1 : 0) + (s.sawText ? 1 : 0) + (s.sawInt || s.sawFloat ? 1 : 0);
    if (kinds > 1) {
      throw new MalformedAnswerException("output '" + s.name + "' mixes numbers, booleans and text");
    }
    if (s.sawText) {
      return DataType.BYTES;
    }
    if (s.sawBool) {
      return DataType.BOOL;
    }
    if (s.sawFloat || !s.sawInt) {
      return DataType.FP32;
    }
    if (s.sawBeyondInt64) {
      if (s.sawNegative) {
        throw new MalformedAnswerException("output '" + s.name + "' has integers beyond both INT64 and UINT64");
      }
      return DataType.UINT64;
    }
    return DataType.INT64;
  }

  private static long elements(String name, long[] shape) {
    long n = 1;
    for (long d : shape) {
      try {
        n = Math.multiplyExact(n, d);
      } catch (ArithmeticException e) {
        throw new MalformedAnswerException("output '" + name + "' is too large");
      }
    }
    return n;
  }
}
