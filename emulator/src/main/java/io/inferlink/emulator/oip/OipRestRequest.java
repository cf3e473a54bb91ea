package io.inferlink.emulator.oip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.emulator.HttpCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One V2 inference request read from its body (PROTOCOLS.md §3.3, §3.5): JSON, or a JSON header of
 * {@code Inference-Header-Content-Length} bytes followed by the inputs' binary blobs. Immutable after
 * {@link #read}.
 *
 * @param id the request id, or {@code null} when none was given
 * @param inputs the inputs in request order
 * @param outputs the requested output names, empty for all
 * @param binaryByOutput per requested output, its {@code binary_data} parameter when given
 * @param binaryOutput the request-level {@code binary_data_output} parameter
 * @param parameters the request-level parameters (strings, numbers, booleans)
 */
record OipRestRequest(String id, List<Tensor> inputs, List<String> outputs, Map<String, Boolean> binaryByOutput,
    boolean binaryOutput, Map<String, Object> parameters) {
  static final String HEADER_LENGTH = "inference-header-content-length";

  /** Reads the request; {@code halfAsJson}: FP16/BF16 {@code data} is taken as numbers rather than refused. */
  static OipRestRequest read(HttpCall http, boolean halfAsJson) {
    byte[] body = http.body();
    int jsonLength = jsonLength(http, body.length);
    ObjectNode doc = OipRestJson.parseObject(body, jsonLength);
    OipRestBinary blobs = new OipRestBinary(body, jsonLength);
    JsonNode id = doc.get("id");
    if (id != null && !id.isTextual()) {
      throw OipRestError.invalid("'id' must be a string, got " + id);
    }
    Map<String, Object> parameters = parameters(doc.get("parameters"), "request");
    Object binaryOutput = parameters.getOrDefault("binary_data_output", Boolean.FALSE);
    if (!(binaryOutput instanceof Boolean)) {
      throw OipRestError.invalid("parameter 'binary_data_output' must be a boolean, got " + binaryOutput);
    }
    List<Tensor> inputs = inputs(doc.get("inputs"), blobs, halfAsJson);
    blobs.checkConsumed();
    List<String> outputs = new ArrayList<>();
    Map<String, Boolean> binaryByOutput = new LinkedHashMap<>();
    readOutputs(doc.get("outputs"), outputs, binaryByOutput);
    return new OipRestRequest(id == null ? null : id.textValue(), inputs, outputs, binaryByOutput,
        (Boolean) binaryOutput, parameters);
  }

  /** Whether an output goes binary: its own {@code binary_data}, else the request's {@code binary_data_output}. */
  boolean asksBinary(String output) {
    return binaryByOutput.getOrDefault(output, binaryOutput);
  }

  private static int jsonLength(HttpCall http, int bodyLength) {
    String given = http.header(HEADER_LENGTH).orElse(null);
    if (given == null) {
      return bodyLength;
    }
    long n;
    try {
      n = Long.parseLong(given.trim());
    } catch (NumberFormatException e) {
      throw OipRestError.invalid("header Inference-Header-Content-Length must be a number, got '" + given + "'");
    }
    if (n == 0) {
      throw OipRestError.invalid("raw binary requests (Inference-Header-Content-Length: 0) are not supported");
    }
    if (n < 0 || n > bodyLength) {
      throw OipRestError.invalid("Inference-Header-Content-Length " + n + " is outside the body's " + bodyLength + " bytes");
    }
    return (int) n;
  }

  private static List<Tensor> inputs(JsonNode given, OipRestBinary blobs, boolean halfAsJson) {
    if (given == null || !given.isArray()) {
      throw OipRestError.invalid("the inference request needs an 'inputs' array");
    }
    List<Tensor> inputs = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode input : given) {
      if (!input.isObject()) {
        throw OipRestError.invalid("every entry of 'inputs' must be an object, got " + input);
      }
      String name = text(input, "name", "input");
      if (!names.add(name)) {
        throw OipRestError.invalid("input '" + name + "' is given twice");
      }
      DataType dtype = datatype(name, text(input, "datatype", "input '" + name + "'"));
      long[] shape = shape(name, input.get("shape"));
      Map<String, Object> parameters = parameters(input.get("parameters"), "input '" + name + "'");
      Object size = parameters.get("binary_data_size");
      JsonNode data = input.get("data");
      if (size != null) {
        if (!(size instanceof Long)) {
          throw OipRestError.invalid("input '" + name + "': binary_data_size must be an integer, got " + size);
        }
        if (data != null) {
          throw OipRestError.invalid("input '" + name + "' has both 'data' and binary_data_size");
        }
        inputs.add(blobs.next(name, dtype, shape, (Long) size));
      } else if (data == null) {
        throw OipRestError.invalid("'data' field is missing for input '" + name + "'");
      } else {
        inputs.add(OipRestTensors.fromJson(name, dtype, shape, data, halfAsJson));
      }
    }
    return inputs;
  }

  private static void readOutputs(JsonNode given, List<String> names, Map<String, Boolean> binary) {
    if (given == null) {
      return;
    }
    if (!given.isArray()) {
      throw OipRestError.invalid("'outputs' must be an array, got " + given);
    }
    for (JsonNode output : given) {
      if (!output.isObject()) {
        throw OipRestError.invalid("every entry of 'outputs' must be an object, got " + output);
      }
      String name = text(output, "name", "output");
      names.add(name);
      Object flag = parameters(output.get("parameters"), "output '" + name + "'").get("binary_data");
      if (flag != null && !(flag instanceof Boolean)) {
        throw OipRestError.invalid("output '" + name + "': binary_data must be a boolean, got " + flag);
      }
      if (flag != null) {
        binary.put(name, (Boolean) flag);
      }
    }
  }

  private static String text(JsonNode object, String field, String what) {
    JsonNode v = object.get(field);
    if (v == null || !v.isTextual()) {
      throw OipRestError.invalid(what + " needs a string '" + field + "', got " + v);
    }
    return v.textValue();
  }

  /** Exactly a wire name: V2 datatypes are case-sensitive. */
  private static DataType datatype(String input, String name) {
    for (DataType t : DataType.values()) {
      if (t.wireName().equals(name)) {
        return t;
      }
    }
    throw OipRestError.invalid("invalid datatype '" + name + "' of input '" + input + "'");
  }

  private static long[] shape(String input, JsonNode given) {
    if (given == null || !given.isArray()) {
      throw OipRestError.invalid("input '" + input + "' needs a 'shape' array, got " + given);
    }
    long[] shape = new long[given.size()];
    for (int i = 0; i < shape.length; i++) {
      JsonNode d = given.get(i);
      if (!d.isIntegralNumber() || d.bigIntegerValue().signum() < 0 || d.bigIntegerValue().bitLength() > 62) {
        throw OipRestError.invalid("input '" + input + "' has an invalid dimension " + d + " in shape " + given);
      }
      shape[i] = d.longValue();
    }
    return shape;
  }

  private static Map<String, Object> parameters(JsonNode given, String what) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (given == null) {
      return values;
    }
    if (!given.isObject()) {
      throw OipRestError.invalid("'parameters' of " + what + " must be an object, got " + given);
    }
    for (Map.Entry<String, JsonNode> e : given.properties()) {
      JsonNode v = e.getValue();
      if (v.isBoolean()) {
        values.put(e.getKey(), v.booleanValue());
      } else if (v.isIntegralNumber() && v.canConvertToLong()) {
        values.put(e.getKey(), v.longValue());
      } else if (v.isNumber()) {
        values.put(e.getKey(), v.doubleValue());
      } else if (v.isTextual()) {
        values.put(e.getKey(), v.textValue());
      } else {
        throw OipRestError.invalid("parameter '" + e.getKey() + "' of " + what + " must be a string, number or boolean");
      }
    }
    return values;
  }
}
