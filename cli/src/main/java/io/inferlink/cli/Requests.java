package io.inferlink.cli;

import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelRef;
import io.inferlink.npy.NpyFiles;
import io.inferlink.Tensor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Building requests from {@code --input} values and saving answers as {@code .npy}; stateless. */
final class Requests {
  private Requests() {}

  /**
   * The request the command line describes.
   *
   * @throws UsageError for a bad or repeated input
   */
  static InferenceRequest build(ModelRef model, List<String> inputs, List<String> requestedOutputs, String id) {
    if (inputs.isEmpty()) {
      throw new UsageError("give at least one --input NAME=VALUE");
    }
    InferenceRequest.Builder b = InferenceRequest.builder(model);
    Set<String> names = new HashSet<>();
    Path here = Path.of("").toAbsolutePath();
    for (String spec : inputs) {
      Tensor t = InputSpec.parse(spec, here);
      if (!names.add(t.name())) {
        throw new UsageError("--input " + t.name() + " is given twice");
      }
      b.input(t);
    }
    if (!requestedOutputs.isEmpty()) {
      b.requestOutputs(requestedOutputs.toArray(String[]::new));
    }
    if (id != null) {
      b.id(id);
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage(), e);
    }
  }

  /** Writes each output to {@code dir/<name>.npy}, naming the files on {@code log} (not the results stream). */
  static void save(InferenceResponse response, Path dir, PrintWriter log) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UsageError("cannot create " + dir + ": " + e, e);
    }
    for (Tensor t : response.outputs().values()) {
      Path file = dir.resolve(t.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".npy");
      try {
        NpyFiles.write(t, file);
        log.println("saved " + t.name() + " to " + file);
      } catch (IllegalArgumentException e) {
        log.println("not saved " + t.name() + ": " + e.getMessage());
      }
    }
  }
}
