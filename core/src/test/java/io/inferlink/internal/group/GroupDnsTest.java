package io.inferlink.internal.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.inferlink.ClientOptions;
import io.inferlink.routing.Balancing;
import io.inferlink.routing.EndpointStatus;
import io.inferlink.spi.Endpoint;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A REST name with several addresses becomes one member per address when balancing is set; nothing else does. */
class GroupDnsTest {
  private static final ClientOptions BALANCED = ClientOptions.builder().balancing(Balancing.ROUND_ROBIN).build();

  private static InetAddress[] two(String host) throws UnknownHostException {
    return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {10, 0, 0, 1}),
        InetAddress.getByAddress(host, new byte[] {10, 0, 0, 2})};
  }

  @Test
  void aRestNameWithSeveralAddressesIsOneEndpointPerAddressKeepingTheName() {
    List<Endpoint> byAddress = ClientGroups.byAddress(Endpoint.parse("kserve-v2+https://replicas:8443/base"), BALANCED,
        GroupDnsTest::two);
    assertEquals(2, byAddress.size());
    assertEquals("replicas", byAddress.get(1).host(), "the Host header and TLS name stay the name");
    assertEquals("10.0.0.2", byAddress.get(1).address().getHostAddress());
    assertEquals("/base", byAddress.get(1).basePath());
  }

  @Test
  void balancingInTheQueryCountsToo() {
    assertEquals(2, ClientGroups.byAddress(Endpoint.parse("kserve-v2+http://replicas:8000?balancing=round-robin"),
        ClientOptions.defaults(), GroupDnsTest::two).size());
  }

  @Test
  void withoutBalancingOverGrpcForAnAddressOrAnUnknownNameTheEndpointStaysOne() {
    Endpoint rest = Endpoint.parse("kserve-v2+http://replicas:8000");
    assertEquals(List.of(rest), ClientGroups.byAddress(rest, ClientOptions.defaults(), GroupDnsTest::two));
    Endpoint grpc = Endpoint.parse("kserve-v2+grpc://replicas:8001");
    assertEquals(List.of(grpc), ClientGroups.byAddress(grpc, BALANCED, GroupDnsTest::two), "grpc-java balances those");
    Endpoint literal = Endpoint.parse("kserve-v2+http://10.1.2.3:8000");
    assertEquals(List.of(literal), ClientGroups.byAddress(literal, BALANCED, GroupDnsTest::two));
    assertEquals(List.of(rest), ClientGroups.byAddress(rest, BALANCED, h -> {
      throw new UnknownHostException(h);
    }));
    assertEquals(List.of(rest), ClientGroups.byAddress(rest, BALANCED, h -> new InetAddress[] {two(h)[0]}));
  }

  @Test
  void eachMemberShowsItsAddress() {
    TestGroups groups = new TestGroups();
    List<Endpoint> hosts = ClientGroups.byAddress(Endpoint.parse("kserve-v2+http://replicas:8000"), BALANCED,
        GroupDnsTest::two);
    ClientOptions options = ClientOptions.builder().healthCheckInterval(Duration.ZERO).build();
    try (ClientGroup group = ClientGroups.create(hosts, options, (e, o) -> new FakeMember(e.host(), FakeMember.ALL, o),
        groups.nanos::get)) {
      assertEquals(List.of("kserve-v2+http://replicas:8000 (10.0.0.1)", "kserve-v2+http://replicas:8000 (10.0.0.2)"),
          group.members().stream().map(EndpointStatus::endpoint).toList());
    }
    assertNull(Endpoint.parse("kserve-v2+http://replicas:8000").address());
  }

  private static InetAddress at(int last) throws UnknownHostException {
    return InetAddress.getByAddress("replicas", new byte[] {10, 0, 0, (byte) last});
  }

  private static void waitFor(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - end > 0) {
        throw new AssertionError("not within 5 s: " + what);
      }
      Thread.sleep(5);
    }
  }

  @Test
  void theNameIsResolvedAgainAndTheMembersFollowItsAddresses() throws Exception {
    java.util.concurrent.atomic.AtomicReference<InetAddress[]> dns =
        new java.util.concurrent.atomic.AtomicReference<>(new InetAddress[] {at(1), at(2)});
    java.util.Map<String, FakeMember> made = new java.util.concurrent.ConcurrentHashMap<>();
    ClientOptions options = ClientOptions.builder().healthCheckInterval(Duration.ZERO)
        .requestTimeout(Duration.ofMillis(50)).build();
    List<Endpoint> hosts = ClientGroups.byAddress(Endpoint.parse("kserve-v2+http://replicas:8000"), BALANCED,
        h -> dns.get());
    ClientGroup group = ClientGroups.create(hosts, options, (e, o) -> {
      FakeMember m = new FakeMember(e.address().getHostAddress(), FakeMember.ALL, o);
      made.put(m.name, m);
      return m;
    }, System::nanoTime, h -> dns.get(), Duration.ofMillis(20));
    try (group) {
      dns.set(new InetAddress[] {at(2), at(3)});
      waitFor("10.0.0.3 in, 10.0.0.1 out", () -> group.members().stream().map(EndpointStatus::endpoint).toList()
          .equals(List.of("kserve-v2+http://replicas:8000 (10.0.0.2)", "kserve-v2+http://replicas:8000 (10.0.0.3)")));
      waitFor("the client of the address that went away closed", () -> made.get("10.0.0.1").closed);
      org.junit.jupiter.api.Assertions.assertFalse(made.get("10.0.0.2").closed, "a member that stays is kept");
      assertEquals(3, made.size(), "only the new address got a new client");
      dns.set(new InetAddress[0]);
      Thread.sleep(100);
      assertEquals(2, group.members().size(), "an empty answer keeps the members");
    }
    dns.set(new InetAddress[] {at(4)});
    Thread.sleep(100);
    assertEquals(3, made.size(), "no refresh after close");
    made.values().forEach(m -> org.junit.jupiter.api.Assertions.assertTrue(m.closed));
  }
}
