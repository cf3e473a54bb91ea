package io.inferlink.internal.group;

import io.inferlink.Capabilities;
import io.inferlink.ClientOptions;
import io.inferlink.InferenceRequest;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.interceptor.RetryPolicy;
import io.inferlink.routing.EndpointState;
import io.inferlink.routing.EndpointStatus;
import io.inferlink.spi.Endpoint;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Builds groups of {@link FakeMember}s on a clock the test moves. */
final class TestGroups {
  static final RetryPolicy QUICK_RETRIES = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), 2.0);

  final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  final Map<String, FakeMember> members = new ConcurrentHashMap<>();
  final Map<String, Capabilities> capabilities = new HashMap<>();

  /** Options with health checks off (tests that want them turn them on). */
  static ClientOptions.Builder options() {
    return ClientOptions.builder().healthCheckInterval(Duration.ZERO);
  }

  ClientGroup build(String endpoint, ClientOptions options) {
    return ClientGroups.create(Endpoint.parseHosts(endpoint), options, (e, o) -> {
      FakeMember m = new FakeMember(e.host(), capabilities.getOrDefault(e.host(), FakeMember.ALL), o);
      members.put(e.host(), m);
      return m;
    }, nanos::get);
  }

  FakeMember m(String host) {
    return members.get(host);
  }

  void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  static EndpointStatus status(ClientGroup group, String host) {
    return group.members().stream().filter(s -> s.endpoint().contains("//" + host + ":")).findFirst().orElseThrow();
  }

  static EndpointState state(ClientGroup group, String host) {
    return status(group, host).state();
  }

  static InferenceRequest request(boolean idempotent) {
    return InferenceRequest.builder(ModelRef.of("m")).input(Tensor.ofFloats("x", new float[] {1f}, 1))
        .idempotent(idempotent).build();
  }

  static InferenceRequest request() {
    return request(false);
  }
}
