package io.inferlink.tfserving.grpc.internal;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.spi.support.Errors;

/**
 * TF Serving's gRPC failures, where core's status table alone reads one wrong: an unknown version
 * label comes back as INVALID_ARGUMENT {@code Unrecognized servable version label: L}, which means
 * "no such model version" and becomes {@link io.inferlink.ModelNotFoundException}, as it does over
 * REST (a 400 there) and as a missing version number does. Stateless and thread-safe.
 */
final class TfGrpcErrors {
  private static final String UNKNOWN_LABEL = "Unrecognized servable version label";
  private static final int INVALID_ARGUMENT = ErrorCode.INVALID_ARGUMENT.grpcCode();

  private TfGrpcErrors() {}

  /** The exception a TF Serving client throws for one the shared table chose. */
  static InferenceException map(InferenceException e) {
    if (e.grpcStatus() != INVALID_ARGUMENT || e.serverMessage() == null || !e.serverMessage().startsWith(UNKNOWN_LABEL)) {
      return e;
    }
    return Errors.create(new InferenceException.Details(ErrorCode.NOT_FOUND)
        .message("server answered gRPC status INVALID_ARGUMENT: the model has no such version label")
        .grpcStatus(e.grpcStatus()).provider(e.provider()).serverMessage(e.serverMessage()).cause(e.getCause()));
  }
}
