package io.inferlink.protos.oip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.Server;
import io.grpc.ServiceDescriptor;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.inferlink.protos.internal.inference.GRPCInferenceServiceGrpc;
import io.inferlink.protos.internal.inference.GrpcPredictV2Protos;
import io.inferlink.protos.internal.inference.InferParameter;
import io.inferlink.protos.internal.inference.ModelInferRequest;
import io.inferlink.protos.internal.inference.ModelInferResponse;
import io.inferlink.protos.internal.inference.ModelMetadataRequest;
import io.inferlink.protos.internal.inference.ModelMetadataResponse;
import io.inferlink.protos.internal.inference.ModelReadyRequest;
import io.inferlink.protos.internal.inference.ModelReadyResponse;
import io.inferlink.protos.internal.inference.ModelStreamInferResponse;
import io.inferlink.protos.internal.inference.RepositoryModelLoadRequest;
import io.inferlink.protos.internal.inference.RepositoryModelLoadResponse;
import io.inferlink.protos.internal.inference.RepositoryModelUnloadRequest;
import io.inferlink.protos.internal.inference.RepositoryModelUnloadResponse;
import io.inferlink.protos.internal.inference.ServerLiveRequest;
import io.inferlink.protos.internal.inference.ServerLiveResponse;
import io.inferlink.protos.internal.inference.ServerMetadataRequest;
import io.inferlink.protos.internal.inference.ServerMetadataResponse;
import io.inferlink.protos.internal.inference.ServerReadyRequest;
import io.inferlink.protos.internal.inference.ServerReadyResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Method paths (what servers route on), call types, message types and proto names of GRPCInferenceService. */
class GrpcInferenceServiceTest {

  @Test
  void unaryMethodPaths() {
    assertMethod("inference.GRPCInferenceService/ServerLive", MethodType.UNARY,
        GRPCInferenceServiceGrpc.getServerLiveMethod(), ServerLiveRequest.class, ServerLiveResponse.class);
    assertMethod("inference.GRPCInferenceService/ServerReady", MethodType.UNARY,
        GRPCInferenceServiceGrpc.getServerReadyMethod(), ServerReadyRequest.class, ServerReadyResponse.class);
    assertMethod("inference.GRPCInferenceService/ModelReady", MethodType.UNARY,
        GRPCInferenceServiceGrpc.getModelReadyMethod(), ModelReadyRequest.class, ModelReadyResponse.class);
    assertMethod("inference.GRPCInferenceService/ServerMetadata", MethodType.UNARY,
        GRPCInferenceServiceGrpc.getServerMetadataMethod(), ServerMetadataRequest.class, ServerMetadataResponse.class);
    assertMethod("inference.GRPCInferenceService/ModelMetadata", MethodType.UNARY,
        GRPCInferenceServiceGrpc.getModelMetadataMethod(), ModelMetadataRequest.class, ModelMetadataResponse.class);
    assertMethod("inference.GRPCInferenceService/ModelInfer", MethodType.UNARY,
        GRPCInferenceServiceGrpc.getModelInferMethod(), ModelInferRequest.class, ModelInferResponse.class);
    assertMethod("inference.GRPCInferenceService/RepositoryModelLoad", MethodType.UNARY,
        GRPCInferenceServiceGrpc.getRepositoryModelLoadMethod(), RepositoryModelLoadRequest.class,
        RepositoryModelLoadResponse.class);
    assertMethod("inference.GRPCInferenceService/RepositoryModelUnload", MethodType.UNARY,
        GRPCInferenceServiceGrpc.getRepositoryModelUnloadMethod(), RepositoryModelUnloadRequest.class,
        RepositoryModelUnloadResponse.class);
  }

  @Test
  void modelStreamInferIsBidiStreaming() {
    assertMethod("inference.GRPCInferenceService/ModelStreamInfer", MethodType.BIDI_STREAMING,
        GRPCInferenceServiceGrpc.getModelStreamInferMethod(), ModelInferRequest.class, ModelStreamInferResponse.class);
  }

  @Test
  void serviceHasExactlyTheseNineMethods() {
    assertEquals("inference.GRPCInferenceService", GRPCInferenceServiceGrpc.SERVICE_NAME);
    ServiceDescriptor service = GRPCInferenceServiceGrpc.getServiceDescriptor();
    assertEquals("inference.GRPCInferenceService", service.getName());
    assertEquals(new TreeSet<>(List.of("ServerLive", "ServerReady", "ModelReady", "ServerMetadata", "ModelMetadata",
            "ModelInfer", "ModelStreamInfer", "RepositoryModelLoad", "RepositoryModelUnload")),
        service.getMethods().stream().map(MethodDescriptor::getBareMethodName)
            .collect(Collectors.toCollection(TreeSet::new)));
    assertEquals(9, service.getMethods().size());
  }

