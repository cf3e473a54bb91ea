/** The KServe V1 REST, Open Inference Protocol REST (binary extension) and gRPC providers. */
module io.inferlink.backend.kserve.v2 {
  requires transitive io.inferlink.core;
  requires io.inferlink.protos;
  requires io.inferlink.transport.grpc;
  requires io.inferlink.transport.http;
  requires io.inferlink.codec.json;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires com.google.protobuf;
  requires io.grpc;
  requires io.grpc.protobuf;

  exports io.inferlink.kserve;

  provides io.inferlink.spi.InferenceClientProvider with
      io.inferlink.kserve.internal.V2GrpcProvider,
      io.inferlink.kserve.internal.V2RestProvider,
      io.inferlink.kserve.internal.V1RestProvider;
}
