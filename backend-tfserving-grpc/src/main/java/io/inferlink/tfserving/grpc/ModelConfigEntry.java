package io.inferlink.tfserving.grpc;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One model of a TF Serving configuration, for {@link TfServingGrpcExtension#reloadConfig}: name,
 * base path, platform, which versions to serve and the version labels. Immutable and thread-safe.
 *
 * @param name the model name
 * @param basePath where the server finds the model's versions
 * @param platform the platform, usually {@code tensorflow}
 * @param versionPolicy which versions to serve
 * @param versionLabels labels such as {@code stable} mapped to versions
 */
public record ModelConfigEntry(String name, String basePath, String platform, VersionPolicy versionPolicy,
    Map<String, Long> versionLabels) {
  /**
   * Validates and copies; a missing platform, policy or label map takes its default.
   *
   * @param name the model name; required
   * @param basePath where the server finds the model's versions; required
   * @param platform the platform, or {@code null} for {@code tensorflow}
   * @param versionPolicy which versions to serve, or {@code null} for the latest one
   * @param versionLabels labels mapped to versions, or {@code null} for none
   */
  public ModelConfigEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(basePath, "basePath");
    platform = platform == null ? "tensorflow" : platform;
    versionPolicy = versionPolicy == null ? VersionPolicy.latest(1) : versionPolicy;
    versionLabels = Map.copyOf(versionLabels == null ? Map.of() : versionLabels);
  }

  /**
   * A TensorFlow model serving its latest version, without labels.
   *
   * @param name the model name
   * @param basePath where the server finds the model's versions
   * @return the entry, with platform {@code tensorflow} and policy {@code latest(1)}
   */
  public static ModelConfigEntry of(String name, String basePath) {
    return new ModelConfigEntry(name, basePath, "tensorflow", VersionPolicy.latest(1), Map.of());
  }

  /**
   * Which versions of a model the server loads.
   *
   * @param kind latest N, all, or specific versions
   * @param latestCount N for {@link Kind#LATEST}
   * @param versions the versions for {@link Kind#SPECIFIC}
   */
  public record VersionPolicy(Kind kind, int latestCount, List<Long> versions) {
    /** The three policies. */
    public enum Kind {
      /** The newest N versions. */
      LATEST,
      /** Every version found. */
      ALL,
      /** The listed versions. */
      SPECIFIC
    }

    /**
     * Validates and copies.
     *
     * @param kind latest N, all, or specific versions; required
     * @param latestCount N, at least 1 when the kind is {@link Kind#LATEST}
     * @param versions the versions to serve when the kind is {@link Kind#SPECIFIC}
     * @throws IllegalArgumentException when a latest policy asks for fewer than one version
     */
    public VersionPolicy {
      Objects.requireNonNull(kind, "kind");
      versions = List.copyOf(versions);
      if (kind == Kind.LATEST && latestCount < 1) {
        throw new IllegalArgumentException("latest needs a count of at least 1");
      }
    }

    /**
     * The newest {@code n} versions.
     *
     * @param n how many versions, at least 1
     * @return a {@link Kind#LATEST} policy
     */
    public static VersionPolicy latest(int n) {
      return new VersionPolicy(Kind.LATEST, n, List.of());
    }

    /**
     * Every version found under the base path.
     *
     * @return an {@link Kind#ALL} policy
     */
    public static VersionPolicy all() {
      return new VersionPolicy(Kind.ALL, 0, List.of());
    }

    /**
     * Exactly these versions.
     *
     * @param versions the version numbers to serve
     * @return a {@link Kind#SPECIFIC} policy
     */
    public static VersionPolicy specific(long... versions) {
      return new VersionPolicy(Kind.SPECIFIC, 0, java.util.Arrays.stream(versions).boxed().toList());
    }
  }
}
