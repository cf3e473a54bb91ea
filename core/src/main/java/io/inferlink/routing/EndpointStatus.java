package io.inferlink.routing;

import java.util.Objects;

/**
 * A snapshot of one endpoint of a client with several, as {@link EndpointGroup#members()} reports it. Immutable.
 *
 * @param endpoint the endpoint of this one host, with credentials and secret-looking values masked
 * @param tier 0 for a host of the client's endpoint, 1 for the first fallback endpoint, and so on
 * @param state whether it takes calls now
 * @param inFlight attempts sent to it and not yet answered
 * @param calls attempts sent to it so far (hedged attempts included, health checks not)
 * @param failures attempts of those that failed, whatever the failure
 * @param ejections how many times it was ejected
 */
public record EndpointStatus(String endpoint, int tier, EndpointState state, int inFlight, long calls, long failures,
    long ejections) {
  /**
   * Checks the values.
   *
   * @param endpoint the endpoint of this host, already masked; not null
   * @param tier 0 for the client's own endpoint, 1 and up for fallbacks
   * @param state whether it takes calls now; not null
   * @param inFlight attempts sent and not yet answered
   * @param calls attempts sent so far
   * @param failures attempts that failed so far
   * @param ejections times it was ejected so far
   */
  public EndpointStatus {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(state, "state");
  }
}
