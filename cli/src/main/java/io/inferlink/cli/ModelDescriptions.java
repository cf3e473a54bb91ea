package io.inferlink.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.TensorSpec;
import io.inferlink.emulator.ModelCall;
import io.inferlink.emulator.ScriptedModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Models for {@code emulator --models FILE}, described in JSON rather than code: each answers with
 * fixed outputs, or echoes an input of the same name when an output has no {@code data}.
 *
 * <pre>{@code
 * {"models": [{"name": "scorer",
 *   "inputs":  [{"name": "x", "dtype": "FP32", "shape": [-1, 4]}],
 *   "outputs": [{"name": "scores", "dtype": "FP32", "shape": [1, 3], "data": [0.1, 0.2, 0.7]},
 *               {"name": "x", "dtype": "FP32", "shape": [-1, 4]}]}]}
 * }</pre>
 *
 * A call without a declared input fails with INVALID_ARGUMENT, as a real server would. One version, "1".
 * Stateless.
 */
final class ModelDescriptions {
  private ModelDescriptions() {}

  static List<ScriptedModel> read(Path file) {
    JsonNode root;
    try {
      root = InputSpec.JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UsageError("cannot read " + file + ": " + e.getMessage(), e);
    }
    List<ScriptedModel> out = new ArrayList<>();
    try {
      for (JsonNode m : root.path("models")) {
        out.add(model(m));
      }
    } catch (IllegalArgumentException e) {
      throw new UsageError(file + ": " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new UsageError(file + " describes no models: expected {\"models\": [{\"name\": ..., \"inputs\": [...], \"outputs\": [...]}]}");
    }
    return out;
  }

  private static ScriptedModel model(JsonNode m) {
    String name = m.path("name").asText("");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a model has no name");
    }
    List<TensorSpec> inputs = specs(m.path("inputs"));
    List<TensorSpec> outputs = specs(m.path("outputs"));
    List<Tensor> fixed = new ArrayList<>();
    for (JsonNode o : m.path("outputs")) {
      fixed.add(o.has("data") ? JsonTensors.fromJson(o.path("name").asText(), o, DataType.fromWireName(o.path("dtype").asText()))
          : null);
    }
    return ScriptedModel.of(name, inputs, outputs, call -> answer(name, inputs, outputs, fixed, call));
  }

  private static List<Tensor> answer(String model, List<TensorSpec> inputs, List<TensorSpec> outputs, List<Tensor> fixed,
      ModelCall call) {
    for (TensorSpec in : inputs) {
      if (!call.inputs().containsKey(in.name())) {
        throw io.inferlink.emulator.ScriptedFailure.invalidArgument(model + ": input '" + in.name() + "' is missing");
      }
    }
    List<Tensor> out = new ArrayList<>();
    for (int i = 0; i < outputs.size(); i++) {
      String name = outputs.get(i).name();
      Tensor echoed = call.inputs().get(name);
      if (fixed.get(i) == null && echoed == null) {
        throw io.inferlink.emulator.ScriptedFailure.invalidArgument(model + ": output '" + name
            + "' echoes the input of that name, which the call lacks");
      }
      out.add(fixed.get(i) != null ? fixed.get(i) : echoed);
    }
    return out;
  }

  private static List<TensorSpec> specs(JsonNode list) {
    List<TensorSpec> out = new ArrayList<>();
    for (JsonNode s : list) {
      long[] shape = new long[s.path("shape").size()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = s.path("shape").get(i).asLong();
      }
      out.add(new TensorSpec(s.path("name").asText(), DataType.fromWireName(s.path("dtype").asText()), shape));
    }
    return out;
  }
}
