package io.inferlink.testcontainers.junit;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Which entries a run selects by name: {@code inferlink.matrix} as a JUnit configuration parameter, else
 * as a system property, else the {@code INFERENCE_MATRIX} environment variable; unset or blank selects
 * every entry. Immutable.
 */
final class MatrixSelection {
  private final Set<String> names;
  private final String source;

  private MatrixSelection(Set<String> names, String source) {
    this.names = names;
    this.source = source;
  }

  static MatrixSelection from(ExtensionContext context) {
    // The system property is read again by hand: a launcher may turn off JUnit's own fall-back to system
    // properties (the EngineTestKit does), and -Dinferlink.matrix must still work there.
    Optional<String> parameter = context.getConfigurationParameter(InferenceMatrix.SELECTION_PROPERTY)
        .or(() -> Optional.ofNullable(System.getProperty(InferenceMatrix.SELECTION_PROPERTY)));
    if (parameter.isPresent()) {
      return parse(parameter.get(), InferenceMatrix.SELECTION_PROPERTY);
    }
    String variable = System.getenv(InferenceMatrix.SELECTION_VARIABLE);
    return parse(variable == null ? "" : variable, InferenceMatrix.SELECTION_VARIABLE);
  }

  /** Reads a comma-separated list of entry names; {@code source} names where it came from, for skip reasons. */
  static MatrixSelection parse(String value, String source) {
    Set<String> names = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
    return new MatrixSelection(names, source + "=" + value.trim());
  }

  boolean selects(String name) {
    return names.isEmpty() || names.contains(name);
  }

  /** The one-line reason an entry's runs are skipped. */
  String skipReason(String name) {
    return "'" + name + "' is not selected by " + source;
  }
}
