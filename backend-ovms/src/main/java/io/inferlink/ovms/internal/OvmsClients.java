package io.inferlink.ovms.internal;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.interceptor.RetryPolicy;
import io.inferlink.ovms.OvmsOptions;
import io.inferlink.spi.Endpoint;
import io.inferlink.transport.http.internal.HttpTarget;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds an {@link OvmsClient} for either provider: reads the OVMS options, makes the wrapped
 * KServe or TF Serving client with the rest of the options (KServe REST always with
 * {@code binary=always}: OVMS slices binary inputs by {@code binary_data_size}, so every input carries
 * one), and the pieces around it. Stateless.
 */
final class OvmsClients {
  /** The port of an {@code ovms+http(s)} endpoint without one (OVMS has no default; its docs use 8000). */
  static final int REST_PORT = 8000;
  /** The port of an {@code ovms+grpc(s)} endpoint without one (its docs use 9000). */
  static final int GRPC_PORT = 9000;

  private OvmsClients() {}

  static InferenceClient create(String provider, Endpoint endpoint, ClientOptions options, boolean grpc) {
    Set<String> known = grpc ? Set.of(OvmsOptions.API.name(), OvmsOptions.REST_PORT.name()) : Set.of(OvmsOptions.API.name());
    Set<String> unknown = new TreeSet<>(options.optionNames());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new ProviderConfigurationException(provider + " does not know the option(s) " + unknown + "; it knows "
          + new TreeSet<>(known));
    }
    OvmsOptions.Api api = options.get(OvmsOptions.API);
    long restPort = grpc ? options.get(OvmsOptions.REST_PORT) : 0;
    if (restPort < 0 || restPort > 65535) {
      throw new ProviderConfigurationException("option rest-port must be a port (1..65535), got " + restPort);
    }
    Endpoint target = endpoint.withPort(endpoint.port(grpc ? GRPC_PORT : REST_PORT));
    // The wrapped clients' calls are sent by the OVMS client's pipeline: they have none of their own.
    ClientOptions plain = options.toBuilder().removeOption(OvmsOptions.API.name())
        .removeOption(OvmsOptions.REST_PORT.name()).clearInterceptors().retryPolicy(RetryPolicy.none()).build();
    ClientOptions kserve = grpc ? plain : plain.toBuilder().option("binary", "always").build();
    boolean tfsApi = api == OvmsOptions.Api.TFS;
    String kserveName = grpc ? InnerProviders.KSERVE_GRPC : InnerProviders.KSERVE_REST;
    InferenceClient wrapped = tfsApi
        ? InnerProviders.create(grpc ? InnerProviders.TFS_GRPC : InnerProviders.TFS_REST, target, plain)
        : InnerProviders.create(kserveName, target, kserve);
    try {
      HttpTarget restTarget = !grpc ? HttpTarget.of(target, REST_PORT)
          : restPort > 0 ? new HttpTarget(endpoint.isSecure(), endpoint.host(), (int) restPort, "") : null;
      OvmsRest rest = restTarget == null ? null : new OvmsRest(provider, restTarget, plain);
      Lazy<InferenceClient> health = tfsApi
          ? new Lazy<>(provider + " client", () -> InnerProviders.create(kserveName, target, kserve), InferenceClient::close)
          : null;
      TfsApiCheck check = !tfsApi ? null : grpc ? TfsApiCheck.grpc(provider) : TfsApiCheck.rest(provider, rest);
      return new OvmsClient(provider, endpoint, options, api, wrapped, health, rest, new OvmsFailures(provider, check),
          OvmsCapabilities.of(api, grpc, wrapped.capabilities()));
    } catch (RuntimeException e) {
      wrapped.close();
      throw e;
    }
  }
}
