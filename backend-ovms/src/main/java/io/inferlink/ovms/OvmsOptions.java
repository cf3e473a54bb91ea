package io.inferlink.ovms;

import io.inferlink.ProtocolOption;

/**
 * Options of the OVMS providers, set with {@code ClientOptions.builder().option(KEY, value)} or as
 * text in the endpoint's query ({@code ovms+grpc://host:9000?api=tfs}). Constants only; thread-safe.
 */
public final class OvmsOptions {
  /** Which of OVMS's APIs a client speaks. */
  public enum Api {
    /**
     * The KServe API (Open Inference Protocol), the default: every OVMS release has it, and from
     * 2026.3 on it is the only one. REST requests always carry their tensors as binary data.
     */
    KSERVE,
    /**
     * The TF Serving API, for servers up to 2026.2 (2026.3 removed it): TF Serving's paths, JSON and
     * gRPC messages, in the encodings OVMS accepts. Server health and metadata still come from the
     * KServe API of the same port, which those servers also have.
     */
    TFS
  }

  /** {@code api}: {@code kserve} (default) or {@code tfs}. */
  public static final ProtocolOption<Api> API = ProtocolOption.ofEnum("api", Api.class, Api.KSERVE);

  /**
   * {@code rest-port}: for {@code ovms+grpc(s)} clients, the port of the same server's REST API, where
   * {@link Ovms}'s configuration and metrics endpoints live (OVMS serves them over REST only). Without
   * it a gRPC client has no {@link Ovms} extension. Plain http for {@code ovms+grpc}, https for
   * {@code ovms+grpcs}.
   */
  public static final ProtocolOption<Long> REST_PORT = ProtocolOption.ofLong("rest-port", 0);

  private OvmsOptions() {}
}
