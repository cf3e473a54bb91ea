package io.inferlink.examples.torchserve.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Tensors to and from the template's JSON convention on the server side, the way a handler built
 * on {@code torch.tensor(...)} and {@code tensor.tolist()} sees them: the shape comes from the nesting
 * (ragged lists are a 400), integers give the model's declared integer type when it has one (a model
 * with an INT32 input gets INT32, as a handler would cast) else INT64, other numbers FP32 (FP64 if
 * declared), booleans BOOL, strings BYTES. Stateless.
 */
final class TorchServeTensors {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TorchServeTensors() {}

  /** One input; {@code declared} is the model's type for this name, or {@code null}. */
  static Tensor fromJson(String name, JsonNode value, DataType declared) {
    List<Long> shape = new ArrayList<>();
    for (JsonNode v = value; v.isArray(); v = v.get(0)) {
      shape.add((long) v.size());
      if (v.isEmpty()) {
        break;
      }
    }
    List<JsonNode> leaves = new ArrayList<>();
    collect(name, value, 0, shape, leaves);
    long[] dims = shape.stream().mapToLong(Long::longValue).toArray();
    return build(name, dims, leaves, declared);
  }

  /** One output as nested lists ({@code tolist()}); a rank-0 tensor is the bare value. */
  static JsonNode toJson(Tensor tensor) {
    return new Cursor(tensor).level(0);
  }

  private static void collect(String name, JsonNode v, int depth, List<Long> shape, List<JsonNode> leaves) {
    if (!v.isArray()) {
      if (depth != shape.size() || v.isObject() || v.isNull()) {
        throw ragged(name);
      }
      leaves.add(v);
      return;
    }
    if (depth >= shape.size() || v.size() != shape.get(depth)) {
      throw ragged(name);
    }
    for (JsonNode e : v) {
      collect(name, e, depth + 1, shape, leaves);
    }
  }

  private static Tensor build(String name, long[] shape, List<JsonNode> leaves, DataType declared) {
    boolean strings = leaves.stream().anyMatch(JsonNode::isTextual);
    boolean bools = leaves.stream().anyMatch(JsonNode::isBoolean);
    boolean floats = leaves.stream().anyMatch(JsonNode::isFloatingPointNumber);
    boolean numbers = leaves.stream().anyMatch(JsonNode::isNumber);
    if ((strings ? 1 : 0) + (bools ? 1 : 0) + (numbers ? 1 : 0) > 1) {
      throw TorchServeError.handler(400, "input '" + name + "' mixes strings, booleans and numbers");
    }
    int n = leaves.size();
    if (strings) {
      byte[][] values = new byte[n][];
      for (int i = 0; i < n; i++) {
        values[i] = leaves.get(i).textValue().getBytes(StandardCharsets.UTF_8);
      }
      return Tensor.ofBytes(name, values, shape);
    }
    if (bools) {
      boolean[] values = new boolean[n];
      for (int i = 0; i < n; i++) {
        values[i] = leaves.get(i).booleanValue();
      }
      return Tensor.ofBooleans(name, values, shape);
    }
    if (numbers && !floats) {
      return integers(name, shape, leaves, declared);
    }
    if (declared == DataType.FP64) {
      return Tensor.ofDoubles(name, leaves.stream().mapToDouble(JsonNode::doubleValue).toArray(), shape);
    }
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      // As Python does: the text becomes a double, the handler's tensor a float32.
      values[i] = leaves.get(i).floatValue();
    }
    return Tensor.ofFloats(name, values, shape);
  }

  private static Tensor integers(String name, long[] shape, List<JsonNode> leaves, DataType declared) {
    long[] values = new long[leaves.size()];
    for (int i = 0; i < values.length; i++) {
      JsonNode v = leaves.get(i);
      if (!v.canConvertToLong()) {
        throw TorchServeError.handler(400, "input '" + name + "': " + v + " is beyond INT64");
      }
      values[i] = v.longValue();
    }
    DataType type = declared != null && declared.isInteger() && !declared.isUnsigned() ? declared : DataType.INT64;
    long min = type == DataType.INT8 ? Byte.MIN_VALUE : type == DataType.INT16 ? Short.MIN_VALUE
        : type == DataType.INT32 ? Integer.MIN_VALUE : Long.MIN_VALUE;
    long max = type == DataType.INT8 ? Byte.MAX_VALUE : type == DataType.INT16 ? Short.MAX_VALUE
        : type == DataType.INT32 ? Integer.MAX_VALUE : Long.MAX_VALUE;
    for (long v : values) {
      if (v < min || v > max) {
        throw TorchServeError.handler(400, "input '" + name + "': " + v + " is out of range for " + type);
      }
    }
    switch (type) {
      case INT8: {
        byte[] narrow = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
          narrow[i] = (byte) values[i];
        }
        return Tensor.ofInt8(name, narrow, shape);
      }
      case INT16: {
        short[] narrow = new short[values.length];
        for (int i = 0; i < values.length; i++) {
          narrow[i] = (short) values[i];
        }
        return Tensor.ofInt16(name, narrow, shape);
      }
      case INT32: {
        int[] narrow = new int[values.length];
        for (int i = 0; i < values.length; i++) {
          narrow[i] = (int) values[i];
        }
        return Tensor.ofInts(name, narrow, shape);
      }
      default:
        return Tensor.ofLongs(name, values, shape);
    }
  }

  private static TorchServeError ragged(String name) {
    return TorchServeError.handler(400, "input '" + name + "' is not a tensor: its lists are ragged or hold"
        + " null or objects");
  }

  /** Walks a tensor's elements in row-major order. */
  private static final class Cursor {
    private final Tensor tensor;
    private final long[] shape;
    private final List<byte[]> strings;
    private int next;

    Cursor(Tensor tensor) {
      this.tensor = tensor;
      this.shape = tensor.shape();
      this.strings = tensor.dtype() == DataType.BYTES ? tensor.toBytesList() : null;
    }

    JsonNode level(int dim) {
      if (dim == shape.length) {
        return element(next++);
      }
      ArrayNode list = NODES.arrayNode();
      for (long i = 0; i < shape[dim]; i++) {
        list.add(level(dim + 1));
      }
      return list;
    }

    private JsonNode element(int i) {
      switch (tensor.dtype()) {
        case BOOL:
          return NODES.booleanNode(tensor.getLong(i) != 0);
        case FP16: case BF16: case FP32:
          return NODES.numberNode((float) tensor.getDouble(i));
        case FP64:
          return NODES.numberNode(tensor.getDouble(i));
        case UINT64:
          return NODES.numberNode(new java.math.BigInteger(Long.toUnsignedString(tensor.getLong(i))));
        case BYTES:
          return NODES.textNode(utf8(strings.get(i)));
        default:
          return NODES.numberNode(tensor.getLong(i));
      }
    }

    private String utf8(byte[] raw) {
      try {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
      } catch (CharacterCodingException e) {
        // What json.dumps says of bytes, through TorchServe's default 503 for a failing handler.
        throw TorchServeError.handler(503, "Object of type bytes is not JSON serializable (output '"
            + tensor.name() + "')");
      }
    }
  }
}
