package io.inferlink.spi.support;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;

/**
 * The one mapping from a gRPC status to an exception, shared by every gRPC backend. Core cannot see
 * grpc-java's {@code Status}, so backends pass its number and description. Stateless and thread-safe.
 */
public final class GrpcStatusTable {
  private GrpcStatusTable() {}

  /**
   * The error code for a gRPC status number; unknown numbers give {@link ErrorCode#UNKNOWN}.
   *
   * @param grpcCode the gRPC status number
   * @return the matching error code; never null
   */
  public static ErrorCode toErrorCode(int grpcCode) {
    return ErrorCode.fromGrpcCode(grpcCode);
  }

  /**
   * Builds the exception for a failed RPC.
   *
   * @param grpcCode the status number
   * @param description the status description the server sent, redacted here; may be null
   * @param provider the provider name for the message
   * @param cause the transport's exception, kept as cause
   * @return the exception, of the subclass its code maps to; returned, not thrown
   */
  public static InferenceException toException(
      int grpcCode, String description, String provider, Throwable cause) {
    return toException(grpcCode, description, provider, cause, null);
  }

  /**
   * As {@link #toException(int, String, String, Throwable)}, for a transport that knows how far the
   * request got: grpc-java reports UNAVAILABLE both for a connection never made and for one that
   * broke after sending. A null {@code delivery} means {@link InferenceException.Delivery#ANSWERED}.
   *
   * @param grpcCode the status number
   * @param description the status description the server sent, redacted here; may be null
   * @param provider the provider name for the message
   * @param cause the transport's exception, kept as cause; may be null
   * @param delivery how far the request got, or null for an answered call
   * @return the exception, of the subclass its code maps to; returned, not thrown
   */
  public static InferenceException toException(
      int grpcCode, String description, String provider, Throwable cause, InferenceException.Delivery delivery) {
    return toException(grpcCode, description, provider, cause, delivery, null);
  }

  /**
   * As {@link #toException(int, String, String, Throwable, InferenceException.Delivery)}, carrying what the
   * status's {@code grpc-retry-pushback-ms} trailer said ({@link RetryAfter#fromGrpcPushback}; {@code null} when
   * there was none): a wait, or a refusal that makes the exception not retryable.
   *
   * @param grpcCode the status number
   * @param description the status description the server sent, redacted here; may be null
   * @param provider the provider name for the message
   * @param cause the transport's exception, kept as cause; may be null
   * @param delivery how far the request got, or null for an answered call
   * @param pushback what the pushback trailer said, or null
   * @return the exception, of the subclass its code maps to; returned, not thrown
   */
  public static InferenceException toException(int grpcCode, String description, String provider, Throwable cause,
      InferenceException.Delivery delivery, RetryAfter pushback) {
    ErrorCode code = toErrorCode(grpcCode);
    if (code == ErrorCode.OK) {
      code = ErrorCode.UNKNOWN;
    }
    InferenceException.Details d = new InferenceException.Details(code)
        .message("server answered gRPC status " + toErrorCode(grpcCode))
        .grpcStatus(grpcCode)
        .provider(provider)
        .serverMessage(Redaction.redactText(description))
        .cause(cause)
        .delivery(delivery);
    return Errors.create(pushback == null ? d : pushback.applyTo(d));
  }
}
