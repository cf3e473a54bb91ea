package io.inferlink;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A model's description as the server reports it: name, available versions, platform, and its inputs
 * and outputs. TF Serving's {@code signature_def} maps onto it (one signature at a time). Immutable
 * and thread-safe.
 *
 * @param name the model name
 * @param versions the versions the server reports (may be empty)
 * @param platform the server's platform string (e.g. {@code tensorflow_savedmodel}), or empty
 * @param inputs the input tensors in the server's order
 * @param outputs the output tensors in the server's order
 */
public record ModelMetadata(
    String name, List<String> versions, String platform, List<TensorSpec> inputs, List<TensorSpec> outputs) {
  /**
   * Copies the lists; {@code platform} may be null and becomes empty.
   *
   * @param name the model name; not null
   * @param versions the versions the server reports; copied, not null
   * @param platform the server's platform string, or {@code null}
   * @param inputs the input tensors; copied, not null
   * @param outputs the output tensors; copied, not null
   */
  public ModelMetadata {
    Objects.requireNonNull(name, "name");
    versions = List.copyOf(versions);
    platform = platform == null ? "" : platform;
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /**
   * The input called {@code name}, if the model has one.
   *
   * @param name the input's name
   * @return the input's description, or empty
   */
  public Optional<TensorSpec> input(String name) {
    return inputs.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /**
   * The output called {@code name}, if the model has one.
   *
   * @param name the output's name
   * @return the output's description, or empty
   */
  public Optional<TensorSpec> output(String name) {
    return outputs.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
