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

  private KServeOptions() {}
}
