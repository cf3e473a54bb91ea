package io.inferlink.examples.torchserve.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.codec.json.JsonColumn;
import io.inferlink.codec.json.JsonTensors;
import io.inferlink.codec.json.LeafKinds;
import io.inferlink.codec.json.LeafRules;
import io.inferlink.spi.support.MalformedAnswerException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an answer of the template's convention: a JSON object with one member per output, each a value or nested
 * lists, or a bare list or value: one output named {@value #UNNAMED_OUTPUT}. The values are read by the codec's
 * {@link JsonColumn} (measured, then filled into exact buffers, never held as a tree) and typed the way
 * {@code torch.tensor()} types Python lists: integers only make INT64; any number with a fraction, an exponent,
 * or NaN or an infinity makes every number FP32; booleans make BOOL, strings BYTES; no element at all makes an
 * empty FP32 tensor; mixing kinds, {@code null} and objects are malformed. Stateless.
 */
final class TorchServeAnswerBody {
  /** The name of the one output of a handler that answers a bare list or value. */
  static final String UNNAMED_OUTPUT = "output";

  private TorchServeAnswerBody() {}

  /**
   * The outputs, in the order of the document.
   *
   * @throws MalformedAnswerException when the body is not JSON of the convention
   */
  static Map<String, Tensor> read(byte[] body) {
    Map<String, JsonColumn> outputs = new LinkedHashMap<>();
    walk(body, outputs, true);
    outputs.forEach((name, c) -> c.allocate(torchType(name, c.kinds()), c.valueShape()));
    walk(body, outputs, false);
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    outputs.forEach((name, c) -> tensors.put(name, c.toTensor(name)));
    return tensors;
  }

  /** One pass over the body: measuring the outputs (and finding them), or filling them. */
  private static void walk(byte[] body, Map<String, JsonColumn> outputs, boolean measuring) {
    try (JsonParser p = JsonTensors.parser(body, true)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new MalformedAnswerException("the body is empty");
      }
      if (first == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          if (measuring && outputs.containsKey(name)) {
            throw new MalformedAnswerException("output '" + name + "' appears twice");
          }
          visit(outputs, name, p, measuring);
        }
      } else {
        visit(outputs, UNNAMED_OUTPUT, p, measuring);
      }
      if (p.nextToken() != null) {
        throw new MalformedAnswerException("there is more after the JSON value");
      }
    } catch (JsonParseException e) {
      throw new MalformedAnswerException("the body is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new MalformedAnswerException("the body cannot be read: " + e.getMessage());
    }
  }

  private static void visit(Map<String, JsonColumn> outputs, String name, JsonParser p, boolean measuring)
      throws IOException {
    if (measuring) {
      JsonColumn c = new JsonColumn("output '" + name + "'", null, LeafRules.STRICT);
      outputs.put(name, c);
      c.measure(p);
    } else {
      outputs.get(name).fill(p);
    }
  }

  /** {@code torch.tensor()}'s rule (see the class comment). */
  private static DataType torchType(String name, LeafKinds k) {
    if (k.kindCount() > 1) {
      throw new MalformedAnswerException("output '" + name + "' mixes numbers, booleans and strings, which no tensor holds");
    }
    if (k.text()) {
      return DataType.BYTES;
    }
    if (k.booleans()) {
      return DataType.BOOL;
    }
    if (k.integers() && !k.floats()) {
      if (k.beyondInt64()) {
        // torch.tensor() overflows on such an integer too, unless the list is float already.
        throw new MalformedAnswerException("output '" + name + "' holds an integer beyond INT64");
      }
      return DataType.INT64;
    }
    return DataType.FP32; // torch.tensor([]) is float32 too
  }
}
