/**
 * The classes generated from our {@code .proto} files: internal, exported only to the modules that speak
 * those wire formats, and open to protobuf, whose descriptors reach the generated accessors reflectively.
 */
module io.inferlink.protos {
  requires transitive com.google.protobuf;
  requires transitive io.grpc;
  requires io.grpc.protobuf;
  requires io.grpc.stub;
  requires com.google.common; // the future stubs return ListenableFuture

  exports io.inferlink.protos.internal.inference to
      io.inferlink.backend.kserve.v2, io.inferlink.emulator;
  exports io.inferlink.protos.internal.tensorflow to
      io.inferlink.backend.tfserving.grpc, io.inferlink.emulator;
  exports io.inferlink.protos.internal.tensorflow.error to
      io.inferlink.backend.tfserving.grpc, io.inferlink.emulator;
  exports io.inferlink.protos.internal.tensorflow.serving to
      io.inferlink.backend.tfserving.grpc, io.inferlink.emulator;

  opens io.inferlink.protos.internal.inference to com.google.protobuf;
  opens io.inferlink.protos.internal.tensorflow to com.google.protobuf;
  opens io.inferlink.protos.internal.tensorflow.error to com.google.protobuf;
  opens io.inferlink.protos.internal.tensorflow.serving to com.google.protobuf;
}
