package io.inferlink.transport.grpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inferlink.ClientOptions;
import io.inferlink.routing.Balancing;
import org.junit.jupiter.api.Test;

/** grpc-java's policy over a name's addresses: round robin only when balancing was asked for. */
class GrpcLoadBalancingPolicyTest {

  @Test
  void pickFirstUnlessBalancingIsSet() {
    assertEquals("pick_first", GrpcChannels.loadBalancingPolicy(ClientOptions.defaults()));
    assertEquals("round_robin", GrpcChannels.loadBalancingPolicy(
        ClientOptions.builder().balancing(Balancing.ROUND_ROBIN).build()), "set explicitly, even to the default");
    assertEquals("round_robin", GrpcChannels.loadBalancingPolicy(
        ClientOptions.defaults().withDefaultTextOptions(java.util.Map.of("balancing", "least-in-flight"))));
  }
}
