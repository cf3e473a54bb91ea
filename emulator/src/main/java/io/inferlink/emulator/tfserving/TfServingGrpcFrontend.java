package io.inferlink.emulator.tfserving;

import io.grpc.ServerServiceDefinition;
import io.inferlink.emulator.FrontendBuilder;
import io.inferlink.emulator.FrontendContext;
import io.inferlink.emulator.GrpcFrontend;
import io.inferlink.emulator.GrpcLoopbackServer;
import io.inferlink.protos.internal.tensorflow.serving.ModelServerConfig;
import java.util.List;
import java.util.Optional;
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
public final class TfServingGrpcFrontend extends GrpcFrontend {
  /** The protocol name. */
  public static final String PROTOCOL = "tfserving-grpc";
  /** The scheme of the plaintext server. */
  public static final String SCHEME = "tfserving+grpc";
  /** The scheme of the TLS server. */
  public static final String TLS_SCHEME = "tfserving+grpcs";

  private final boolean reloadFailuresInBody;
  private final AtomicReference<ModelServerConfig> lastReload = new AtomicReference<>();

  /** Plaintext TF Serving gRPC. */
  public TfServingGrpcFrontend() {
    this(builder());
  }

  private TfServingGrpcFrontend(Builder b) {
    super(PROTOCOL, SCHEME, TLS_SCHEME, b);
    this.reloadFailuresInBody = b.reloadFailuresInBody;
  }

  /**
   * Starts configuring a frontend (TLS, message cap, reload answers).
   *
   * @return a new builder: plaintext, default message cap, reload errors as gRPC statuses
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The {@code config} of the last {@code HandleReloadConfigRequest} any server of this frontend
   * received (accepted or refused), exactly as it arrived; empty before the first.
   *
   * @return the last reload's configuration message, or empty when none arrived yet
   */
  public Optional<ModelServerConfig> lastReloadConfig() {
    return Optional.ofNullable(lastReload.get());
  }

  @Override
  protected void serve(GrpcLoopbackServer.Builder server, FrontendContext context) {
    services(context).forEach(server::service);
  }

  /**
   * The services {@link #create} serves ({@code PredictionService}, {@code ModelService}), for a
   * frontend that serves TF Serving's gRPC API next to others on one port (the OVMS mode).
   *
   * @param context the emulator's models, recorder and server metadata
   * @return the bound services, in the order above
   */
  public List<ServerServiceDefinition> services(FrontendContext context) {
    TfsGrpcCalls calls = new TfsGrpcCalls(context);
    return List.of(new TfsPredictionService(calls).bindService(),
        new TfsModelService(calls, lastReload::set, reloadFailuresInBody).bindService());
  }

  /** Configures a {@link TfServingGrpcFrontend}; not thread-safe. */
  public static final class Builder extends FrontendBuilder<Builder> {
    private boolean reloadFailuresInBody;

    private Builder() {}

    /**
     * Answers a refused reload as an OK call whose {@code ReloadConfigResponse.status} holds the
     * error, instead of TF Serving's gRPC error status; for clients that must cope with servers
     * answering that way.
     *
     * @return this builder
     */
    public Builder reloadFailuresInResponseBody() {
      this.reloadFailuresInBody = true;
      return this;
    }

    /**
     * Builds the frontend.
     *
     * @return a new frontend, for {@link io.inferlink.emulator.Emulator.Builder#frontend}
     */
    public TfServingGrpcFrontend build() {
      return new TfServingGrpcFrontend(this);
    }
  }
}
