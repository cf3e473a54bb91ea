package io.inferlink.routing;

import java.util.List;

/**
 * The state of a client with several endpoints (replicas, fallback endpoints), reached with
 * {@code client.unwrap(EndpointGroup.class)}: for dashboards, logs and tests that watch failover. A client with
 * one endpoint has none ({@code unwrap} throws). Implementations are thread-safe; each call takes a fresh snapshot.
 */
public interface EndpointGroup {

  /**
   * Every endpoint of the client, tier by tier in the order they were configured.
   *
   * @return an immutable snapshot per endpoint, taken now; never null
   */
  List<EndpointStatus> members();
}
