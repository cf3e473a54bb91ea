package io.inferlink.testcontainers.junit;

import java.util.stream.Stream;

/** A matrix entry that is an endpoint string, which may be absent (its run is then skipped with a reason). */
final class EndpointEntry extends MatrixEntry {
  private final String endpoint;
  private final String absentReason;

  /**
   * @param endpoint the endpoint string, or null or blank when absent
   * @param absentReason why the run is skipped when the endpoint is absent
   */
  EndpointEntry(String name, String endpoint, String absentReason) {
    super(name);
    this.endpoint = endpoint == null || endpoint.isBlank() ? null : endpoint.trim();
    this.absentReason = absentReason;
  }

  @Override
  Stream<MatrixTarget> targets(MatrixRun run) {
    if (endpoint == null) {
      return Stream.of(MatrixTarget.skipped(name(), "(no endpoint)", absentReason));
    }
    return Stream.of(MatrixTarget.of(name(), endpoint));
  }

  @Override
  String unselectedLabel() {
    return endpoint == null ? "(no endpoint)" : MatrixTarget.of(name(), endpoint).label();
  }
}
