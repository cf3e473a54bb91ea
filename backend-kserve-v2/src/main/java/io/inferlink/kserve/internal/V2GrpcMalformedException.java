package io.inferlink.kserve.internal;

/**
 * A ModelInferResponse that no valid response matches (raw contents that do not fit the outputs,
 * typed contents that do not fit the shape, broken BYTES framing); the client maps it to a
 * {@link io.inferlink.ServerException}, where the provider name is known. Immutable and thread-safe.
 */
public final class V2GrpcMalformedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the offending output and field. */
  public V2GrpcMalformedException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the check that failed underneath. */
  public V2GrpcMalformedException(String message, Throwable cause) {
    super(message, cause);
  }
}
