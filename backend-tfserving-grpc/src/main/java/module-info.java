/** The TF Serving gRPC provider ({@code PredictionService}, {@code ModelService}). */
module io.inferlink.backend.tfserving.grpc {
  requires transitive io.inferlink.tfserving.common;
  requires io.inferlink.protos;
  requires io.inferlink.transport.grpc;
  requires com.google.protobuf;
  requires io.grpc;

  exports io.inferlink.tfserving.grpc;

  provides io.inferlink.spi.InferenceClientProvider with
      io.inferlink.tfserving.grpc.internal.TfGrpcProvider;
}
