package io.inferlink.benchmarks.server;

import io.grpc.stub.StreamObserver;
import io.inferlink.protos.internal.inference.GRPCInferenceServiceGrpc;
import io.inferlink.protos.internal.inference.ModelInferRequest;
import io.inferlink.protos.internal.inference.ModelInferRequest.InferInputTensor;
import io.inferlink.protos.internal.inference.ModelInferResponse;
import io.inferlink.protos.internal.inference.ModelInferResponse.InferOutputTensor;
import io.inferlink.protos.internal.inference.ServerLiveRequest;
import io.inferlink.protos.internal.inference.ServerLiveResponse;

/**
 * {@code ModelInfer} as an identity model that does no work of its own: every input comes back as the
 * output of the same name, raw contents as the same {@code ByteString}s (no copy), typed contents as
 * the same message (so a typed request gets a typed answer, as from KServe). Thread-safe (stateless).
 */
final class OipGrpcEcho extends GRPCInferenceServiceGrpc.GRPCInferenceServiceImplBase {
  @Override
  public void modelInfer(ModelInferRequest request, StreamObserver<ModelInferResponse> observer) {
    ModelInferResponse.Builder response = ModelInferResponse.newBuilder()
        .setModelName(request.getModelName()).setModelVersion("1").setId(request.getId());
    for (InferInputTensor in : request.getInputsList()) {
      InferOutputTensor.Builder out = InferOutputTensor.newBuilder()
          .setName(in.getName()).setDatatype(in.getDatatype()).addAllShape(in.getShapeList());
      if (in.hasContents()) {
        out.setContents(in.getContents());
      }
      response.addOutputs(out);
    }
    response.addAllRawOutputContents(request.getRawInputContentsList());
    observer.onNext(response.build());
    observer.onCompleted();
  }

  @Override
  public void serverLive(ServerLiveRequest request, StreamObserver<ServerLiveResponse> observer) {
    observer.onNext(ServerLiveResponse.newBuilder().setLive(true).build());
    observer.onCompleted();
  }
}
