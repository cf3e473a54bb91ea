package io.inferlink.emulator.kservev1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inputs of a V1 body: {@code instances} (or {@code inputs}), a list of rows stacked along a new
 * first dimension; an empty list is the first declared input with no rows. Plain rows are the model's first declared input;
 * object rows give one input per key (TF Serving's row format). Values are typed by the model's
 * declared input types where they fit (see {@link V1TensorBuilder}). Stateless.
 */
final class V1Instances {
  private V1Instances() {}

  /**
   * The input tensors, in the order of the first row's keys.
   *
   * @param declared the model's declared input types, by name, in declaration order
   * @throws V1RestError 400 for anything that is not a list of like rows
   */
  static List<Tensor> read(ObjectNode doc, Map<String, DataType> declared) {
    // "instances" first, as the kit's real models read it; KServe's own helper also takes "inputs".
    String field = doc.has("instances") ? "instances" : "inputs";
    JsonNode list = doc.get(field);
    if (list == null) {
      throw V1RestError.invalid("Unrecognized request format: expected \"instances\" (or \"inputs\")");
    }
    if (!list.isArray()) {
      throw V1RestError.invalid("Expected \"" + field + "\" to be a list");
    }
    if (list.isEmpty()) {
      // No rows: the first declared input with none (numpy's empty array), for the model to judge.
      Map.Entry<String, DataType> first = declared.isEmpty() ? Map.entry(field, DataType.FP32)
          : declared.entrySet().iterator().next();
      return List.of(V1TensorBuilder.build(first.getKey(), first.getValue(), List.of()));
    }
    boolean objects = list.get(0).isObject();
    Map<String, List<JsonNode>> columns = new LinkedHashMap<>();
    for (int r = 0; r < list.size(); r++) {
      JsonNode row = list.get(r);
      if (row.isObject() != objects) {
        throw V1RestError.invalid("row " + r + " of \"" + field + "\" is " + (objects ? "not " : "")
            + "an object but row 0 is " + (objects ? "" : "not ") + "one");
      }
      if (objects) {
        addObjectRow(r, row, columns);
      } else {
        String name = declared.isEmpty() ? field : declared.keySet().iterator().next();
        columns.computeIfAbsent(name, k -> new ArrayList<>()).add(row);
      }
    }
    List<Tensor> inputs = new ArrayList<>();
    columns.forEach((name, rows) -> inputs.add(V1TensorBuilder.build(name, declared.get(name), rows)));
    return inputs;
  }

  private static void addObjectRow(int r, JsonNode row, Map<String, List<JsonNode>> columns) {
    Set<String> keys = new LinkedHashSet<>();
    row.fieldNames().forEachRemaining(keys::add);
    if (r > 0 && !keys.equals(columns.keySet())) {
      throw V1RestError.invalid("row " + r + " has the keys " + keys + " but row 0 has " + columns.keySet());
    }
    for (String key : keys) {
      columns.computeIfAbsent(key, k -> new ArrayList<>()).add(row.get(key));
    }
  }
}
