package io.inferlink.kserve;

import io.inferlink.ModelRef;
import io.inferlink.transport.http.internal.UrlPaths;
import java.util.Objects;

/**
 * The request paths of KServe's data planes, generated the way KServe's own {@code PredictPath} and
 * {@code ExplainPath} helpers do ({@code /v1/models/<m>:predict}, {@code /v2/models/<m>/infer},
 * {@code /v1/models/<m>:explain}, and no path for the gRPC protocols), plus the V2 paths those helpers
 * lack (versions, readiness, metadata, health, the model repository). Every REST call of this backend
 * builds its path here.
 *
 * <p>Unlike KServe's helpers, names and versions are percent-encoded as one path segment, so a name
 * such as {@code ../admin} or {@code a/b:explain} cannot reach another path; for ordinary names
 * ({@code [A-Za-z0-9._~-]}) the result is identical. Stateless and thread-safe.
 */
public final class KServePaths {

  /** KServe's protocol names ({@code InferenceServiceProtocol}). */
  public enum Protocol {
    /** {@code v1}: the TF-Serving-style REST protocol. */
    V1("v1"),
    /** {@code v2}: the Open Inference Protocol over REST. */
    V2("v2"),
    /** {@code grpc-v1}: TF Serving's gRPC API. */
    GRPC_V1("grpc-v1"),
    /** {@code grpc-v2}: the Open Inference Protocol over gRPC. */
    GRPC_V2("grpc-v2");

    private final String wireName;

    Protocol(String wireName) {
      this.wireName = wireName;
    }

    /**
     * KServe's name for the protocol, e.g. {@code grpc-v2}.
     *
     * @return the name as KServe's resources spell it
     */
    public String wireName() {
      return wireName;
    }

    /**
     * The protocol with KServe's name.
     *
     * @param name a name such as {@code v1} or {@code grpc-v2}
     * @return the protocol, or {@code null} for a name KServe does not define
     */
    public static Protocol fromWireName(String name) {
      for (Protocol p : values()) {
        if (p.wireName.equals(name)) {
          return p;
        }
      }
      return null;
    }
  }

  private KServePaths() {}

  /**
   * The predict path of a model: {@code /v1/models/<m>:predict} for V1, {@code /v2/models/<m>/infer}
   * for V2, and the empty string for the gRPC protocols (gRPC has no path), as KServe's
   * {@code PredictPath} answers.
   *
   * @param model the model name
   * @param protocol the protocol the path is for
   * @return the path, or the empty string for a gRPC protocol
   */
  public static String predictPath(String model, Protocol protocol) {
    Objects.requireNonNull(protocol, "protocol");
    switch (protocol) {
      case V1:
        return v1Model(model) + ":predict";
      case V2:
        return v2Model(ModelRef.of(model)) + "/infer";
      default:
        return "";
    }
  }

  /**
   * The predict path for KServe's protocol name: unknown names (including {@code ""}) give the empty
   * string, as KServe's {@code PredictPath} does.
   *
   * @param model the model name
   * @param protocol KServe's name for the protocol, e.g. {@code v2}
   * @return the path, or the empty string for a gRPC or unknown protocol
   */
  public static String predictPath(String model, String protocol) {
    Protocol p = Protocol.fromWireName(protocol);
    return p == null ? "" : predictPath(model, p);
  }

  /**
   * The explain path, whatever the protocol (as KServe's {@code ExplainPath}).
   *
   * @param model the model name
   * @return {@code /v1/models/<m>:explain}, the name encoded as a path segment
   */
  public static String explainPath(String model) {
    return v1Model(model) + ":explain";
  }

  /**
   * V1 model path: readiness is a GET here (KServe's {@code InferenceServicePrefix}).
   *
   * @param model the model name
   * @return {@code /v1/models/<m>}, the name encoded as a path segment
   */
  public static String v1Model(String model) {
    return "/v1/models/" + UrlPaths.segment(ModelRef.of(model).name());
  }

  /**
   * V1 list of models.
   *
   * @return {@code /v1/models}
   */
  public static String v1Models() {
    return "/v1/models";
  }

  /**
   * V2 model path: metadata is a GET here. Labels do not exist in V2.
   *
   * @param model the model, with or without a version
   * @return {@code /v2/models/<m>[/versions/<v>]}, each part encoded as a path segment
   * @throws io.inferlink.UnsupportedFeatureException when the model names a version label
   */
  public static String v2Model(ModelRef model) {
    if (model.hasLabel()) {
      throw new io.inferlink.UnsupportedFeatureException(
          "the Open Inference Protocol has no version labels (model " + model + ")");
    }
    String path = "/v2/models/" + UrlPaths.segment(model.name());
    return model.hasVersion() ? path + "/versions/" + UrlPaths.segment(model.version()) : path;
  }

  /**
   * V2 infer path.
   *
   * @param model the model, with or without a version
   * @return {@code /v2/models/<m>[/versions/<v>]/infer}
   */
  public static String v2Infer(ModelRef model) {
    return v2Model(model) + "/infer";
  }

  /**
   * V2 model readiness path.
   *
   * @param model the model, with or without a version
   * @return {@code /v2/models/<m>[/versions/<v>]/ready}
   */
  public static String v2Ready(ModelRef model) {
    return v2Model(model) + "/ready";
  }

  /**
   * V2 server liveness path.
   *
   * @return {@code /v2/health/live}
   */
  public static String v2Live() {
    return "/v2/health/live";
  }

  /**
   * V2 server readiness path.
   *
   * @return {@code /v2/health/ready}
   */
  public static String v2ServerReady() {
    return "/v2/health/ready";
  }

  /**
   * V2 server metadata path.
   *
   * @return {@code /v2}
   */
  public static String v2ServerMetadata() {
    return "/v2";
  }

  /**
   * V2 list of models: KServe's Python server answers a GET here with the names it holds.
   *
   * @return {@code /v2/models}
   */
  public static String v2Models() {
    return "/v2/models";
  }

  /**
   * The model repository index (a POST; Triton's extension).
   *
   * @return {@code /v2/repository/index}
   */
  public static String v2RepositoryIndex() {
    return "/v2/repository/index";
  }

  /**
   * Load (or reload) a model (a POST; Triton and KServe alike).
   *
   * @param model the model name
   * @return {@code /v2/repository/models/<m>/load}
   */
  public static String v2RepositoryLoad(String model) {
    return v2RepositoryModel(model) + "/load";
  }

  /**
   * Unload a model (a POST; Triton and KServe alike).
   *
   * @param model the model name
   * @return {@code /v2/repository/models/<m>/unload}
   */
  public static String v2RepositoryUnload(String model) {
    return v2RepositoryModel(model) + "/unload";
  }

  private static String v2RepositoryModel(String model) {
    return "/v2/repository/models/" + UrlPaths.segment(ModelRef.of(model).name());
  }
}
