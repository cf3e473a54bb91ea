package io.inferlink;

/**
 * Why a call failed, in the vocabulary of gRPC's canonical status codes, which every protocol's
 * statuses map onto. Immutable and thread-safe.
 *
 * <p>The numbers are the gRPC wire values and are stated explicitly; {@code ordinal()} is never used.
 */
public enum ErrorCode {
  OK(0),
  CANCELLED(1),
  UNKNOWN(2),
  INVALID_ARGUMENT(3),
  DEADLINE_EXCEEDED(4),
  NOT_FOUND(5),
  ALREADY_EXISTS(6),
  PERMISSION_DENIED(7),
  RESOURCE_EXHAUSTED(8),
  FAILED_PRECONDITION(9),
  ABORTED(10),
  OUT_OF_RANGE(11),
  UNIMPLEMENTED(12),
  INTERNAL(13),
  UNAVAILABLE(14),
  DATA_LOSS(15),
  UNAUTHENTICATED(16);

  private final int grpcCode;

  ErrorCode(int grpcCode) {
    this.grpcCode = grpcCode;
  }

  /**
   * The gRPC status number of this code.
   *
   * @return the number gRPC sends for this code, 0 to 16
   */
  public int grpcCode() {
    return grpcCode;
  }

  /**
   * True when trying the same call again later may succeed: the server was unavailable, overloaded,
   * aborted the call, or ran out of time.
   *
   * @return whether calling again later may succeed
   */
  public boolean isRetryable() {
    return this == UNAVAILABLE || this == RESOURCE_EXHAUSTED || this == ABORTED
        || this == DEADLINE_EXCEEDED;
  }

  /**
   * The code with the given gRPC number, or {@link #UNKNOWN} for a number gRPC does not define.
   *
   * @param code a gRPC status number as received
   * @return the matching code; never null
   */
  public static ErrorCode fromGrpcCode(int code) {
    for (ErrorCode c : values()) {
      if (c.grpcCode == code) {
        return c;
      }
    }
    return UNKNOWN;
  }
}
