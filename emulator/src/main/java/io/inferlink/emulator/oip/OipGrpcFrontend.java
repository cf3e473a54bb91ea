package io.inferlink.emulator.oip;

import io.grpc.ServerServiceDefinition;
import io.inferlink.emulator.FrontendBuilder;
import io.inferlink.emulator.FrontendContext;
import io.inferlink.emulator.GrpcFrontend;
import io.inferlink.emulator.GrpcLoopbackServer;

/**
 * The emulator's Open Inference Protocol gRPC API (PROTOCOLS.md §3.6): {@code inference.GRPCInferenceService}
 * (ServerLive, ServerReady, ServerMetadata, ModelReady, ModelMetadata, ModelInfer) over the
 * {@link io.inferlink.emulator.ModelScript}, as a KServe or Triton server answers it. Inputs may
 * come in {@code raw_input_contents} (then for every input) or in typed {@code contents} (FP16 and
 * BF16 only raw); outputs come raw when the request was raw or an output is FP16/BF16, typed
 * otherwise, as KServe's Python server does. Errors are KServe's gRPC codes; a scripted failure keeps
 * its code and message. A client that cancels, or whose deadline passes, cancels its model call.
 * Streaming is UNIMPLEMENTED, and so are the repository calls unless the builder is given an
 * {@link OipModelRepository}: then RepositoryModelLoad/Unload (and Triton's RepositoryIndex) are served
 * in its form. Optional TLS and mutual TLS. Thread-safe (its only state is the repository's).
 *
 * <pre>
 * Emulator emulator = Emulator.builder().frontend(new OipGrpcFrontend()).build().start();
 * String endpoint = emulator.endpoint("kserve-v2+grpc"); // kserve-v2+grpc://127.0.0.1:&lt;port&gt;
 * </pre>
 */
public final class OipGrpcFrontend extends GrpcFrontend {
  /** The protocol name. */
  public static final String PROTOCOL = "kserve-v2-grpc";
  /** The scheme of the plaintext server. */
  public static final String SCHEME = "kserve-v2+grpc";
  /** The scheme of the TLS server. */
  public static final String TLS_SCHEME = "kserve-v2+grpcs";
  /** The platform ModelMetadata reports for every model. */
  public static final String PLATFORM = "inferlink-emulator";

  private final OipModelRepository repository; // null: repository calls UNIMPLEMENTED

  /** Plaintext Open Inference Protocol gRPC. */
  public OipGrpcFrontend() {
    this(builder());
  }

  private OipGrpcFrontend(Builder b) {
    super(PROTOCOL, SCHEME, TLS_SCHEME, b);
    this.repository = b.repository;
  }

  /**
   * Starts configuring a frontend (TLS, message cap, model repository).
   *
   * @return a new builder: plaintext, default message cap, no repository extension
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  protected void serve(GrpcLoopbackServer.Builder server, FrontendContext context) {
    server.service(service(context));
  }

  /**
   * The service {@link #create} serves ({@code inference.GRPCInferenceService}), for a frontend that
   * serves the Open Inference Protocol next to other APIs on one port (the OVMS mode).
   *
   * @param context the emulator's models, recorder and server metadata
   * @return the bound service
   */
  public ServerServiceDefinition service(FrontendContext context) {
    return OipGrpcRepository.bind(new OipInferenceService(context, repository), repository, context.script());
  }

  /** Configures an {@link OipGrpcFrontend}; not thread-safe. */
  public static final class Builder extends FrontendBuilder<Builder> {
    private OipModelRepository repository;

    private Builder() {}

    /**
     * Serves the repository calls in the repository's form, loading and unloading in it (without this
     * call they are UNIMPLEMENTED, as on a server without the extension).
     *
     * @param repository the repository to serve and change; shared with the test that made it
     * @return this builder
     */
    public Builder repository(OipModelRepository repository) {
      this.repository = java.util.Objects.requireNonNull(repository, "repository");
      return this;
    }

    /**
     * Builds the frontend.
     *
     * @return a new frontend, for {@link io.inferlink.emulator.Emulator.Builder#frontend}
     */
    public OipGrpcFrontend build() {
      return new OipGrpcFrontend(this);
    }
  }
}
