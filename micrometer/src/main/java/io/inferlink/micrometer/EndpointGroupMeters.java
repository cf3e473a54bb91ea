package io.inferlink.micrometer;

import io.inferlink.routing.EndpointGroup;
import io.inferlink.routing.EndpointState;
import io.inferlink.routing.EndpointStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Meters of each endpoint of a client with several ({@link EndpointGroup}: replicas, fallbacks), read from its
 * status when the registry is scraped, so the calls cost nothing: attempts, failures and ejections as counters,
 * attempts in flight and whether it is in rotation (1 when {@link EndpointState#HEALTHY}) as gauges, tagged
 * {@value #TAG_ENDPOINT} (masked) and {@value #TAG_TIER}. The call-level meters stay
 * {@link MicrometerInterceptor}'s. Endpoints are those of the group when bound (a REST name's addresses that
 * appear later are not). Stateless and thread-safe.
 *
 * <pre>{@code
 * EndpointGroupMeters.bind(client.unwrap(EndpointGroup.class), registry, Tags.of("client", "search"));
 * }</pre>
 */
public final class EndpointGroupMeters {
  /** Counter of attempts sent to an endpoint. */
  public static final String ATTEMPTS = "inferlink.client.endpoint.attempts";
  /** Counter of attempts to an endpoint that failed. */
  public static final String FAILURES = "inferlink.client.endpoint.failures";
  /** Counter of an endpoint's ejections. */
  public static final String EJECTIONS = "inferlink.client.endpoint.ejections";
  /** Gauge of attempts sent to an endpoint and not yet answered. */
  public static final String ACTIVE = "inferlink.client.endpoint.attempts.active";
  /** Gauge: 1 while an endpoint is in rotation, 0 while ejected or not ready. */
  public static final String AVAILABLE = "inferlink.client.endpoint.available";
  /** Tag: the endpoint, credentials masked. */
  public static final String TAG_ENDPOINT = "endpoint";
  /** Tag: 0 for the client's endpoint, 1 for the first fallback... */
  public static final String TAG_TIER = "tier";

  private EndpointGroupMeters() {}

  /**
   * Registers the meters of every endpoint of {@code group}; the registry holds the group weakly, as Micrometer does.
   *
   * @param group the replicas and fallbacks whose endpoints get gauges and counters
   * @param registry where the meters are registered
   * @param tags tags added to every meter besides the endpoint and its tier
   */
  public static void bind(EndpointGroup group, MeterRegistry registry, Iterable<Tag> tags) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(registry, "registry");
    for (EndpointStatus s : group.members()) {
      Tags id = Tags.of(tags).and(TAG_ENDPOINT, s.endpoint()).and(TAG_TIER, Integer.toString(s.tier()));
      String endpoint = s.endpoint();
      FunctionCounter.builder(ATTEMPTS, group, read(endpoint, EndpointStatus::calls)).tags(id)
          .description("Attempts sent to one endpoint of an Inferlink client").register(registry);
      FunctionCounter.builder(FAILURES, group, read(endpoint, EndpointStatus::failures)).tags(id)
          .description("Attempts to one endpoint that failed").register(registry);
      FunctionCounter.builder(EJECTIONS, group, read(endpoint, EndpointStatus::ejections)).tags(id)
          .description("Times one endpoint was taken out of rotation after failures").register(registry);
      Gauge.builder(ACTIVE, group, read(endpoint, EndpointStatus::inFlight)).tags(id)
          .description("Attempts sent to one endpoint and not yet answered").register(registry);
      Gauge.builder(AVAILABLE, group, read(endpoint, st -> st.state() == EndpointState.HEALTHY ? 1 : 0)).tags(id)
          .description("1 while one endpoint is in rotation").register(registry);
    }
  }

  /** A value of one endpoint's current status; NaN once the endpoint left the group. */
  private static ToDoubleFunction<EndpointGroup> read(String endpoint, ToDoubleFunction<EndpointStatus> value) {
    return group -> {
      for (EndpointStatus s : group.members()) {
        if (s.endpoint().equals(endpoint)) {
          return value.applyAsDouble(s);
        }
      }
      return Double.NaN;
    };
  }
}
