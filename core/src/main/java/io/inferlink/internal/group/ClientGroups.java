package io.inferlink.internal.group;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.interceptor.RetryPolicy;
import io.inferlink.routing.OutlierEjection;
import io.inferlink.spi.Endpoint;
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
          InferenceClient client = one.apply(host, memberOptions);
          made.add(client);
          inTier.add(new GroupMember(client, host.toString(), tier, groupOptions.outlierEjection(), nanoClock));
        }
        members.add(inTier);
      }
      return new ClientGroup(hosts.get(0), groupOptions, members);
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

  /** A member's options: the connection, credentials and protocol settings, none of the group's own. */
  static ClientOptions forMembers(ClientOptions options) {
    return options.toBuilder().clearInterceptors().retryPolicy(RetryPolicy.none()).fallbackEndpoints(List.of())
        .healthCheckInterval(Duration.ZERO).outlierEjection(OutlierEjection.disabled()).hedgeDelay(Duration.ZERO)
        .build();
  }
}
