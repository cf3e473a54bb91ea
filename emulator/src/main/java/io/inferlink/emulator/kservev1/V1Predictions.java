package io.inferlink.emulator.kservev1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferlink.Tensor;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A model's outputs as V1 {@code predictions}, the way KServe's server writes what a Python model
 * returns: one output gives its rows along the first dimension, bare (numpy's {@code tolist()}; a
 * scalar output is the bare value); several outputs give one object per row, keyed by output name
 * (as a pandas frame's rows, or the classifier's {@code [{"label": ..., "scores": [...]}]}). FP32
 * values are written as the doubles they are (Python floats), BYTES as UTF-8 strings. Stateless.
 */
final class V1Predictions {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private V1Predictions() {}

  static JsonNode of(List<Tensor> outputs) {
    ArrayNode rows = NODES.arrayNode();
    if (outputs.size() == 1) {
      Tensor only = outputs.get(0);
      if (only.rank() == 0) {
        return new Cursor(only).next();
      }
      Cursor c = new Cursor(only);
      for (long r = 0; r < only.shape()[0]; r++) {
        rows.add(c.level(1));
      }
      return rows;
    }
    if (outputs.isEmpty()) {
      return rows;
    }
    long n = -1;
    for (Tensor t : outputs) {
      if (t.rank() == 0 || (n >= 0 && t.shape()[0] != n)) {
        throw V1RestError.internal("ValueError", "outputs " + names(outputs) + " do not share a first dimension,"
            + " so they cannot be written as rows");
      }
      n = t.shape()[0];
    }
    Cursor[] cursors = outputs.stream().map(Cursor::new).toArray(Cursor[]::new);
    for (long r = 0; r < n; r++) {
      ObjectNode row = rows.addObject();
      for (Cursor c : cursors) {
        row.set(c.tensor.name(), c.level(1));
      }
    }
    return rows;
  }

  private static String names(List<Tensor> outputs) {
    return outputs.stream().map(Tensor::name).toList().toString();
  }

  /** Walks a tensor's elements in order; BYTES elements have no fixed offsets. */
  private static final class Cursor {
    final Tensor tensor;
    final ByteBuffer data;
    int element;
    int bytePos;

    Cursor(Tensor tensor) {
      this.tensor = tensor;
      this.data = tensor.data();
    }

    JsonNode level(int dim) {
      if (dim == tensor.rank()) {
        return next();
      }
      ArrayNode list = NODES.arrayNode();
      for (long j = 0; j < tensor.shape()[dim]; j++) {
        list.add(level(dim + 1));
      }
      return list;
    }

    JsonNode next() {
      int i = element++;
      switch (tensor.dtype()) {
        case BOOL: return NODES.booleanNode(data.get(i) != 0);
        case UINT64:
          long bits = data.getLong(i * 8);
          return bits >= 0 ? NODES.numberNode(bits)
              : NODES.numberNode(new BigInteger(Long.toUnsignedString(bits)));
        case FP16: case BF16: case FP32: case FP64:
          return NODES.numberNode(tensor.getDouble(i));
        case BYTES:
          int len = data.getInt(bytePos);
          ByteBuffer raw = data.duplicate().position(bytePos + 4).limit(bytePos + 4 + len);
          bytePos += 4 + len;
          return NODES.textNode(utf8(raw));
        default:
          return NODES.numberNode(tensor.getLong(i));
      }
    }

    private String utf8(ByteBuffer raw) {
      try {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(raw).toString();
      } catch (CharacterCodingException e) {
        // What orjson says of bytes it cannot write, through KServe's generic handler.
        throw V1RestError.internal("TypeError", "Type is not JSON serializable: bytes (output '"
            + tensor.name() + "' is not UTF-8)");
      }
    }
  }
}
