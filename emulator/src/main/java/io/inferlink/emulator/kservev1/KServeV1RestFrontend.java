package io.inferlink.emulator.kservev1;

import io.inferlink.emulator.FrontendBuilder;
import io.inferlink.emulator.FrontendContext;
import io.inferlink.emulator.HttpFrontend;
import io.inferlink.emulator.HttpLoopbackServer;

/**
 * The emulator's KServe V1 REST API (PROTOCOLS.md §3.1, §3.9), over the
 * {@link io.inferlink.emulator.ModelScript}, as KServe's Python model server answers it:
 *
 * <ul>
 *   <li>{@code GET /} → {@code {"status": "alive"}}; {@code GET /v1/models} → {@code {"models": [...]}};
 *       {@code GET /v1/models/<m>} → {@code {"name": <m>, "ready": true}}.
 *   <li>{@code POST /v1/models/<m>:predict} with {@code {"instances": [...]}} (or {@code "inputs"}) →
 *       {@code {"predictions": [...]}}. Plain rows are the model's first declared input, object rows
 *       one input per key; values are typed by the declared input types where they fit, else by their
 *       JSON kind (integers INT64, other numbers FP32, strings BYTES, booleans BOOL), so identity
 *       echoes what it is sent. A model with one output answers its bare rows; several outputs
 *       answer one object per row ({@code [{"label": ..., "scores": [...]}]} for the classifier),
 *       as KServe does for {@code realservers/kserve_models.py}.
 *   <li>{@code POST /v1/models/<m>:explain} → the predictions plus {@code "explanations"}: one object
 *       per instance, {@code {"instance": i, "explainer": "inferlink-emulator", "inputs": [names],
 *       "outputs": [names]}} (an explainer of the emulator's own; KServe leaves the format to it).
 * </ul>
 *
 * <p>V1 has no versions: a name is its model's latest version. Errors are KServe's: 404
 * {@code {"error": "Model with name <m> does not exist."}}, 503 {@code ... is not ready.}, 400
 * {@code {"error": ...}} for a body that is not a list of like rows, a scripted failure with the
 * shared status table's status and {@code {"error": msg}}, and FastAPI's own {@code {"detail":
 * "Not Found"}} (404) and {@code {"detail": "Method Not Allowed"}} (405) for other paths and verbs.
 * NaN and infinities are read and written as bare tokens (KServe's orjson would refuse or null
 * them). A client that hangs up cancels its model call. Optional TLS and mutual TLS. Immutable and
 * thread-safe.
 *
 * <pre>
 * Emulator emulator = Emulator.builder().frontend(new KServeV1RestFrontend()).build().start();
 * String endpoint = emulator.endpoint("kserve-v1+http"); // kserve-v1+http://127.0.0.1:&lt;port&gt;
 * </pre>
 */
public final class KServeV1RestFrontend extends HttpFrontend {
  /** The protocol name. */
  public static final String PROTOCOL = "kserve-v1-rest";
  /** The scheme of the plaintext server. */
  public static final String SCHEME = "kserve-v1+http";
  /** The scheme of the TLS server. */
  public static final String TLS_SCHEME = "kserve-v1+https";
  /** The {@code explainer} every explanation names. */
  public static final String EXPLAINER = "inferlink-emulator";

  /** Plaintext KServe V1. */
  public KServeV1RestFrontend() {
    this(builder());
  }

  private KServeV1RestFrontend(Builder b) {
    super(PROTOCOL, SCHEME, TLS_SCHEME, b);
  }

  /**
   * Starts configuring a frontend (TLS, request cap).
   *
   * @return a new builder: plaintext, default request cap
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  protected void serve(HttpLoopbackServer.Builder server, FrontendContext context) {
    server.failureReply(V1RestHandler::failure).route("/", new V1RestHandler(context));
  }

  /** Configures a {@link KServeV1RestFrontend}; not thread-safe. */
  public static final class Builder extends FrontendBuilder<Builder> {
    private Builder() {}

    /**
     * Builds the frontend.
     *
     * @return a new frontend, for {@link io.inferlink.emulator.Emulator.Builder#frontend}
     */
    public KServeV1RestFrontend build() {
      return new KServeV1RestFrontend(this);
    }
  }
}
