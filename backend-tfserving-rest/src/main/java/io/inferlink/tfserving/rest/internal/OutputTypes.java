package io.inferlink.tfserving.rest.internal;

import io.inferlink.DataType;
import io.inferlink.TensorSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a signature says about a model's outputs, for typing JSON that lost its types: each output's
 * element type, and the name to give an output the JSON leaves unnamed ({@code {"outputs": value}}).
 * Immutable.
 */
final class OutputTypes {
  static final OutputTypes UNKNOWN = new OutputTypes(Map.of(), null);

  private final Map<String, DataType> types;
  private final String unnamed;

  private OutputTypes(Map<String, DataType> types, String unnamed) {
    this.types = types;
    this.unnamed = unnamed;
  }

  /** From a signature's outputs; a single output names the unnamed JSON value. */
  static OutputTypes of(List<TensorSpec> outputs) {
    Map<String, DataType> m = new LinkedHashMap<>();
    outputs.forEach(s -> m.put(s.name(), s.dtype()));
    return new OutputTypes(Map.copyOf(m), outputs.size() == 1 ? outputs.get(0).name() : null);
  }

  Optional<DataType> typeOf(String output) {
    return Optional.ofNullable(types.get(output));
  }

  /**
   * The single output's name from the signature, else {@code outputs} — the JSON key it came under
   * ({@code predictions} answers use the same fallback, so both forms give the same tensor name).
   */
  String unnamedOutput() {
    return unnamed != null ? unnamed : "outputs";
  }
}
