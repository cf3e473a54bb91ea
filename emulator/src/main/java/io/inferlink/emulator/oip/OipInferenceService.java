package io.inferlink.emulator.oip;

import io.grpc.stub.StreamObserver;
import io.inferlink.ServerMetadata;
import io.inferlink.emulator.FrontendContext;
import io.inferlink.protos.internal.inference.GRPCInferenceServiceGrpc;
import io.inferlink.protos.internal.inference.ModelInferRequest;
import io.inferlink.protos.internal.inference.ModelInferResponse;
import io.inferlink.protos.internal.inference.ModelMetadataRequest;
import io.inferlink.protos.internal.inference.ModelMetadataResponse;
import io.inferlink.protos.internal.inference.ModelReadyRequest;
import io.inferlink.protos.internal.inference.ModelReadyResponse;
import io.inferlink.protos.internal.inference.ServerLiveRequest;
import io.inferlink.protos.internal.inference.ServerLiveResponse;
import io.inferlink.protos.internal.inference.ServerMetadataRequest;
import io.inferlink.protos.internal.inference.ServerMetadataResponse;
import io.inferlink.protos.internal.inference.ServerReadyRequest;
import io.inferlink.protos.internal.inference.ServerReadyResponse;

/**
 * {@code inference.GRPCInferenceService} over the script; streaming keeps the generated UNIMPLEMENTED,
 * and so do the repository calls, which {@link OipGrpcRepository} replaces when there is a repository.
 * Thread-safe (its only state is the repository's).
 */
final class OipInferenceService extends GRPCInferenceServiceGrpc.GRPCInferenceServiceImplBase {
  private final ServerMetadata server;
  private final OipModels models;
  private final OipInfer infer;

  private final OipModelRepository repository; // null: none

  OipInferenceService(FrontendContext context, OipModelRepository repository) {
    this.server = context.server();
    this.models = new OipModels(context.script(), repository);
    this.infer = new OipInfer(models, context);
    this.repository = repository;
  }

  @Override
  public void serverLive(ServerLiveRequest request, StreamObserver<ServerLiveResponse> observer) {
    OipStatus.answer(observer, () -> ServerLiveResponse.newBuilder().setLive(true).build());
  }

  @Override
  public void serverReady(ServerReadyRequest request, StreamObserver<ServerReadyResponse> observer) {
    OipStatus.answer(observer, () -> ServerReadyResponse.newBuilder().setReady(true).build());
  }

  @Override
  public void serverMetadata(ServerMetadataRequest request, StreamObserver<ServerMetadataResponse> observer) {
    OipStatus.answer(observer, () -> {
      ServerMetadataResponse.Builder b = ServerMetadataResponse.newBuilder()
          .setName(server.name()).setVersion(server.version()).addAllExtensions(server.extensions());
      if (repository != null) {
        b.addExtensions(repository.extensionName());
      }
      return b.build();
    });
  }

  @Override
  public void modelReady(ModelReadyRequest request, StreamObserver<ModelReadyResponse> observer) {
    OipStatus.answer(observer,
        () -> ModelReadyResponse.newBuilder().setReady(models.isReady(request.getName(), request.getVersion())).build());
  }

  @Override
  public void modelMetadata(ModelMetadataRequest request, StreamObserver<ModelMetadataResponse> observer) {
    OipStatus.answer(observer, () -> models.metadata(request.getName(), request.getVersion()));
  }

  @Override
  public void modelInfer(ModelInferRequest request, StreamObserver<ModelInferResponse> observer) {
    OipStatus.answer(observer, () -> infer.infer(request));
  }
}
