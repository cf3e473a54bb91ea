package io.inferlink.emulator.oip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.KitContract;
import io.inferlink.emulator.NewThreads;
import io.inferlink.protos.internal.inference.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import io.inferlink.protos.internal.inference.GRPCInferenceServiceGrpc;
import io.inferlink.protos.internal.inference.ModelMetadataRequest;
import io.inferlink.protos.internal.inference.ModelMetadataResponse.TensorMetadata;
import io.inferlink.protos.internal.inference.ModelMetadataResponse;
import io.inferlink.protos.internal.inference.ModelReadyRequest;
import io.inferlink.protos.internal.inference.RepositoryModelLoadRequest;
import io.inferlink.protos.internal.inference.ServerLiveRequest;
import io.inferlink.protos.internal.inference.ServerMetadataRequest;
import io.inferlink.protos.internal.inference.ServerMetadataResponse;
import io.inferlink.protos.internal.inference.ServerReadyRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Health, readiness, metadata, endpoints and threads of the OIP gRPC frontend, through the generated stubs. */
class OipGrpcServerTest {

  private static ManagedChannel channel(Emulator emulator) {
    return Grpc.newChannelBuilderForAddress("127.0.0.1", emulator.port(OipGrpcFrontend.PROTOCOL),
        InsecureChannelCredentials.create()).build();
  }

  private static GRPCInferenceServiceBlockingStub stub(ManagedChannel channel) {
    return GRPCInferenceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  @Test
  void healthReadinessAndMetadata() throws Exception {
    try (Emulator emulator = Emulator.builder().frontend(new OipGrpcFrontend()).build().start()) {
      ManagedChannel channel = channel(emulator);
      try {
        GRPCInferenceServiceBlockingStub s = stub(channel);
        assertTrue(s.serverLive(ServerLiveRequest.getDefaultInstance()).getLive());
        assertTrue(s.serverReady(ServerReadyRequest.getDefaultInstance()).getReady());
        ServerMetadataResponse server = s.serverMetadata(ServerMetadataRequest.getDefaultInstance());
        assertEquals(Emulator.SERVER_NAME, server.getName());
        assertEquals(Emulator.SERVER_VERSION, server.getVersion());
        assertEquals(List.of(), server.getExtensionsList());

        assertTrue(s.modelReady(ModelReadyRequest.newBuilder().setName(KitContract.VERSIONED).setVersion("1").build()).getReady());
        assertTrue(s.modelReady(ModelReadyRequest.newBuilder().setName(KitContract.ADD_ONE).build()).getReady());
        assertFalse(s.modelReady(ModelReadyRequest.newBuilder().setName(KitContract.VERSIONED).setVersion("9").build()).getReady());
        assertFalse(s.modelReady(ModelReadyRequest.newBuilder().setName("nope").build()).getReady());

        ModelMetadataResponse meta = s.modelMetadata(ModelMetadataRequest.newBuilder().setName(KitContract.ADD_ONE).build());
        assertEquals(KitContract.ADD_ONE, meta.getName());
        assertEquals(List.of("1"), meta.getVersionsList());
        assertEquals(OipGrpcFrontend.PLATFORM, meta.getPlatform());
        assertEquals(List.of(TensorMetadata.newBuilder().setName("x").setDatatype("FP32").addShape(-1).addShape(-1).build()),
            meta.getInputsList());
        assertEquals("y", meta.getOutputs(0).getName());
        ModelMetadataResponse versioned = s.modelMetadata(
            ModelMetadataRequest.newBuilder().setName(KitContract.VERSIONED).setVersion("1").build());
        assertEquals(KitContract.VERSIONS, versioned.getVersionsList());
        assertEquals("INT64", versioned.getOutputs(0).getDatatype());

        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
            () -> s.modelMetadata(ModelMetadataRequest.newBuilder().setName("nope").build()));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
        assertEquals("Model nope not found", e.getStatus().getDescription());
        e = assertThrows(StatusRuntimeException.class, () -> s.modelMetadata(
            ModelMetadataRequest.newBuilder().setName(KitContract.VERSIONED).setVersion("9").build()));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
        assertEquals("Model versioned with version 9 not found", e.getStatus().getDescription());
        e = assertThrows(StatusRuntimeException.class, () -> s.repositoryModelLoad(
            RepositoryModelLoadRequest.newBuilder().setModelName(KitContract.ADD_ONE).build()));
        assertEquals(Status.Code.UNIMPLEMENTED, e.getStatus().getCode());
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void theEmulatorGivesItsEndpoint() {
    try (Emulator emulator = Emulator.builder().frontend(new OipGrpcFrontend()).build().start()) {
      int port = emulator.port(OipGrpcFrontend.PROTOCOL);
      assertEquals("kserve-v2+grpc://127.0.0.1:" + port, emulator.endpoint("kserve-v2+grpc"));
      assertThrows(IllegalArgumentException.class, () -> emulator.endpoint("kserve-v2+grpcs"));
    }
    assertEquals(Set.of(OipGrpcFrontend.TLS_SCHEME),
        OipGrpcFrontend.builder().tls(io.inferlink.emulator.TestCertificates.create()).build().schemes());
  }

  @Test
  void noThreadOutlivesClose() throws Exception {
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    Emulator emulator = Emulator.builder().frontend(new OipGrpcFrontend()).build().start();
    ManagedChannel channel = channel(emulator);
    assertTrue(stub(channel).serverLive(ServerLiveRequest.getDefaultInstance()).getLive());
    assertFalse(names(newThreads(before), "inferlink-emulator-" + OipGrpcFrontend.PROTOCOL).isEmpty(),
        "the server's threads carry its name");
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    emulator.close();
    // The client's shared grpc-java pools linger a second after its channel ends; nothing may stay longer.
    assertEquals(Set.of(), NewThreads.awaitNoneSince(before, Duration.ofSeconds(10)), "threads left after close()");
  }

  private static Set<Thread> newThreads(Set<Thread> before) {
    return NewThreads.since(before);
  }

  private static Set<String> names(Set<Thread> threads, String prefix) {
    return threads.stream().filter(Thread::isAlive).map(Thread::getName).filter(n -> n.startsWith(prefix))
        .collect(Collectors.toSet());
  }
}
