package io.inferlink.emulator.oip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Message;
import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.KitContract;
import io.inferlink.protos.internal.inference.GRPCInferenceServiceGrpc;
import io.inferlink.protos.internal.inference.ModelMetadataRequest;
import io.inferlink.protos.internal.inference.ModelReadyRequest;
import io.inferlink.protos.internal.inference.RepositoryModelLoadRequest;
import io.inferlink.protos.internal.inference.RepositoryModelUnloadRequest;
import io.inferlink.protos.internal.inference.ServerMetadataRequest;
import io.inferlink.protos.internal.inference.TritonRepositoryIndexRequest;
import io.inferlink.protos.internal.inference.TritonRepositoryIndexResponse.ModelIndex;
import io.inferlink.protos.internal.inference.TritonRepositoryIndexResponse;
import io.inferlink.protos.internal.inference.TritonRepositoryModelLoadRequest;
import io.inferlink.protos.internal.inference.TritonRepositoryModelLoadResponse;
import io.inferlink.protos.internal.inference.TritonRepositoryModelUnloadRequest;
import io.inferlink.protos.internal.inference.TritonRepositoryModelUnloadResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The gRPC repository calls of both forms with plain grpc-java: KServe's through the generated stub,
 * Triton's (same full method names, other messages, plus RepositoryIndex) through descriptors made
 * here, as a Triton client's generated code would name them.
 */
class OipGrpcRepositoryTest {
  private static final String SERVICE = "inference.GRPCInferenceService";

  private static <Q extends Message, R extends Message> R call(ManagedChannel channel, String method, Q request,
      R responseType) {
    MethodDescriptor<Q, R> d = MethodDescriptor.<Q, R>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(SERVICE + "/" + method)
        .setRequestMarshaller(ProtoUtils.marshaller(request)).setResponseMarshaller(ProtoUtils.marshaller(responseType))
        .build();
    return ClientCalls.blockingUnaryCall(channel, d, CallOptions.DEFAULT.withDeadlineAfter(20, TimeUnit.SECONDS), request);
  }

  private static Emulator start(OipModelRepository repository) {
    return Emulator.builder().maxLifetime(Duration.ofMinutes(5))
        .frontend(OipGrpcFrontend.builder().repository(repository).build()).build().start();
  }

  private static ManagedChannel channel(Emulator emulator) {
    return Grpc.newChannelBuilderForAddress("127.0.0.1", emulator.port(OipGrpcFrontend.PROTOCOL),
        InsecureChannelCredentials.create()).build();
  }

  @Test
  void tritonIndexLoadAndUnload() throws Exception {
    OipModelRepository repository = OipModelRepository.triton();
    try (Emulator emulator = start(repository)) {
      ManagedChannel channel = channel(emulator);
      try {
        TritonRepositoryIndexResponse index = call(channel, "RepositoryIndex",
            TritonRepositoryIndexRequest.getDefaultInstance(), TritonRepositoryIndexResponse.getDefaultInstance());
        assertTrue(index.getModelsList().contains(
            ModelIndex.newBuilder().setName(KitContract.ADD_ONE).setVersion("1").setState("READY").build()));

        call(channel, "RepositoryModelUnload", TritonRepositoryModelUnloadRequest.newBuilder()
            .setModelName(KitContract.ADD_ONE).build(), TritonRepositoryModelUnloadResponse.getDefaultInstance());
        assertFalse(repository.isLoaded(KitContract.ADD_ONE));
        var stub = GRPCInferenceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);
        assertFalse(stub.modelReady(ModelReadyRequest.newBuilder().setName(KitContract.ADD_ONE).build()).getReady());
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
            () -> stub.modelMetadata(ModelMetadataRequest.newBuilder().setName(KitContract.ADD_ONE).build()));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
        TritonRepositoryIndexResponse ready = call(channel, "RepositoryIndex",
            TritonRepositoryIndexRequest.newBuilder().setReady(true).build(), TritonRepositoryIndexResponse.getDefaultInstance());
        assertTrue(ready.getModelsList().stream().noneMatch(m -> m.getName().equals(KitContract.ADD_ONE)));

        call(channel, "RepositoryModelLoad", TritonRepositoryModelLoadRequest.newBuilder()
            .setModelName(KitContract.ADD_ONE).build(), TritonRepositoryModelLoadResponse.getDefaultInstance());
        assertTrue(stub.modelReady(ModelReadyRequest.newBuilder().setName(KitContract.ADD_ONE).build()).getReady());
        assertTrue(stub.serverMetadata(ServerMetadataRequest.getDefaultInstance()).getExtensionsList()
            .contains("model_repository"));

        e = assertThrows(StatusRuntimeException.class, () -> call(channel, "RepositoryModelLoad",
            TritonRepositoryModelLoadRequest.newBuilder().setModelName("nope").build(),
            TritonRepositoryModelLoadResponse.getDefaultInstance()));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void kserveLoadAndUnloadThroughTheGeneratedStub() throws Exception {
    OipModelRepository repository = OipModelRepository.kserve();
    try (Emulator emulator = start(repository)) {
      ManagedChannel channel = channel(emulator);
      try {
        var stub = GRPCInferenceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);
        var unloaded = stub.repositoryModelUnload(RepositoryModelUnloadRequest.newBuilder().setModelName(KitContract.ADD_ONE).build());
        assertEquals(KitContract.ADD_ONE, unloaded.getModelName());
        assertTrue(unloaded.getIsUnloaded());
        assertFalse(stub.modelReady(ModelReadyRequest.newBuilder().setName(KitContract.ADD_ONE).build()).getReady());
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> stub.repositoryModelUnload(
            RepositoryModelUnloadRequest.newBuilder().setModelName(KitContract.ADD_ONE).build()));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());

        assertTrue(stub.repositoryModelLoad(RepositoryModelLoadRequest.newBuilder().setModelName(KitContract.ADD_ONE).build())
            .getIsLoaded());
        assertTrue(stub.modelReady(ModelReadyRequest.newBuilder().setName(KitContract.ADD_ONE).build()).getReady());
        // KServe has no RepositoryIndex.
        e = assertThrows(StatusRuntimeException.class, () -> call(channel, "RepositoryIndex",
            TritonRepositoryIndexRequest.getDefaultInstance(), TritonRepositoryIndexResponse.getDefaultInstance()));
        assertEquals(Status.Code.UNIMPLEMENTED, e.getStatus().getCode());
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void theAuthorityIsRecorded() throws Exception {
    try (Emulator emulator = start(OipModelRepository.triton())) {
      ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", emulator.port(OipGrpcFrontend.PROTOCOL),
          InsecureChannelCredentials.create()).overrideAuthority("svc.ns.example.com").build();
      try {
        io.grpc.Metadata m = new io.grpc.Metadata();
        m.put(io.grpc.Metadata.Key.of(KitContract.CALL_ID_HEADER, io.grpc.Metadata.ASCII_STRING_MARSHALLER), "authority-1");
        GRPCInferenceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS)
            .withInterceptors(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(m))
            .modelReady(ModelReadyRequest.newBuilder().setName(KitContract.ADD_ONE).build());
        assertEquals("svc.ns.example.com", emulator.recorder().headersOfCall("authority-1", Duration.ofSeconds(5))
            .orElseThrow().get(io.inferlink.emulator.GrpcCalls.AUTHORITY));
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }
}
