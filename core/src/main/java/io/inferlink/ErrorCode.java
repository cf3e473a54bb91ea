package io.inferlink;

/**
 * Why a call failed, in the vocabulary of gRPC's canonical status codes, which every protocol's
 * statuses map onto. Immutable and thread-safe.
 *
 * <p>The numbers are the gRPC wire values and are stated explicitly; {@code ordinal()} is never used.
 */
public enum ErrorCode {
  /** Not a failure; listed so that every gRPC number has a code. */
  OK(0),
  /** The call was cancelled, usually by the caller. */
  CANCELLED(1),
  /** The failure fits no other code, or the server gave a status we do not know. */
  UNKNOWN(2),
  /** The request itself is wrong (shape, type, parameters); sending it again will not help. */
  INVALID_ARGUMENT(3),
  /** The call ran out of time before an answer came. */
  DEADLINE_EXCEEDED(4),
  /** The model, version or other named thing does not exist on the server. */
  NOT_FOUND(5),
  /** What the call tried to create exists already. */
  ALREADY_EXISTS(6),
  /** The caller is known but not allowed to do this. */
  PERMISSION_DENIED(7),
  /** A quota, rate limit or size limit was hit, on the server or in the client. */
  RESOURCE_EXHAUSTED(8),
  /** The system is not in a state that allows the call, e.g. a model not loaded or a client misconfigured. */
  FAILED_PRECONDITION(9),
  /** The server gave up on the call, e.g. over a conflict; a later try may succeed. */
  ABORTED(10),
  /** A value lies outside the range the server accepts. */
  OUT_OF_RANGE(11),
  /** The server or the provider does not support the operation or feature. */
  UNIMPLEMENTED(12),
  /** The server failed in a way that is its own fault. */
  INTERNAL(13),
  /** The server could not be reached or is not serving right now. */
  UNAVAILABLE(14),
  /** Data was lost or corrupted beyond recovery. */
  DATA_LOSS(15),
  /** Credentials were missing or refused. */
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
