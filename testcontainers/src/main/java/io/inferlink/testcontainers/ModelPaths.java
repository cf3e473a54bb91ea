package io.inferlink.testcontainers;

import io.inferlink.ModelRef;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Model names as readiness path segments: validated as core validates them, then percent-encoded. */
final class ModelPaths {
  private ModelPaths() {}

  /** The model name as one path segment; a name core refuses is refused here with the same message. */
  static String segment(String model) {
    String name = ModelRef.of(model).name();
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
