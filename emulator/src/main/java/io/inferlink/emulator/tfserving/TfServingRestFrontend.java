package io.inferlink.emulator.tfserving;

import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.FrontendBuilder;
import io.inferlink.emulator.FrontendContext;
import io.inferlink.emulator.HttpFrontend;
import io.inferlink.emulator.HttpLoopbackServer;
import io.inferlink.emulator.HttpRoute;
import io.inferlink.emulator.LoopbackServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The emulator's TensorFlow Serving REST API (PROTOCOLS.md §1): status, metadata, predict (columnar
 * and row formats), classify and regress over the {@link io.inferlink.emulator.ModelScript},
 * with TF's paths, JSON forms, error messages and statuses. Each scripted model has one signature,
 * {@code serving_default}, made from its metadata, and only numeric versions. One leniency: the
 * {@code identity} model accepts any subset of its declared inputs (real TF demands them all); other
 * models must get every input, and extra keys are ignored as TF ignores them. A client that hangs
 * up cancels its model call. Optional: TLS or mutual TLS, HTTP Basic credentials (401 otherwise),
 * and the legacy Paperspace Gradient paths {@code /model-serving/<deployment-id>...} instead of
 * {@code /v1/models/<name>...}. Immutable and thread-safe.
 *
 * <pre>
 * Emulator emulator = Emulator.builder().frontend(new TfServingRestFrontend()).build().start();
 * String endpoint = emulator.endpoint("tfserving+http"); // tfserving+http://127.0.0.1:&lt;port&gt;
 * </pre>
 */
public final class TfServingRestFrontend extends HttpFrontend {
  /** The protocol name of the plain TF Serving mode. */
  public static final String PROTOCOL = "tfserving-rest";
  /** The protocol name of the legacy Paperspace mode. */
  public static final String PAPERSPACE_LEGACY_PROTOCOL = "paperspace-legacy";

  private final Map<String, String> deployments;
  private final boolean paperspaceLegacy;
  private final String user;
  private final String password;

  /** Plain TF Serving over http: no TLS, no credentials. */
  public TfServingRestFrontend() {
    this(builder());
  }

  private TfServingRestFrontend(Builder b) {
    super(b.paperspaceLegacy ? PAPERSPACE_LEGACY_PROTOCOL : PROTOCOL,
        b.paperspaceLegacy ? "paperspace-legacy+http" : "tfserving+http",
        b.paperspaceLegacy ? "paperspace-legacy+https" : "tfserving+https", b);
    this.deployments = Map.copyOf(b.deployments);
    this.paperspaceLegacy = b.paperspaceLegacy;
    this.user = b.user;
    this.password = b.password;
  }

  /**
   * Starts configuring a frontend (TLS, Basic credentials, Paperspace mode).
   *
   * @return a new builder: plaintext, no credentials, TF Serving's own paths
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@code tfserving+http}, or with TLS {@code tfserving+https} and {@code paperspace+https} (a
   * current Gradient deployment of a TF Serving container is TF Serving behind TLS and Basic
   * credentials). The Paperspace legacy mode has emulator-only schemes,
   * {@code paperspace-legacy+http(s)}: use {@link #deploymentUrl} for its URLs.
   */
  @Override
  public Set<String> schemes() {
    return isTls() && !paperspaceLegacy ? Set.of("tfserving+https", "paperspace+https") : super.schemes();
  }

  /**
   * The URL a legacy Paperspace client calls instead of
   * {@code https://services.paperspace.io/model-serving/<deployment-id>}, e.g.
   * {@code http://127.0.0.1:40123/model-serving/dep-1}.
   *
   * @param emulator the running emulator that serves this frontend
   * @param deploymentId the deployment id, naming a model or mapped by {@link Builder#deployment}
   * @return the deployment's base URL on 127.0.0.1, without a trailing slash
   * @throws IllegalStateException when this frontend is not in Paperspace mode
   */
  public String deploymentUrl(Emulator emulator, String deploymentId) {
    if (!paperspaceLegacy) {
      throw new IllegalStateException("not a Paperspace legacy frontend; build it with paperspaceLegacy()");
    }
    return (isTls() ? "https" : "http") + "://" + LoopbackServer.HOST + ":" + emulator.port(protocol())
        + "/model-serving/" + URLEncoder.encode(deploymentId, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  protected void serve(HttpLoopbackServer.Builder server, FrontendContext context) {
    server.failureReply(TfsHandler::failure).route("/", route(context));
  }

  /**
   * The route that answers every request of this frontend, for a frontend that serves TF Serving's
   * API next to others on one port (the OVMS mode): it records headers, checks credentials and
   * answers TF's paths as {@link #create} does. Its model failures are answered with TF's statuses.
   *
   * @param context the emulator's models, recorder and server metadata
   * @return a route that answers TF Serving's REST API
   */
  public HttpRoute route(FrontendContext context) {
    TfsBasicAuth auth = user == null ? null : new TfsBasicAuth(user, password);
    return new TfsHandler(context, auth, paperspaceLegacy ? id -> deployments.getOrDefault(id, id) : null);
  }

  /** Configures a {@link TfServingRestFrontend}; not thread-safe. */
  public static final class Builder extends FrontendBuilder<Builder> {
    private final Map<String, String> deployments = new LinkedHashMap<>();
    private boolean paperspaceLegacy;
    private String user;
    private String password;

    private Builder() {}

    /**
     * Requires {@code Authorization: Basic base64(user:password)} on every request; 401 otherwise.
     *
     * @param user the user name clients must send
     * @param password the password clients must send; never logged
     * @return this builder
     */
    public Builder basicAuth(String user, String password) {
      new TfsBasicAuth(user, password); // validates
      this.user = user;
      this.password = password;
      return this;
    }

    /**
     * Serves the legacy Paperspace paths {@code /model-serving/<deployment-id>[/versions/N]
     * [/metadata|:predict|:classify|:regress]} (plain {@code GET} = status) instead of TF's
     * {@code /v1/...}; a deployment id names the model of the same name unless {@link #deployment}
     * maps it.
     *
     * @return this builder
     */
    public Builder paperspaceLegacy() {
      this.paperspaceLegacy = true;
      return this;
    }

    /**
     * Paperspace mode, with this deployment id serving this model.
     *
     * @param deploymentId the id clients put in the URL
     * @param modelName the model that answers calls to that id
     * @return this builder
     */
    public Builder deployment(String deploymentId, String modelName) {
      deployments.put(Objects.requireNonNull(deploymentId, "deploymentId"), Objects.requireNonNull(modelName, "modelName"));
      return paperspaceLegacy();
    }

    /**
     * Builds the frontend.
     *
     * @return a new frontend, for {@link Emulator.Builder#frontend}
     */
    public TfServingRestFrontend build() {
      return new TfServingRestFrontend(this);
    }
  }
}
