package io.inferlink.emulator.tfserving;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The inputs of a predict body, in TF Serving's columnar ({@code inputs}) or row ({@code instances})
 * format, typed by the signature (PROTOCOLS.md §1.3), with TF's error messages. Immutable.
 *
 * @param rowFormat true when the request used {@code instances}
 * @param inputs the input tensors
 */
record TfsPredictRequest(boolean rowFormat, List<Tensor> inputs) {
  private static final String INPUTS = "inputs";
  private static final String INSTANCES = "instances";

  /**
   * Reads the inputs of {@code doc} for a signature (input name → dtype, in signature order).
   *
   * @param lenient accept any subset of the signature's inputs (identity's leniency) instead of all
   */
  static TfsPredictRequest read(JsonNode doc, Map<String, DataType> signature, boolean lenient) {
    JsonNode instances = doc.get(INSTANCES);
    JsonNode inputs = doc.get(INPUTS);
    if (instances != null && inputs != null) {
      throw TfsError.invalid("JSON Value: " + TfsJson.describe(doc)
          + " Not formatted correctly expecting only one of 'inputs' or 'instances' keys to exist");
    }
    if (instances != null) {
      if (!instances.isArray()) {
        throw TfsError.invalid("JSON Value: " + TfsJson.describe(doc) + " Expecting 'instances' to be an list/array");
      }
      if (instances.isEmpty()) {
        throw TfsError.invalid("JSON Value: " + TfsJson.describe(doc) + " No values in 'instances' array");
      }
      return new TfsPredictRequest(true, new Rows(signature, lenient).read(instances));
    }
    if (inputs != null) {
      return new TfsPredictRequest(false, columns(inputs, signature, lenient));
    }
    throw TfsError.invalid("Missing 'inputs' or 'instances' key");
  }

  private static List<Tensor> columns(JsonNode value, Map<String, DataType> signature, boolean lenient) {
    List<Tensor> tensors = new ArrayList<>();
    if (!value.isObject() || TfsTensorBuilder.isBase64Object(value)) {
      if (signature.size() > 1) {
        throw TfsError.invalid("inputs is a plain value/list, but expecting an object as multiple input tensors"
            + " required as per tensorinfo_map");
      }
      Map.Entry<String, DataType> only = signature.entrySet().iterator().next();
      tensors.add(column(only.getKey(), only.getValue(), value));
      return tensors;
    }
    List<String> names = new ArrayList<>();
    if (lenient) {
      value.fieldNames().forEachRemaining(n -> {
        if (signature.containsKey(n)) {
          names.add(n); // extra keys are ignored, as TF ignores them
        }
      });
    } else {
      names.addAll(signature.keySet());
    }
    for (String name : names) {
      JsonNode item = value.get(name);
      if (item == null) {
        throw TfsError.invalid("Missing named input: " + name + " in 'inputs' object.");
      }
      tensors.add(column(name, signature.get(name), item));
    }
    return tensors;
  }

  private static Tensor column(String name, DataType dtype, JsonNode value) {
    long[] shape = TfsDense.shape(value);
    TfsTensorBuilder builder = new TfsTensorBuilder(name, dtype);
    TfsDense.fill(value, shape, builder);
    return builder.build(shape);
  }

  /** The row format: each element is one batch row, stacked along a new first dimension. */
  private static final class Rows {
    private final Map<String, DataType> signature;
    private final boolean lenient;
    private final Map<String, Item> items = new LinkedHashMap<>();

    Rows(Map<String, DataType> signature, boolean lenient) {
      this.signature = signature;
      this.lenient = lenient;
    }

    List<Tensor> read(JsonNode list) {
      JsonNode first = list.get(0);
      if (!first.isObject() && signature.size() > 1) {
        throw TfsError.invalid("instances is a plain list, but expecting list of objects as multiple input tensors"
            + " required as per tensorinfo_map");
      }
      boolean objects = isElementObject(first);
      Set<String> expected = lenient ? null : new TreeSet<>(signature.keySet());
      for (int i = 0; i < list.size(); i++) {
        JsonNode element = list.get(i);
        if (objects) {
          Set<String> keys = readObject(i, element);
          expected = expected == null ? keys : expected;
          if (!keys.equals(expected)) {
            throw TfsError.invalid("Failed to process element: " + i + " of 'instances' list. JSON object: "
                + TfsJson.describe(element) + " keys must be equal to: " + String.join(",", expected));
          }
        } else {
          if (isElementObject(element)) {
            throw TfsError.invalid("Expecting value/list but got object at item " + i + " of input list");
          }
          String name = signature.keySet().iterator().next();
          try {
            add(name, element);
          } catch (TfsError e) {
            throw TfsError.invalid("Failed to process element: " + i + " of 'instances' list. Error: " + e.statusText());
          }
        }
      }
      List<String> order = new ArrayList<>(items.keySet());
      if (!lenient) {
        order.sort((a, b) -> indexOf(a) - indexOf(b));
      }
      List<Tensor> tensors = new ArrayList<>();
      for (String name : order) {
        Item item = items.get(name);
        long[] shape = new long[item.shape.length + 1];
        shape[0] = list.size();
        System.arraycopy(item.shape, 0, shape, 1, item.shape.length);
        tensors.add(item.builder.build(shape));
      }
      return tensors;
    }

    private Set<String> readObject(int index, JsonNode element) {
      if (!isElementObject(element)) {
        throw TfsError.invalid("Expecting object but got list at item " + index + " of input list");
      }
      Set<String> keys = new TreeSet<>();
      for (Map.Entry<String, JsonNode> field : element.properties()) {
        keys.add(field.getKey());
        try {
          add(field.getKey(), field.getValue());
        } catch (TfsError e) {
          throw TfsError.invalid("Failed to process element: " + index + " key: " + field.getKey()
              + " of 'instances' list. Error: " + e.statusText());
        }
      }
      return keys;
    }

    private void add(String name, JsonNode value) {
      DataType dtype = signature.get(name);
      if (dtype == null) {
        throw TfsError.invalid("JSON object: does not have named input: " + name);
      }
      Item item = items.computeIfAbsent(name, n -> new Item(new TfsTensorBuilder(n, dtype)));
      long[] shape = TfsDense.shape(value);
      int before = item.builder.count();
      TfsDense.fill(value, shape, item.builder);
      int size = item.builder.count() - before;
      if (item.shape == null) {
        item.shape = shape;
        item.size = size;
      } else if (item.size != size) {
        throw TfsError.invalid("Expecting tensor size: " + item.size + " but got: " + size);
      } else if (!Arrays.equals(item.shape, shape)) {
        throw TfsError.invalid("Expecting shape " + TfsDense.format(item.shape) + " but got: " + TfsDense.format(shape));
      }
    }

    private int indexOf(String name) {
      return new ArrayList<>(signature.keySet()).indexOf(name);
    }

    private static boolean isElementObject(JsonNode v) {
      return v.isObject() && !TfsTensorBuilder.isBase64Object(v);
    }
  }

  /** One input's rows so far: the values, and the shape and size every row must repeat. */
  private static final class Item {
    final TfsTensorBuilder builder;
    long[] shape;
    int size;

    Item(TfsTensorBuilder builder) {
      this.builder = builder;
    }
  }
}
