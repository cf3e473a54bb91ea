package io.inferlink.tfserving.rest.internal;

import com.fasterxml.jackson.core.JsonParser;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.codec.json.JsonColumn;
import io.inferlink.codec.json.LeafKinds;
import io.inferlink.codec.json.LeafRules;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.transport.http.internal.ByteChunks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a predict response into tensors in two passes over the body ({@link ResponseWalker} finds the values,
 * the codec's {@link JsonColumn} reads them): the first measures every output (shape, element kinds, bytes
 * needed) without storing values, the second writes the values straight into exactly-sized tensor buffers. So a
 * response costs its JSON text plus the tensors, and no intermediate copy, however large.
 *
 * <p>Element types come from the model's signature when known ({@link OutputTypes}). Without it they
 * are inferred from the JSON: only integers → INT64 (UINT64 when a value exceeds INT64 and none is
 * negative), any number with a fraction, exponent or NaN/Infinity → FP32, true/false → BOOL, strings
 * and {@code {"b64": ...}} → BYTES; an empty tensor → FP32.
 */
final class PredictResponseReader {
  /** TF Serving's elements: plain JSON values, and {@code {"b64": ...}} for bytes that are not text. */
  private static final LeafRules RULES = LeafRules.STRICT.withB64Objects();

  private PredictResponseReader() {}

  static List<Tensor> read(ByteChunks body, OutputTypes types) {
    Map<String, JsonColumn> columns = new LinkedHashMap<>();
    ResponseWalker.Form form = ResponseWalker.walk(body, types.unnamedOutput(), new ResponseWalker.Visitor() {
      @Override
      public void value(String output, JsonParser p) throws IOException {
        column(columns, output, types).measure(p);
      }

      @Override
      public void scalarText(String output, String text, boolean b64) {
        column(columns, output, types).measureText(text, b64);
      }
    });
    boolean rows = form == ResponseWalker.Form.ROWS;
    for (Map.Entry<String, JsonColumn> e : columns.entrySet()) {
      String name = e.getKey();
      JsonColumn c = e.getValue();
      if (!rows && c.values() > 1) {
        throw new MalformedAnswerException("output '" + name + "' appears " + c.values() + " times in \"outputs\"");
      }
      DataType dtype = types.typeOf(name).orElseGet(() -> infer(name, c.kinds()));
      c.allocate(dtype, rows ? c.stackedShape() : c.valueShape());
    }
    ResponseWalker.walk(body, types.unnamedOutput(), new ResponseWalker.Visitor() {
      @Override
      public void value(String output, JsonParser p) throws IOException {
        columns.get(output).fill(p);
      }

      @Override
      public void scalarText(String output, String text, boolean b64) {
        columns.get(output).fillText(text, b64);
      }
    });
    List<Tensor> out = new ArrayList<>(columns.size());
    columns.forEach((name, c) -> out.add(c.toTensor(name)));
    return out;
  }

  private static JsonColumn column(Map<String, JsonColumn> columns, String output, OutputTypes types) {
    return columns.computeIfAbsent(output,
        name -> new JsonColumn("output '" + name + "'", types.typeOf(name).orElse(null), RULES));
  }

  /**
   * TF Serving's rule for an output the signature does not type (see the class comment): JSON's own kinds
   * decide ({@link LeafKinds#valueType}), except that integers beyond INT64 with none negative are UINT64.
   */
  static DataType infer(String name, LeafKinds k) {
    if (k.kindCount() == 1 && k.integers() && !k.floats() && k.beyondInt64() && !k.negativeIntegers()) {
      return DataType.UINT64;
    }
    return k.valueType("output '" + name + "'", DataType.FP32);
  }
}
