package io.inferlink.kserve;

import io.inferlink.ProtocolOption;

/**
 * Options of the KServe providers, set with {@code ClientOptions.builder().option(KEY, value)} or as
 * text in the endpoint's query ({@code kserve-v2+grpc://host:8081?contents=typed}). Constants only;
 * thread-safe.
 */
public final class KServeOptions {
  /** How gRPC inference requests carry tensor values. */
  public enum Contents {
    /** {@code raw_input_contents}, straight from the tensor buffers (the default; every type). */
    RAW,
    /** Typed {@code InferTensorContents} fields (what many tutorials use; FP16/BF16 still go raw). */
    TYPED
  }

  /** {@code contents}: raw (default) or typed tensor contents on gRPC. */
  public static final ProtocolOption<Contents> CONTENTS = ProtocolOption.ofEnum("contents", Contents.class, Contents.RAW);

  /** When REST inference uses the binary tensor data extension. */
  public enum Binary {
    /** Binary for FP16/BF16, NaN/Infinity, non-UTF-8 BYTES and tensors of 64 KiB or more; JSON otherwise (default). */
    AUTO,
    /** Every tensor binary, both ways. */
    ALWAYS,
    /** Plain JSON only (servers without the extension); FP16/BF16 are then refused unless {@link #HALF_AS_JSON}. */
    NEVER
  }

  /** {@code binary}: auto (default), always or never — the REST binary tensor data extension. */
  public static final ProtocolOption<Binary> BINARY = ProtocolOption.ofEnum("binary", Binary.class, Binary.AUTO);

  /** {@code binary-threshold}: in {@code auto}, the tensor size in bytes from which binary is used (65536). */
  public static final ProtocolOption<Long> BINARY_THRESHOLD = ProtocolOption.ofLong("binary-threshold", 64 * 1024);

  /**
   * {@code half-as-json}: false (default) or true — whether REST sends FP16/BF16 inputs that are not
   * sent binary as JSON numbers (each the exact value of its 16 bits; NaN and infinities still refused).
   * For servers that take them so, such as MLServer with {@code binary=never}; Triton and KServe
   * refuse FP16 JSON data ({@code Sending FP16 data via JSON is not supported}), which is why it is off.
   * FP16/BF16 JSON {@code data} in answers is read whatever this says.
   */
  public static final ProtocolOption<Boolean> HALF_AS_JSON = ProtocolOption.ofBoolean("half-as-json", false);

  /**
   * Which wire form {@link ModelRepository} speaks. The two share URLs and gRPC method names but not
   * their messages, so the client cannot find out by itself: a Triton request read by KServe's
   * server loads the wrong name, and Triton's empty answer read as KServe's says "not loaded".
   */
  public enum Repository {
    /**
     * Triton's model repository extension (the default): REST {@code POST /v2/repository/index} and
     * {@code .../load|unload} with empty answers; gRPC RepositoryIndex and RepositoryModelLoad/Unload
     * with {@code repository_name = 1, model_name = 2, parameters = 3}.
     */
    TRITON,
    /**
     * KServe's Python model server: REST {@code GET /v2/models} lists names and {@code .../load|unload}
     * answer {@code {"name": n, "load": true}}; gRPC RepositoryModelLoad/Unload carry
     * {@code model_name = 1} and answer {@code isLoaded}/{@code isUnloaded}. There is no gRPC index.
     */
    KSERVE
  }

  /**
   * {@code repository}: {@code triton} (default) or {@code kserve}, the model repository's wire form.
   *
   * <p>Triton is the default because the extension is Triton's (its
   * {@code docs/protocol/extension_model_repository.md} defines it), MLServer models its API on it and
   * calls itself fully compatible (MLServer 1.7 answers Triton's form over REST and over gRPC on
   * {@code inference.GRPCInferenceService}; older MLServer releases served the gRPC calls only under
   * their own {@code inference.model_repository.ModelRepositoryService}, which this client does not
   * call), and KServe's own Python class for the extension cites that document. KServe's Python server
   * is the one that differs on the wire. OVMS's KServe API has no repository calls at all (its models
   * follow its configuration file), so neither form reaches it. Over REST only the index differs:
   * load and unload share their paths and work with either value.
   */
  public static final ProtocolOption<Repository> REPOSITORY =
      ProtocolOption.ofEnum("repository", Repository.class, Repository.TRITON);

  /** The element type KServe V1 answers get for JSON numbers with a fraction or exponent. */
  public enum V1Float {
    /** FP32 (the default): what numpy's float32 models send, and what most V1 models are. */
    FP32,
    /** FP64: for models whose answers need double precision; then FP64 inputs are sent instead of FP32. */
    FP64
  }

  /**
   * {@code v1-float}: fp32 (default) or fp64 — KServe V1 JSON has no element types, so this picks the
   * floating-point type of answers, and the one floating-point type a V1 client sends.
   */
  public static final ProtocolOption<V1Float> V1_FLOAT = ProtocolOption.ofEnum("v1-float", V1Float.class, V1Float.FP32);

  private KServeOptions() {}
}
