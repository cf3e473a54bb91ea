package io.inferlink;

/**
 * An optional feature a client may or may not have, depending on its protocol and server. A client
 * without a capability refuses the matching request with {@link UnsupportedFeatureException} before
 * anything is sent; the compatibility kit checks both sides. Immutable and thread-safe.
 */
public enum Capability {
  /** {@link InferenceClient#serverLive()} answers. */
  SERVER_LIVE,
  /** {@link InferenceClient#serverReady()} answers. */
  SERVER_READY,
  /** {@link InferenceClient#serverMetadata()} answers. */
  SERVER_METADATA,
  /** {@link InferenceClient#modelReady(ModelRef)} answers. */
  MODEL_READY,
  /** {@link InferenceClient#modelMetadata(ModelRef)} answers. */
  MODEL_METADATA,
  /** A {@link ModelRef} may name a version. */
  MODEL_VERSIONS,
  /** A {@link ModelRef} may name a version label. */
  VERSION_LABELS,
  /** A request may ask for a subset of the outputs. */
  REQUESTED_OUTPUTS,
  /**
   * A request's id travels to the server and comes back in the response. Without it the id is
   * tracing metadata the protocol has no room for: not sent, and the response's id is null.
   */
  REQUEST_ID,
  /** A request may carry parameters; without it a request with parameters is refused. */
  REQUEST_PARAMETERS,
  /** A request may name a signature (TF Serving); without it a request naming one is refused. */
  SIGNATURE_NAME,
  /** Tensors of rank 0 travel as such. */
  SCALAR_TENSORS,
  /** Tensors with a zero dimension travel as such. */
  ZERO_SIZE_TENSORS,
  /**
   * The server's model repository can be listed and models loaded and unloaded, through a
   * protocol-specific extension reached with {@link InferenceClient#unwrap(Class)} (for the Open
   * Inference Protocol: {@code io.inferlink.kserve.ModelRepository}).
   */
  MODEL_REPOSITORY,
  /**
   * Outputs carry the model's tensor names. Without it a protocol may name outputs after itself
   * (KServe V1 answers a single-output model with bare {@code predictions}); such an answer holds one
   * output, which callers take by position.
   */
  OUTPUT_NAMES
}