  @Test
  void protoFullNamesStayUpstreamWhileJavaPackageIsRelocated() {
    assertEquals("inference", GrpcPredictV2Protos.getDescriptor().getPackage());
    assertEquals("inference/grpc_predict_v2.proto", GrpcPredictV2Protos.getDescriptor().getName());
    assertEquals("inference.ModelInferRequest", ModelInferRequest.getDescriptor().getFullName());
    assertEquals("inference.ModelInferRequest.InferInputTensor",
        ModelInferRequest.InferInputTensor.getDescriptor().getFullName());
    assertEquals("inference.ModelInferRequest.InferRequestedOutputTensor",
        ModelInferRequest.InferRequestedOutputTensor.getDescriptor().getFullName());
    assertEquals("inference.ModelInferResponse.InferOutputTensor",
        ModelInferResponse.InferOutputTensor.getDescriptor().getFullName());
    assertEquals("inference.ModelMetadataResponse.TensorMetadata",
        ModelMetadataResponse.TensorMetadata.getDescriptor().getFullName());
    assertEquals("inference.InferParameter", InferParameter.getDescriptor().getFullName());
    assertEquals("io.inferlink.protos.internal.inference", ModelInferRequest.class.getPackageName());
    assertEquals("io.inferlink.protos.internal.inference", GRPCInferenceServiceGrpc.class.getPackageName());
  }

  @Test
  void modelStreamInferRoundTripsInProcess() throws Exception {
    String name = InProcessServerBuilder.generateName();
    Server server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(new GRPCInferenceServiceGrpc.GRPCInferenceServiceImplBase() {
          @Override
          public StreamObserver<ModelInferRequest> modelStreamInfer(StreamObserver<ModelStreamInferResponse> out) {
            return new StreamObserver<>() {
              @Override
              public void onNext(ModelInferRequest req) {
                if (req.getModelName().isEmpty()) {
                  out.onNext(ModelStreamInferResponse.newBuilder().setErrorMessage("no model").build());
                } else {
                  out.onNext(ModelStreamInferResponse.newBuilder().setInferResponse(
                      ModelInferResponse.newBuilder().setModelName(req.getModelName()).setId(req.getId())).build());
                }
              }

              @Override
              public void onError(Throwable t) {}

              @Override
              public void onCompleted() {
                out.onCompleted();
              }
            };
          }
        }).build().start();
    ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    try {
      List<ModelStreamInferResponse> received = new ArrayList<>();
      LinkedBlockingQueue<Object> done = new LinkedBlockingQueue<>();
      StreamObserver<ModelInferRequest> requests = GRPCInferenceServiceGrpc.newStub(channel)
          .modelStreamInfer(new StreamObserver<>() {
            @Override
            public void onNext(ModelStreamInferResponse value) {
              received.add(value);
            }

            @Override
            public void onError(Throwable t) {
              done.add(t);
            }

            @Override
            public void onCompleted() {
              done.add("completed");
            }
          });
      requests.onNext(ModelInferRequest.newBuilder().setModelName("llm").setId("1").build());
      requests.onNext(ModelInferRequest.newBuilder().setId("2").build());
      requests.onNext(ModelInferRequest.newBuilder().setModelName("llm").setId("3").build());
      requests.onCompleted();
      assertEquals("completed", done.poll(5, TimeUnit.SECONDS));
      assertEquals(3, received.size());
      assertEquals("1", received.get(0).getInferResponse().getId());
      assertEquals("llm", received.get(0).getInferResponse().getModelName());
      assertEquals("no model", received.get(1).getErrorMessage());
      assertFalse(received.get(1).hasInferResponse());
      assertEquals("3", received.get(2).getInferResponse().getId());
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static void assertMethod(String fullName, MethodType type, MethodDescriptor<?, ?> method,
      Class<?> request, Class<?> response) {
    assertEquals(fullName, method.getFullMethodName());
    assertEquals(type, method.getType());
    assertEquals(request, ((MethodDescriptor.PrototypeMarshaller<?>) method.getRequestMarshaller())
        .getMessagePrototype().getClass());
    assertEquals(response, ((MethodDescriptor.PrototypeMarshaller<?>) method.getResponseMarshaller())
        .getMessagePrototype().getClass());
  }
}
