package io.inferlink.internal.group;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.interceptor.RetryPolicy;
import io.inferlink.routing.OutlierEjection;
import io.inferlink.spi.Endpoint;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/**
 * Builds a client group for {@link io.inferlink.spi.ProviderRegistry}: tier 0 the hosts of the client's endpoint,
 * then one tier per fallback endpoint (each may list several hosts). Each member is an ordinary client made for one
 * host, with the options stripped of what the group does itself (interceptors, retries, fallbacks, health checks,
 * ejection, hedging), so a member is a plain transport and nothing runs twice. Stateless and thread-safe.
 */
public final class ClientGroups {
  /** How often a REST name made one member per address is resolved again: the JDK's own DNS cache time. */
  static final Duration REFRESH_INTERVAL = Duration.ofSeconds(30);

  private ClientGroups() {}

  /**
   * The group of {@code hosts} (tier 0) and {@code options}' fallback endpoints, each member made by {@code one}.
   * The routing settings of the first host's query apply to the group (options set in code win).
   *
   * @throws ProviderConfigurationException naming {@code fallback-endpoints} when one does not parse, or what
   *     {@code one} throws (every member made so far is closed again)
   */
  public static InferenceClient create(List<Endpoint> hosts, ClientOptions options,
      BiFunction<Endpoint, ClientOptions, InferenceClient> one) {
    return create(hosts, options, one, System::nanoTime);
  }

  static ClientGroup create(List<Endpoint> hosts, ClientOptions options,
      BiFunction<Endpoint, ClientOptions, InferenceClient> one, LongSupplier nanoClock) {
    return create(hosts, options, one, nanoClock, InetAddress::getAllByName, REFRESH_INTERVAL);
  }

  static ClientGroup create(List<Endpoint> hosts, ClientOptions options,
      BiFunction<Endpoint, ClientOptions, InferenceClient> one, LongSupplier nanoClock, Resolver resolver,
      Duration refreshInterval) {
    ClientOptions groupOptions = options.withDefaultTextOptions(hosts.get(0).queryOptions());
    List<List<Endpoint>> tiers = new ArrayList<>();
    tiers.add(hosts);
    for (String fallback : groupOptions.fallbackEndpoints()) {
      try {
        tiers.add(Endpoint.parseHosts(fallback));
      } catch (IllegalArgumentException e) {
        throw new ProviderConfigurationException("fallback-endpoints: " + e.getMessage(), e);
      }
    }
    ClientOptions memberOptions = forMembers(options);
    List<InferenceClient> made = new ArrayList<>();
    try {
      List<List<GroupMember>> members = new ArrayList<>();
      for (int tier = 0; tier < tiers.size(); tier++) {
        List<GroupMember> inTier = new ArrayList<>();
        for (Endpoint host : tiers.get(tier)) {
          GroupMember m = member(host, tier, one, memberOptions, groupOptions, nanoClock);
          made.add(m.client());
          inTier.add(m);
        }
        members.add(inTier);
      }
      ClientGroup group = new ClientGroup(hosts.get(0), groupOptions, members);
      if (isOneNameByAddress(hosts)) {
        group.closeWith(new AddressRefresh(hosts.get(0), group.picker(), 0,
            e -> member(e, 0, one, memberOptions, groupOptions, nanoClock), resolver, refreshInterval,
            groupOptions.requestTimeout()).start());
      }
      return group;
    } catch (RuntimeException e) {
      for (InferenceClient c : made) {
        try {
          c.close();
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  private static GroupMember member(Endpoint host, int tier, BiFunction<Endpoint, ClientOptions, InferenceClient> one,
      ClientOptions memberOptions, ClientOptions groupOptions, LongSupplier nanoClock) {
    InferenceClient client = one.apply(host, memberOptions);
    String shown = host.address() == null ? host.toString() : host + " (" + host.address().getHostAddress() + ")";
    return new GroupMember(client, shown, host.address(), tier, groupOptions.outlierEjection(), nanoClock);
  }

  /** True for the endpoints {@link #byAddress} makes of one name: each pinned, all the same name. */
  private static boolean isOneNameByAddress(List<Endpoint> hosts) {
    for (Endpoint h : hosts) {
      if (h.address() == null || !h.host().equals(hosts.get(0).host())) {
        return false;
      }
    }
    return true;
  }

  /** Resolves a host name to its addresses (the system's resolver; tests pass their own). */
  @FunctionalInterface
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /**
   * The endpoints to make a client of for {@code endpoint}: over REST, when the options (or the endpoint's query)
   * set {@code balancing} and its host is a name with several addresses, one endpoint per address, each pinned to
   * it ({@link Endpoint#withAddress}) with the name kept for the Host header and TLS; else the endpoint alone.
   * gRPC endpoints are left to grpc-java's own resolver and {@code round_robin}. The group resolves the name again
   * every {@link #REFRESH_INTERVAL} ({@link AddressRefresh}).
   */
  public static List<Endpoint> byAddress(Endpoint endpoint, ClientOptions options) {
    return byAddress(endpoint, options, InetAddress::getAllByName);
  }

  static List<Endpoint> byAddress(Endpoint endpoint, ClientOptions options, Resolver resolver) {
    String transport = endpoint.transport();
    boolean rest = transport.equals("http") || transport.equals("https");
    if (!rest || endpoint.address() != null || isAddressLiteral(endpoint.host())
        || !options.withDefaultTextOptions(endpoint.queryOptions()).isBalancingSet()) {
      return List.of(endpoint);
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(endpoint.host());
    } catch (UnknownHostException e) {
      return List.of(endpoint); // the client reports it when it connects, as without balancing
    }
    if (addresses.length < 2) {
      return List.of(endpoint);
    }
    List<Endpoint> pinned = new ArrayList<>();
    for (InetAddress a : addresses) {
      pinned.add(endpoint.withAddress(a));
    }
    return List.copyOf(pinned);
  }

  private static boolean isAddressLiteral(String host) {
    return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
  }

  /** A member's options: the connection, credentials and protocol settings, none of the group's own. */
  static ClientOptions forMembers(ClientOptions options) {
    return options.toBuilder().clearInterceptors().retryPolicy(RetryPolicy.none()).fallbackEndpoints(List.of())
        .healthCheckInterval(Duration.ZERO).outlierEjection(OutlierEjection.disabled()).hedgeDelay(Duration.ZERO)
        .build();
  }
}
