package io.inferlink.tfserving.grpc.internal;

/**
 * A TensorProto from the server that no valid tensor matches; {@link TensorProtoCodec#decode} turns
 * it into a {@link io.inferlink.ServerException} at its edge, where the provider name is known.
 */
final class MalformedTensorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MalformedTensorException(String message) {
    super(message);
  }
}
