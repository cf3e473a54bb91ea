package io.inferlink.kserve.internal;

/**
 * When tensors travel as raw bytes after the JSON header (binary tensor data extension) rather than
 * as JSON {@code data}, and whether JSON may carry FP16/BF16 as numbers. Immutable and thread-safe.
 *
 * @param mode the rule
 * @param thresholdBytes under {@link Mode#AUTO}, inputs of at least this many bytes go binary
 * @param halfAsJson whether FP16/BF16 inputs may be JSON numbers (the {@code half-as-json} option),
 *     for servers that take them so (MLServer); Triton and KServe refuse them
 */
record V2RestBinaryPolicy(Mode mode, long thresholdBytes, boolean halfAsJson) {
  /** The AUTO threshold unless one is given: 64 KiB. */
  static final long DEFAULT_THRESHOLD = 64 * 1024;

  /** Binary for large inputs and for those JSON cannot carry; binary outputs. */
  static final V2RestBinaryPolicy AUTO = new V2RestBinaryPolicy(Mode.AUTO, DEFAULT_THRESHOLD);
  /** Every input and output binary. */
  static final V2RestBinaryPolicy ALWAYS = new V2RestBinaryPolicy(Mode.ALWAYS, 0);
  /** Pure JSON, for servers without the extension; tensors JSON cannot carry are refused. */
  static final V2RestBinaryPolicy NEVER = new V2RestBinaryPolicy(Mode.NEVER, 0);

  /** The three rules. */
  enum Mode { AUTO, ALWAYS, NEVER }

  V2RestBinaryPolicy {
    if (mode == null) {
      throw new IllegalArgumentException("mode must not be null");
    }
    if (thresholdBytes < 0) {
      throw new IllegalArgumentException("thresholdBytes must be >= 0, got " + thresholdBytes);
    }
  }

  /** A rule under which FP16/BF16 have no JSON form. */
  V2RestBinaryPolicy(Mode mode, long thresholdBytes) {
    this(mode, thresholdBytes, false);
  }

  /** AUTO with another threshold. */
  static V2RestBinaryPolicy auto(long thresholdBytes) {
    return new V2RestBinaryPolicy(Mode.AUTO, thresholdBytes);
  }

  /** This rule, with FP16/BF16 allowed as JSON numbers or not. */
  V2RestBinaryPolicy withHalfAsJson(boolean allowed) {
    return new V2RestBinaryPolicy(mode, thresholdBytes, allowed);
  }

  /**
   * Whether outputs are asked for binary: yes unless NEVER (binary is lossless and the only form for
   * FP16/BF16 on most servers). Asking is safe on servers without the extension: MLServer 1.7.1
   * ignores {@code binary_data_output} and {@code binary_data} and answers JSON.
   */
  boolean binaryOutputs() {
    return mode != Mode.NEVER;
  }
}
