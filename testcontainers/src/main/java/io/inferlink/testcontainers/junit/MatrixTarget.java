package io.inferlink.testcontainers.junit;

/**
 * What one run of a matrix test gets: an endpoint to call, a reason to skip, or the error to fail with.
 * Exactly one of {@code endpoint}, {@code skipReason} and {@code failure} is set.
 *
 * @param name the matrix entry's name
 * @param label the rest of the run's display name (the redacted endpoint, or why there is none)
 */
record MatrixTarget(String name, String label, MatrixEndpoint endpoint, String skipReason, RuntimeException failure) {

  static MatrixTarget of(String name, String endpoint) {
    try {
      MatrixEndpoint parsed = MatrixEndpoint.parse(name, endpoint);
      return new MatrixTarget(name, parsed.redacted(), parsed, null, null);
    } catch (IllegalArgumentException e) {
      // The label never shows the string itself: a malformed endpoint may still carry a password.
      return failed(name, "(malformed endpoint)", e);
    }
  }

  static MatrixTarget skipped(String name, String label, String reason) {
    return new MatrixTarget(name, label, null, reason, null);
  }

  static MatrixTarget failed(String name, String label, RuntimeException failure) {
    return new MatrixTarget(name, label, null, null, failure);
  }

  String displayName() {
    return "[" + name + "] " + label;
  }
}
