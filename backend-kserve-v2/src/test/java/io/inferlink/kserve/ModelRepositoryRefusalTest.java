package io.inferlink.kserve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCalls;
import io.inferlink.ClientOptions;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceClient;
import io.inferlink.ServerException;
import io.inferlink.emulator.CallRecorder;
import io.inferlink.emulator.GrpcLoopbackServer;
import io.inferlink.emulator.HttpLoopbackServer;
import io.inferlink.emulator.HttpReply;
import io.inferlink.protos.internal.inference.GRPCInferenceServiceGrpc;
import io.inferlink.protos.internal.inference.RepositoryModelLoadResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A KServe server that answers a load with success but says it did not load (which KServe's Python
 * server never does: it raises instead) is a {@link ServerException}, over REST and gRPC.
 */
class ModelRepositoryRefusalTest {
  private static final ClientOptions KSERVE =
      ClientOptions.builder().option(KServeOptions.REPOSITORY, KServeOptions.Repository.KSERVE).build();

  @Test
  void restLoadFalse() {
    HttpLoopbackServer server = HttpLoopbackServer.builder("refusal").maxLifetime(Duration.ofMinutes(2))
        .route("/", call -> HttpReply.json(200, "{\"name\": \"m\", \"load\": false}")).build().start();
    try (InferenceClient client = InferenceClient.create("kserve-v2+http://127.0.0.1:" + server.port(), KSERVE)) {
      ServerException e = assertThrows(ServerException.class, () -> client.unwrap(ModelRepository.class).load("m"));
      assertEquals(ErrorCode.UNKNOWN, e.code());
      assertTrue(e.getMessage().contains("did not confirm the load of model 'm'"), e.getMessage());
    } finally {
      server.close();
    }
  }

  @Test
  void grpcIsLoadedFalse() {
    ServerServiceDefinition service = ServerServiceDefinition.builder("inference.GRPCInferenceService")
        .addMethod(GRPCInferenceServiceGrpc.getRepositoryModelLoadMethod(), ServerCalls.asyncUnaryCall((req, out) -> {
          out.onNext(RepositoryModelLoadResponse.newBuilder().setModelName(req.getModelName()).setIsLoaded(false).build());
          out.onCompleted();
        })).build();
    GrpcLoopbackServer server = GrpcLoopbackServer.builder("refusal").recorder(new CallRecorder())
        .maxLifetime(Duration.ofMinutes(2)).service(service).build().start();
    try (InferenceClient client = InferenceClient.create("kserve-v2+grpc://127.0.0.1:" + server.port(), KSERVE)) {
      ServerException e = assertThrows(ServerException.class, () -> client.unwrap(ModelRepository.class).load("m"));
      assertTrue(e.getMessage().contains("did not confirm the load of model 'm'"), e.getMessage());
    } finally {
      server.close();
    }
  }
}
