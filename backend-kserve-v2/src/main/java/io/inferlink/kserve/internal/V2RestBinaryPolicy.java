package io.inferlink.kserve.internal;

/**
 * When tensors travel as raw bytes after the JSON header (binary tensor data extension) rather than
 * as JSON {@code data}. Immutable and thread-safe.
 *
 * @param mode the rule
 * @param thresholdBytes under {@link Mode#AUTO}, inputs of at least this many bytes go binary
 */
record V2RestBinaryPolicy(Mode mode, long thresholdBytes) {
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

  /** AUTO with another threshold. */
  static V2RestBinaryPolicy auto(long thresholdBytes) {
    return new V2RestBinaryPolicy(Mode.AUTO, thresholdBytes);
  }

  /** Whether outputs are asked for binary: yes unless NEVER (binary is lossless and the only form for FP16/BF16). */
  boolean binaryOutputs() {
    return mode != Mode.NEVER;
  }
}
