package io.inferlink.testcontainers;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * One HTTP GET a server must answer before it counts as ready: a path on one of its named ports, answered
 * with 200 and a body the check accepts. Immutable.
 *
 * @param portName the server port the path is served on
 * @param path the path, starting with {@code /} (model names already percent-encoded)
 * @param acceptsBody whether a 200 answer's body means ready (TF Serving answers 200 while still loading)
 * @param expectation what a ready answer looks like, for the failure message
 */
record ReadinessCheck(String portName, String path, Predicate<String> acceptsBody, String expectation) {
  ReadinessCheck {
    Objects.requireNonNull(portName, "portName");
    Objects.requireNonNull(acceptsBody, "acceptsBody");
    Objects.requireNonNull(expectation, "expectation");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("readiness path must start with '/': " + path);
    }
  }

  /** Ready when the path answers 200, whatever the body. */
  static ReadinessCheck status200(String portName, String path) {
    return new ReadinessCheck(portName, path, body -> true, "HTTP 200");
  }

  /** Ready when the path answers 200 with a body that contains {@code text}. */
  static ReadinessCheck bodyContains(String portName, String path, String text) {
    return new ReadinessCheck(portName, path, body -> body.contains(text), "HTTP 200 with " + text + " in the body");
  }
}
