package io.inferlink.emulator.tfserving;

import io.grpc.ServerServiceDefinition;
import io.inferlink.emulator.FrontendContext;
import io.inferlink.emulator.GrpcLoopbackServer;
import io.inferlink.emulator.LoopbackServer;
import io.inferlink.emulator.ProtocolFrontend;
import io.inferlink.emulator.ServerTls;
import io.inferlink.emulator.TlsFrontendBuilder;
import io.inferlink.protos.internal.tensorflow.serving.ModelServerConfig;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's TensorFlow Serving gRPC API (PROTOCOLS.md §2): {@code PredictionService}
 * (Predict, Classify, Regress, MultiInference, GetModelMetadata) and {@code ModelService}
 * (GetModelStatus, HandleReloadConfigRequest) over the {@link io.inferlink.emulator.ModelScript},
 * with TF's checks, messages and status codes. The script is the one the REST frontend serves, so a
 * model answers alike on both. Inputs may come in {@code tensor_content} or typed fields; outputs
 * always come in typed fields, as TF Serving's default serialisation writes them. A client that
 * cancels, or whose deadline passes, cancels its model call. A reload is recorded
 * ({@link #lastReloadConfig()}) and checked but changes nothing. Optional TLS and mutual TLS.
 * Thread-safe; its only state is the last reload config.
 *
 * <pre>
 * Emulator emulator = Emulator.builder().frontend(new TfServingGrpcFrontend()).build().start();
 * String endpoint = emulator.endpoint("tfserving+grpc"); // tfserving+grpc://127.0.0.1:&lt;port&gt;
 * </pre>
 */
public final class TfServingGrpcFrontend implements ProtocolFrontend {
  /** The protocol name. */
  public static final String PROTOCOL = "tfserving-grpc";
  /** The scheme of the plaintext server. */
  public static final String SCHEME = "tfserving+grpc";
  /** The scheme of the TLS server. */
  public static final String TLS_SCHEME = "tfserving+grpcs";

  private final ServerTls tls; // null: plaintext
  private final int maxInboundMessageBytes;
  private final boolean reloadFailuresInBody;
  private final AtomicReference<ModelServerConfig> lastReload = new AtomicReference<>();

  /** Plaintext TF Serving gRPC. */
  public TfServingGrpcFrontend() {
    this(builder());
  }

  private TfServingGrpcFrontend(Builder b) {
    this.tls = b.serverTls();
    this.maxInboundMessageBytes = b.maxInboundMessageBytes;
    this.reloadFailuresInBody = b.reloadFailuresInBody;
  }

  /** Starts configuring a frontend (TLS, message cap, reload answers). */
  public static Builder builder() {
    return new Builder();
  }

  /** {@value #PROTOCOL}. */
  @Override
  public String protocol() {
    return PROTOCOL;
  }

  /** {@value #SCHEME}, or with TLS {@value #TLS_SCHEME}. */
  @Override
  public Set<String> schemes() {
    return Set.of(isTls() ? TLS_SCHEME : SCHEME);
  }

  /** True when the server speaks TLS. */
  public boolean isTls() {
    return tls != null;
  }

  /**
   * The {@code config} of the last {@code HandleReloadConfigRequest} any server of this frontend
   * received (accepted or refused), exactly as it arrived; empty before the first.
   */
  public Optional<ModelServerConfig> lastReloadConfig() {
    return Optional.ofNullable(lastReload.get());
  }

  @Override
  public LoopbackServer create(FrontendContext context) {
    GrpcLoopbackServer.Builder server = GrpcLoopbackServer.builder(PROTOCOL)
        .maxLifetime(context.maxLifetime())
        .maxInboundMessageBytes(maxInboundMessageBytes)
        .recorder(context.recorder());
    services(context).forEach(server::service);
    if (isTls()) {
      tls.applyTo(server);
    }
    return server.build();
  }

  /**
   * The services {@link #create} serves ({@code PredictionService}, {@code ModelService}), for a
   * frontend that serves TF Serving's gRPC API next to others on one port (the OVMS mode).
   */
  public List<ServerServiceDefinition> services(FrontendContext context) {
    TfsGrpcCalls calls = new TfsGrpcCalls(context);
    return List.of(new TfsPredictionService(calls).bindService(),
        new TfsModelService(calls, lastReload::set, reloadFailuresInBody).bindService());
  }

  /** Configures a {@link TfServingGrpcFrontend}; not thread-safe. */
  public static final class Builder extends TlsFrontendBuilder<Builder> {
    private int maxInboundMessageBytes = GrpcLoopbackServer.DEFAULT_MAX_INBOUND_MESSAGE_BYTES;
    private boolean reloadFailuresInBody;

    private Builder() {}

    /** The largest inbound message accepted (RESOURCE_EXHAUSTED above); 256 MiB by default. */
    public Builder maxInboundMessageBytes(int bytes) {
      GrpcLoopbackServer.builder("check").maxInboundMessageBytes(bytes); // validates
      this.maxInboundMessageBytes = bytes;
      return this;
    }

    /**
     * Answers a refused reload as an OK call whose {@code ReloadConfigResponse.status} holds the
     * error, instead of TF Serving's gRPC error status; for clients that must cope with servers
     * answering that way.
     */
    public Builder reloadFailuresInResponseBody() {
      this.reloadFailuresInBody = true;
      return this;
    }

    /**
     * Builds the frontend.
     *
     * @throws IllegalArgumentException when the TLS material cannot be read
     */
    public TfServingGrpcFrontend build() {
      if (serverTls() != null) {
        serverTls().applyTo(GrpcLoopbackServer.builder("check")); // fails fast on bad PEM
      }
      return new TfServingGrpcFrontend(this);
    }
  }
}
