package io.inferlink.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.routing.EndpointGroup;
import io.inferlink.routing.EndpointState;
import io.inferlink.routing.EndpointStatus;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Each endpoint's meters read the group's status when scraped. */
class EndpointGroupMetersTest {

  @Test
  void eachEndpointsMetersFollowItsStatus() {
    AtomicReference<List<EndpointStatus>> now = new AtomicReference<>(List.of(
        new EndpointStatus("kserve-v2+grpc://a:8001", 0, EndpointState.HEALTHY, 2, 10, 1, 0),
        new EndpointStatus("kserve-v2+http://b:8000", 1, EndpointState.HEALTHY, 0, 0, 0, 0)));
    EndpointGroup group = now::get;
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    EndpointGroupMeters.bind(group, registry, Tags.of("client", "search"));

    assertEquals(10, registry.get(EndpointGroupMeters.ATTEMPTS).tag("endpoint", "kserve-v2+grpc://a:8001")
        .tag("tier", "0").tag("client", "search").functionCounter().count());
    assertEquals(2, registry.get(EndpointGroupMeters.ACTIVE).tag("endpoint", "kserve-v2+grpc://a:8001").gauge().value());
    assertEquals(1, registry.get(EndpointGroupMeters.AVAILABLE).tag("tier", "1").gauge().value());

    now.set(List.of(
        new EndpointStatus("kserve-v2+grpc://a:8001", 0, EndpointState.EJECTED, 0, 15, 6, 1),
        new EndpointStatus("kserve-v2+http://b:8000", 1, EndpointState.HEALTHY, 1, 5, 0, 0)));
    assertEquals(1, registry.get(EndpointGroupMeters.EJECTIONS).tag("tier", "0").functionCounter().count());
    assertEquals(6, registry.get(EndpointGroupMeters.FAILURES).tag("tier", "0").functionCounter().count());
    assertEquals(0, registry.get(EndpointGroupMeters.AVAILABLE).tag("tier", "0").gauge().value());
    assertEquals(5, registry.get(EndpointGroupMeters.ATTEMPTS).tag("tier", "1").functionCounter().count());

    now.set(List.of());
    assertTrue(Double.isNaN(registry.get(EndpointGroupMeters.ACTIVE).tag("tier", "1").gauge().value()),
        "an endpoint that left reads NaN, not a made-up 0");
  }
}
