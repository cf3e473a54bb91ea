package io.inferlink.emulator.oip;

import io.inferlink.emulator.FrontendBuilder;
import io.inferlink.emulator.FrontendContext;
import io.inferlink.emulator.HttpFrontend;
import io.inferlink.emulator.HttpLoopbackServer;
import io.inferlink.emulator.HttpRoute;

/**
 * The emulator's Open Inference Protocol REST API (PROTOCOLS.md §3.2, §3.3, §3.5, §3.9): health,
 * server and model metadata, model ready and infer under {@code /v2}, over the
 * {@link io.inferlink.emulator.ModelScript}, as a Triton or KServe V2 server answers them.
 * Requests are JSON, or use the binary tensor data extension ({@code Inference-Header-Content-Length});
 * outputs come as JSON {@code data} unless asked for binary or without a strict-JSON form
 * (FP16/BF16, NaN/Inf, non-UTF-8 BYTES). Errors are {@code {"error": msg}}: 400 invalid input, 404
 * unknown model or version, a scripted failure with the shared status table's status. A client that
 * hangs up cancels its model call. Optional TLS and mutual TLS, optionally the model repository
 * extension in Triton's or KServe's form ({@link OipModelRepository}), and optionally a real server's
 * habits ({@link Builder#explicitNulls()}, {@link Builder#rawByteStrings()}, {@link Builder#halfAsJson()}).
 * Thread-safe (its only state is the repository's).
 *
 * <pre>
 * Emulator emulator = Emulator.builder().frontend(new OipRestFrontend()).build().start();
 * String endpoint = emulator.endpoint("kserve-v2+http"); // kserve-v2+http://127.0.0.1:&lt;port&gt;
 * </pre>
 */
public final class OipRestFrontend extends HttpFrontend {
  /** The protocol name. */
  public static final String PROTOCOL = "kserve-v2-rest";
  /** The scheme of the plaintext server. */
  public static final String SCHEME = "kserve-v2+http";
  /** The scheme of the TLS server. */
  public static final String TLS_SCHEME = "kserve-v2+https";
  /** The platform model metadata reports for every model. */
  public static final String PLATFORM = "inferlink-emulator";
  /** The one extension server metadata lists. */
  public static final String BINARY_EXTENSION = "binary_tensor_data";

  private final OipModelRepository repository; // null: no repository extension
  private final OipRestDialect dialect;

  /** Plaintext Open Inference Protocol REST. */
  public OipRestFrontend() {
    this(builder());
  }

  private OipRestFrontend(Builder b) {
    super(PROTOCOL, SCHEME, TLS_SCHEME, b);
    this.repository = b.repository;
    this.dialect = new OipRestDialect(b.explicitNulls, b.rawByteStrings, b.halfAsJson);
  }

  /**
   * Starts configuring a frontend (TLS, request cap, model repository, a real server's habits).
   *
   * @return a new builder: plaintext, default request cap, no repository extension
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  protected void serve(HttpLoopbackServer.Builder server, FrontendContext context) {
    server.failureReply(OipRestHandler::failure).route("/", route(context));
  }

  /**
   * The route that answers every request of this frontend, for a frontend that serves the Open
   * Inference Protocol next to other APIs on one port (the OVMS mode); {@link #create} serves it.
   *
   * @param context the emulator's models, recorder and server metadata
   * @return a route that answers the Open Inference Protocol over REST
   */
  public HttpRoute route(FrontendContext context) {
    return new OipRestHandler(context, repository, dialect);
  }

  /** Configures an {@link OipRestFrontend}; not thread-safe. */
  public static final class Builder extends FrontendBuilder<Builder> {
    private OipModelRepository repository;
    private boolean explicitNulls;
    private boolean rawByteStrings;
    private boolean halfAsJson;

    private Builder() {}

    /**
     * Writes optional members that have no value as JSON {@code null}, the way KServe's Python server
     * answers for a model without a version: {@code "model_version": null} when the call names no
     * version, {@code "id": null} without a request id, {@code "parameters": null} on the answer and
     * on each JSON output, {@code "versions": null} and {@code "platform": null} in model metadata,
     * and {@code null} version and reason in Triton's repository index (without this call they are
     * left out or hold values).
     *
     * @return this builder
     */
    public Builder explicitNulls() {
      this.explicitNulls = true;
      return this;
    }

    /**
     * Answers BYTES outputs that are not asked binary as JSON strings holding their raw bytes, UTF-8
     * or not, the way Triton does (quotes, backslashes and control bytes escaped, every other byte
     * copied); without this call a BYTES output that is not UTF-8 goes binary.
     *
     * @return this builder
     */
    public Builder rawByteStrings() {
      this.rawByteStrings = true;
      return this;
    }

    /**
     * Takes FP16/BF16 inputs as JSON numbers and answers finite FP16/BF16 outputs that are not asked
     * binary as JSON numbers, the way MLServer does; without this call FP16/BF16 JSON inputs are
     * refused (400, as Triton and KServe refuse them) and such outputs go binary.
     *
     * @return this builder
     */
    public Builder halfAsJson() {
      this.halfAsJson = true;
      return this;
    }

    /**
     * Serves the model repository extension in the repository's form, loading and unloading in it
     * (without this call there is none: its paths are 404, as on a server without the extension).
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
    public OipRestFrontend build() {
      return new OipRestFrontend(this);
    }
  }
}
