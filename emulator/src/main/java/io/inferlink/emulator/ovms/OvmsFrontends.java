package io.inferlink.emulator.ovms;

import io.inferlink.ServerMetadata;
import io.inferlink.emulator.FrontendContext;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ProtocolFrontend;
import java.util.List;
import java.util.Objects;

/**
 * The emulator's OpenVINO Model Server mode (PROTOCOLS.md §4): one OVMS with a REST port and a gRPC
 * port that share its metrics and configuration state, built on the emulator's TF Serving and Open
 * Inference Protocol frontends with OVMS's own rules in front of them. Both APIs on both ports up to
 * {@link OvmsRelease#V2026_2}, the KServe API only from {@link OvmsRelease#V2026_3}. What it plays:
 *
 * <ul>
 *   <li>resolution: version {@code 0} is the latest version; labels are ignored (a labelled request
 *       reaches the latest version); a version whose model is not ready is "not loaded yet": 404 over
 *       REST, UNAVAILABLE over gRPC, and KServe's ModelReady answers the same way;</li>
 *   <li>OVMS's messages ({@code Model with requested name is not found}, ...) and status table,
 *       model failures included: FAILED_PRECONDITION is 412, ABORTED is 204 with no body;</li>
 *   <li>TF Serving API: metadata in lowerCamelCase with an {@code @type}; gRPC inputs only in
 *       {@code tensor_content} (FP16 in {@code half_val}, UINT16 in {@code int_val}, strings in
 *       {@code string_val}, one per element), other encodings INVALID_ARGUMENT; gRPC outputs in
 *       {@code tensor_content}, BOOL, UINT32 and UINT64 outputs INTERNAL; classify, regress and
 *       multi-inference unimplemented (404 over REST);</li>
 *   <li>KServe API: no BF16; FP16 only raw or binary; binary answers labelled
 *       {@code application/json}; health with empty 200s; server name
 *       {@value #SERVER_NAME}, platform {@value #PLATFORM};</li>
 *   <li>{@link OvmsImageModel}s read pictures as OVMS does: {@code b64} over TF Serving REST,
 *       binary data over KServe REST;</li>
 *   <li>{@code GET /v1/config}, {@code POST /v1/config/reload} (201 after {@link #markConfigChanged},
 *       200 otherwise) and Prometheus text on {@code /metrics}.</li>
 * </ul>
 *
 * <pre>
 * OvmsFrontends ovms = OvmsFrontends.of(OvmsRelease.V2026_2);
 * Emulator emulator = Emulator.builder().frontend(ovms.rest()).frontend(ovms.grpc()).build().start();
 * String rest = emulator.endpoint("ovms+http"), grpc = emulator.endpoint("ovms+grpc");
 * </pre>
 *
 * Thread-safe.
 */
public final class OvmsFrontends {
  /** The name server metadata reports. */
  public static final String SERVER_NAME = "OpenVINO Model Server";
  /** The platform model metadata reports. */
  public static final String PLATFORM = "OpenVINO";
  /** The protocol name of the REST port. */
  public static final String REST_PROTOCOL = "ovms-rest";
  /** The protocol name of the gRPC port. */
  public static final String GRPC_PROTOCOL = "ovms-grpc";

  private final OvmsRelease release;
  private final OvmsMetrics metrics = new OvmsMetrics();
  private final OvmsConfig config = new OvmsConfig();

  private OvmsFrontends(OvmsRelease release) {
    this.release = Objects.requireNonNull(release, "release");
  }

  /**
   * One emulated OVMS of this release.
   *
   * @param release the OVMS release whose answers to play
   * @return a new emulated server: its REST and gRPC frontends share one configuration and one set of metrics
   */
  public static OvmsFrontends of(OvmsRelease release) {
    return new OvmsFrontends(release);
  }

  /**
   * The release played.
   *
   * @return the release this emulated server plays
   */
  public OvmsRelease release() {
    return release;
  }

  /**
   * The REST port's frontend, scheme {@code ovms+http}.
   *
   * @return the REST frontend, for {@link io.inferlink.emulator.Emulator.Builder#frontend}
   */
  public ProtocolFrontend rest() {
    return new OvmsRestFrontend(this);
  }

  /**
   * The gRPC port's frontend, scheme {@code ovms+grpc}.
   *
   * @return the gRPC frontend, for {@link io.inferlink.emulator.Emulator.Builder#frontend}
   */
  public ProtocolFrontend grpc() {
    return new OvmsGrpcFrontend(this);
  }

  /** Says the configuration file changed: the next reload answers 201 instead of 200. */
  public void markConfigChanged() {
    config.markChanged();
  }

  /**
   * Makes the next reload fail with HTTP 500 and this message, as OVMS does for a broken configuration file.
   *
   * @param message the error text the failed reload answers with
   */
  public void failNextReload(String message) {
    config.failNextReload(Objects.requireNonNull(message, "message"));
  }

  /**
   * What OVMS reports about itself.
   *
   * @return the server name and version the emulated OVMS reports
   */
  public ServerMetadata serverMetadata() {
    return new ServerMetadata(SERVER_NAME, release.version(), List.of());
  }

  /**
   * What the TF Serving and Open Inference Protocol frontends beneath OVMS's rules see: this script,
   * and OVMS's own server metadata.
   */
  FrontendContext beneath(FrontendContext context, ModelScript script) {
    return new FrontendContext(script, context.recorder(), serverMetadata(), context.maxLifetime(), context.overload());
  }

  OvmsMetrics metrics() {
    return metrics;
  }

  OvmsConfig config() {
    return config;
  }
}
