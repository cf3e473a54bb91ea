/** The one gRPC plumbing of the gRPC backends (grpc-java, Netty shaded): internal, exported only to them. */
module io.inferlink.transport.grpc {
  requires transitive io.inferlink.core;
  requires com.google.common;
  requires com.google.protobuf;
  requires io.grpc;
  requires io.grpc.netty.shaded; // the channel transport grpc-java finds at run time
  requires io.grpc.stub;

  exports io.inferlink.transport.grpc.internal to
      io.inferlink.backend.tfserving.grpc, io.inferlink.backend.kserve.v2;
}
