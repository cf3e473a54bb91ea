package io.inferlink.transport.grpc.internal;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.TlsChannelCredentials;
import io.inferlink.ClientOptions;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.support.TlsSupport;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;

/**
 * Builds a channel for an endpoint from {@link ClientOptions}: TLS for {@code ...+grpcs} (verifying
 * the server against the system trust store or the options' PEM certificates, with a client
 * certificate for mutual TLS), plaintext otherwise; the authority override that routers need; the
 * inbound message limit (grpc-java's own 4 MiB is too small for images); keep-alive pings only when
 * {@link ClientOptions#keepAliveTime()} is set; {@code round_robin} over a name's addresses when balancing is set; retries off (core's retry policy decides); headers and
 * credentials added per call by {@link HeadersInterceptor}.
 */
public final class GrpcChannels {
  private GrpcChannels() {}

  /** A channel to the endpoint's host and port ({@code defaultPort} when it has none). */
  public static ManagedChannel create(Endpoint endpoint, int defaultPort, ClientOptions options) {
    if (!endpoint.basePath().isEmpty()) {
      throw new ProviderConfigurationException("a gRPC endpoint cannot have a path: " + endpoint);
    }
    ManagedChannelBuilder<?> builder = Grpc.newChannelBuilderForAddress(
        endpoint.host(), endpoint.port(defaultPort), credentials(endpoint, options));
    if (options.authority() != null) {
      builder.overrideAuthority(options.authority());
    }
    builder.maxInboundMessageSize(options.maxMessageSize())
        .userAgent(options.userAgent())
        .disableRetry()
        .intercept(new HeadersInterceptor(options));
    builder.defaultLoadBalancingPolicy(loadBalancingPolicy(options));
    if (options.executor() != null) {
      builder.executor(options.executor());
    }
    if (options.keepAliveTime() != null) {
      builder.keepAliveTime(options.keepAliveTime().toNanos(), TimeUnit.NANOSECONDS)
          .keepAliveTimeout(options.keepAliveTimeout().toNanos(), TimeUnit.NANOSECONDS)
          .keepAliveWithoutCalls(options.keepAliveWithoutCalls());
    }
    return builder.build();
  }

  /**
   * grpc-java's policy over the addresses its DNS resolver finds for the endpoint's name: {@code round_robin}
   * when the options ask for balancing ({@link ClientOptions#isBalancingSet()}), so that one name in front of
   * several replicas spreads the calls; else {@code pick_first}, one connection to the first address that
   * answers (the others used when it fails). Hosts listed in the endpoint are balanced by core's client group.
   */
  static String loadBalancingPolicy(ClientOptions options) {
    return options.isBalancingSet() ? "round_robin" : "pick_first";
  }

  private static ChannelCredentials credentials(Endpoint endpoint, ClientOptions options) {
    if (!endpoint.isSecure()) {
      if (options.tls().hasClientCertificate() || options.tls().trustCertificatesPem() != null) {
        throw new ProviderConfigurationException("TLS material is set but " + endpoint.scheme()
            + " is plaintext; use the secure scheme (" + endpoint.protocol() + "+grpcs)");
      }
      return InsecureChannelCredentials.create();
    }
    TlsChannelCredentials.Builder tls = TlsChannelCredentials.newBuilder()
        .trustManager(TlsSupport.trustManagers(options.tls()).getTrustManagers());
    KeyManagerFactory keys = TlsSupport.keyManagers(options.tls());
    if (keys != null) {
      tls.keyManager(keys.getKeyManagers());
    }
    return tls.build();
  }

  /** Shuts a channel down, cancelling calls in flight, and waits briefly for it to end. */
  public static void shutdown(ManagedChannel channel) {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
