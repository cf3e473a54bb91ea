package io.inferlink.testcontainers.junit;

import io.inferlink.spi.Endpoint;
import java.util.Objects;

/**
 * One endpoint of an {@link InferenceMatrix}, for tests that build their own client: the entry's name
 * ({@code triton}), the endpoint string as given (credentials included) and its scheme
 * ({@code kserve-v2+grpc}). {@link #toString()} masks credentials, as {@link Endpoint} does. Immutable.
 *
 * @param name the matrix entry's name
 * @param endpoint the endpoint string, e.g. {@code kserve-v2+grpc://127.0.0.1:32768}
 * @param scheme the endpoint's scheme, lower-case
 */
public record MatrixEndpoint(String name, String endpoint, String scheme) {

  /**
   * Checks that no component is null.
   *
   * @param name the matrix entry's name
   * @param endpoint the endpoint string, credentials included
   * @param scheme the endpoint's scheme, lower-case
   */
  public MatrixEndpoint {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(scheme, "scheme");
  }

  /**
   * Reads an endpoint string for an entry.
   *
   * @throws IllegalArgumentException when the string is not an endpoint (the message never repeats credentials)
   */
  static MatrixEndpoint parse(String name, String endpoint) {
    return new MatrixEndpoint(name, endpoint, Endpoint.parse(endpoint).scheme());
  }

  /**
   * The endpoint with user-info and secret-named query values masked: safe for logs and test names.
   *
   * @return the masked endpoint string
   */
  public String redacted() {
    return Endpoint.parse(endpoint).toString();
  }

  @Override
  public String toString() {
    return "[" + name + "] " + redacted();
  }
}
