package io.inferlink.kserve.internal;

/**
 * How {@link V2GrpcRequestEncoder} carries input data; the protocol forbids mixing the two in one
 * request. Immutable and thread-safe.
 */
public enum V2GrpcContentMode {
  /**
   * Every input in {@code raw_input_contents}, copied once straight from the tensor buffer. The
   * default: compact, exact for every type, and the only form FP16 and BF16 have.
   */
  RAW,
  /**
   * Every input in the {@code InferTensorContents} field of its type, for servers that do not accept
   * raw contents. A request with an FP16 or BF16 input has no typed form and is sent RAW as a whole.
   */
  TYPED
}
