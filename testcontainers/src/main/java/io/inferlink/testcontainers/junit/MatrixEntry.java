package io.inferlink.testcontainers.junit;

import java.util.stream.Stream;

/** One named entry of a matrix: a server to start, or an endpoint string. Immutable. */
abstract sealed class MatrixEntry permits EndpointEntry, ServerEntry {
  private final String name;

  MatrixEntry(String name) {
    this.name = name;
  }

  final String name() {
    return name;
  }

  /**
   * The runs of this entry in one class run, in order; a server entry starts its server here (through
   * {@code run}, once per class run), so a stream consumed lazily starts each server only when its
   * first run is next.
   */
  abstract Stream<MatrixTarget> targets(MatrixRun run);

  /** The display label of this entry's one skipped run when the selection leaves it out. */
  abstract String unselectedLabel();
}
