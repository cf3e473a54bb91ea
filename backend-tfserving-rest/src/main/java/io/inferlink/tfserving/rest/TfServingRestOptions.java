package io.inferlink.tfserving.rest;

import io.inferlink.ProtocolOption;

/**
 * Options of the TF Serving REST and Paperspace providers, set with
 * {@code ClientOptions.builder().option(KEY, value)} or as text in the endpoint's query
 * ({@code tfserving+http://host:8501?request-format=row}). Constants only; thread-safe.
 */
public final class TfServingRestOptions {
  /** How predict requests carry their inputs. */
  public enum RequestFormat {
    /** {@code "inputs"}: named tensors, no shared batch dimension (the default; allows scalars). */
    COLUMNAR,
    /** {@code "instances"}: one entry per row of a shared first dimension; answered as {@code "predictions"}. */
    ROW
  }

  /** Which protocol the container behind a {@code paperspace+https} deployment speaks. */
  public enum PaperspaceProtocol {
    /** TF Serving REST (the default). */
    TFSERVING,
    /** The Open Inference Protocol over REST, through the {@code backend-kserve-v2} module. */
    KSERVE_V2
  }

  /** {@code request-format}: columnar ({@code inputs}, default) or row ({@code instances}). */
  public static final ProtocolOption<RequestFormat> REQUEST_FORMAT =
      ProtocolOption.ofEnum("request-format", RequestFormat.class, RequestFormat.COLUMNAR);

  /**
   * {@code convert-to-fp32}: TF Serving's JSON cannot carry FP16, BF16 or UINT16, so such inputs are
   * refused with {@code UnsupportedFeatureException}; when true they are sent as FP32 numbers instead
   * (exact: every value of those types is a float), for models whose signature takes {@code DT_FLOAT}.
   */
  public static final ProtocolOption<Boolean> CONVERT_TO_FP32 = ProtocolOption.ofBoolean("convert-to-fp32", false);

  /**
   * {@code use-metadata}: JSON loses element types, so by default the client reads the model's
   * signature (once per model, version and signature; cached) to type the outputs. When false, or
   * when the server has no metadata, types are inferred from the JSON (see the README).
   */
  public static final ProtocolOption<Boolean> USE_METADATA = ProtocolOption.ofBoolean("use-metadata", true);

  /** {@code protocol}: what a {@code paperspace+https} deployment's container speaks; TF Serving by default. */
  public static final ProtocolOption<PaperspaceProtocol> PAPERSPACE_PROTOCOL =
      ProtocolOption.ofEnum("protocol", PaperspaceProtocol.class, PaperspaceProtocol.TFSERVING);

  /**
   * {@code paperspace-secret}: the secret of a protected Paperspace deployment, sent as HTTP Basic
   * {@code paperspace:<secret>}. Also read from {@code INFERLINK_PAPERSPACE_SECRET}. Never logged.
   */
  public static final ProtocolOption<String> PAPERSPACE_SECRET = ProtocolOption.ofString("paperspace-secret", null);

  /**
   * {@code service-root}: where legacy {@code paperspace://<id>} deployments live;
   * {@code https://services.paperspace.io/model-serving} by default (tests point it at a local server).
   */
  public static final ProtocolOption<String> SERVICE_ROOT =
      ProtocolOption.ofString("service-root", "https://services.paperspace.io/model-serving");

  private TfServingRestOptions() {}
}
