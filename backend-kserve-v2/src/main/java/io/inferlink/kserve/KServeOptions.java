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
    /** Plain JSON only (servers without the extension); FP16/BF16 are then refused. */
    NEVER
  }

  /** {@code binary}: auto (default), always or never — the REST binary tensor data extension. */
  public static final ProtocolOption<Binary> BINARY = ProtocolOption.ofEnum("binary", Binary.class, Binary.AUTO);

  /** {@code binary-threshold}: in {@code auto}, the tensor size in bytes from which binary is used (65536). */
  public static final ProtocolOption<Long> BINARY_THRESHOLD = ProtocolOption.ofLong("binary-threshold", 64 * 1024);

  private KServeOptions() {}
}
