package io.inferlink.protos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.inferlink.protos.internal.selftest.EchoReply;
import io.inferlink.protos.internal.selftest.EchoRequest;
import io.inferlink.protos.internal.selftest.EchoServiceGrpc;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Checks that protoc and protoc-gen-grpc-java ran in the build and produced working, relocated code. */
class CodeGenerationTest {

  @Test
  void messagesKeepTheProtoPackageButLiveInTheRelocatedJavaPackage() {
    assertEquals("inferlink.selftest.EchoRequest", EchoRequest.getDescriptor().getFullName());
    assertEquals("io.inferlink.protos.internal.selftest", EchoRequest.class.getPackageName());
  }

  @Test
  void messagesUseTheFieldNumbersOfTheProtoFile() throws Exception {
    EchoRequest request = EchoRequest.newBuilder().setText("hi").addDims(2).build();
    // field 1 (text) is length-delimited: tag 0x0A; field 3 (dims, packed) is tag 0x1A.
    assertArrayEquals(new byte[] {0x0A, 2, 'h', 'i', 0x1A, 1, 2}, request.toByteArray());
    assertEquals(request, EchoRequest.parseFrom(request.toByteArray()));
  }

  @Test
  void generatedStubsCallAGeneratedService() throws Exception {
    String name = InProcessServerBuilder.generateName();
    Server server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(new EchoServiceGrpc.EchoServiceImplBase() {
          @Override
          public void echo(EchoRequest req, StreamObserver<EchoReply> out) {
            out.onNext(EchoReply.newBuilder().setText(req.getText().toUpperCase())
                .setPayload(req.getPayload()).addAllDims(req.getDimsList()).build());
            out.onCompleted();
          }
        }).build().start();
    ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    try {
      EchoReply reply = EchoServiceGrpc.newBlockingStub(channel).echo(EchoRequest.newBuilder()
          .setText("abc").setPayload(ByteString.copyFrom(new byte[] {0, 1, 2})).addDims(3).build());
      assertEquals("ABC", reply.getText());
      assertEquals(ByteString.copyFrom(new byte[] {0, 1, 2}), reply.getPayload());
      assertEquals(List.of(3L), reply.getDimsList());
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
