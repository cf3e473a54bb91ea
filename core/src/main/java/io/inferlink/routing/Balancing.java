package io.inferlink.routing;

import java.util.Locale;

/**
 * How a client with several endpoints of one server (replicas) picks the endpoint for each call. Endpoints that
 * are ejected or failed their last health check are skipped while healthy ones remain.
 */
public enum Balancing {
  /** Each endpoint in turn: even load when replicas are alike. The default. */
  ROUND_ROBIN("round-robin"),
  /**
   * The less busy of two endpoints picked at random (power of two choices), by calls in flight from this
   * client: steers calls away from a slow replica without a herd onto the least busy one.
   */
  LEAST_IN_FLIGHT("least-in-flight");

  private final String configName;

  Balancing(String configName) {
    this.configName = configName;
  }

  /**
   * The name in configuration ({@code balancing=round-robin}).
   *
   * @return the lower-case, hyphenated name that {@link #fromConfigName} accepts
   */
  public String configName() {
    return configName;
  }

  /**
   * The policy named {@code text} in configuration ({@code round-robin}, {@code least-in-flight}; case and
   * {@code _} for {@code -} do not matter).
   *
   * @param text the configured name; not null, surrounding blanks ignored
   * @return the policy of that name
   * @throws IllegalArgumentException naming the known values
   */
  public static Balancing fromConfigName(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (Balancing b : values()) {
      if (b.configName.equals(t)) {
        return b;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a balancing policy; use round-robin or least-in-flight");
  }
}
