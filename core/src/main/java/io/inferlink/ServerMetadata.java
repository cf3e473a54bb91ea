package io.inferlink;

import java.util.List;
import java.util.Objects;

/**
 * What a server says about itself: its name, version and the protocol extensions it supports.
 * Immutable and thread-safe.
 *
 * @param name the server's name (e.g. {@code triton})
 * @param version the server's version string
 * @param extensions the protocol extensions the server announces
 */
public record ServerMetadata(String name, String version, List<String> extensions) {
  /**
   * Copies the list; null strings become empty.
   *
   * @param name the server's name, or {@code null}
   * @param version the server's version string, or {@code null}
   * @param extensions the extensions the server announces; copied, not null
   */
  public ServerMetadata {
    name = Objects.requireNonNullElse(name, "");
    version = Objects.requireNonNullElse(version, "");
    extensions = List.copyOf(extensions);
  }
}
