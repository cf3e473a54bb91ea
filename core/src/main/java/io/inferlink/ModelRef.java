package io.inferlink;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Which model a call is for: a name, plus either a version or a label (never both). Immutable and
 * thread-safe.
 *
 * <p>Names, versions and labels are validated here so that none can carry control characters or be
 * a path step ({@code .} or {@code ..}); backends additionally percent-encode them into their path
 * segment, so a name can never change the path it lands in.
 *
 * @param name the model name
 * @param version the version (a string; numeric where the protocol needs it), or {@code null}
 * @param label the version label (e.g. {@code stable}), or {@code null}
 */
public record ModelRef(String name, String version, String label) {
  /** Longest accepted name, version or label. */
  public static final int MAX_LENGTH = 512;

  /**
   * Validates every part; see the class comment.
   *
   * @param name the model name; not null, not empty
   * @param version the version, or {@code null}
   * @param label the version label, or {@code null}; not given together with a version
   * @throws IllegalArgumentException when a part is empty, too long, a path step, or has control characters or
   *     surrounding blanks, or when both version and label are given
   * @throws NullPointerException when {@code name} is null
   */
  public ModelRef {
    validate("model name", name, false);
    validate("model version", version, true);
    validate("model label", label, true);
    if (version != null && label != null) {
      throw new IllegalArgumentException(
          "model '" + name + "': give a version or a label, not both (version " + version + ", label " + label + ")");
    }
  }

  /**
   * The latest (or default) version of a model.
   *
   * @param name the model name
   * @return a reference with neither version nor label
   */
  public static ModelRef of(String name) {
    return new ModelRef(name, null, null);
  }

  /**
   * One version of a model.
   *
   * @param name the model name
   * @param version the version as the server names it; not null
   * @return a reference to that version
   */
  public static ModelRef of(String name, String version) {
    return new ModelRef(name, Objects.requireNonNull(version, "version"), null);
  }

  /**
   * One version of a model, by number.
   *
   * @param name the model name
   * @param version the version number; not negative
   * @return a reference to that version
   * @throws IllegalArgumentException when {@code version} is negative
   */
  public static ModelRef of(String name, long version) {
    if (version < 0) {
      throw new IllegalArgumentException("model '" + name + "': version must be >= 0, got " + version);
    }
    return new ModelRef(name, Long.toString(version), null);
  }

  /**
   * The version of a model that a label (e.g. {@code stable}, {@code canary}) points at.
   *
   * @param name the model name
   * @param label the label; not null
   * @return a reference to the version the label points at
   */
  public static ModelRef withLabel(String name, String label) {
    return new ModelRef(name, null, Objects.requireNonNull(label, "label"));
  }

  /**
   * Parses {@code name}, {@code name:version} or {@code name@label}, the form used in configuration
   * and on the command line. The last {@code :} or {@code @} separates.
   *
   * @param text the reference as written; not null
   * @return the parsed reference
   * @throws IllegalArgumentException when a part is invalid (see the constructor)
   */
  public static ModelRef parse(String text) {
    Objects.requireNonNull(text, "text");
    int at = text.lastIndexOf('@');
    int colon = text.lastIndexOf(':');
    if (at > 0 && at > colon) {
      return withLabel(text.substring(0, at), text.substring(at + 1));
    }
    if (colon > 0) {
      return of(text.substring(0, colon), text.substring(colon + 1));
    }
    return of(text);
  }

  /**
   * True when a version was given.
   *
   * @return whether {@link #version()} is not null
   */
  public boolean hasVersion() {
    return version != null;
  }

  /**
   * True when a label was given.
   *
   * @return whether {@link #label()} is not null
   */
  public boolean hasLabel() {
    return label != null;
  }

  /**
   * The version as a number, for protocols whose versions are integers; empty when no version was given.
   *
   * @throws InvalidRequestException when the version is not a non-negative integer
   * @return the version number, or empty when there is no version
   */
  public OptionalLong numericVersion() {
    if (version == null) {
      return OptionalLong.empty();
    }
    try {
      long v = Long.parseLong(version);
      if (v >= 0) {
        return OptionalLong.of(v);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidRequestException(
        "model '" + name + "': version '" + version + "' is not a non-negative integer, which this protocol needs");
  }

  /**
   * A copy pointing at another version.
   *
   * @param newVersion the version to point at, or {@code null} for the latest
   * @return a new reference with the same name and no label
   */
  public ModelRef withVersion(String newVersion) {
    return new ModelRef(name, newVersion, null);
  }

  /** {@code name}, {@code name:version} or {@code name@label}. */
  @Override
  public String toString() {
    if (version != null) {
      return name + ":" + version;
    }
    if (label != null) {
      return name + "@" + label;
    }
    return name;
  }

  private static void validate(String what, String value, boolean nullable) {
    if (value == null) {
      if (nullable) {
        return;
      }
      throw new NullPointerException(what);
    }
    if (value.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(what + " is longer than " + MAX_LENGTH + " characters");
    }
    if (value.equals(".") || value.equals("..")) {
      throw new IllegalArgumentException(what + " must not be '" + value + "': it would be a path step");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            what + " must not contain control characters (found U+"
                + String.format("%04X", (int) c) + " at index " + i + ")");
      }
    }
    if (!value.equals(value.strip())) {
      throw new IllegalArgumentException(what + " '" + value + "' must not start or end with whitespace");
    }
  }
}
