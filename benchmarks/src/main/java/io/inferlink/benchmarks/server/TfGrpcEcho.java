package io.inferlink.benchmarks.server;

import io.grpc.stub.StreamObserver;
import io.inferlink.protos.internal.tensorflow.serving.PredictRequest;
import io.inferlink.protos.internal.tensorflow.serving.PredictResponse;
import io.inferlink.protos.internal.tensorflow.serving.PredictionServiceGrpc;

/**
 * TF Serving {@code Predict} as an identity model that does no work: the inputs map comes back as the
 * outputs map, the very same {@code TensorProto}s ({@code tensor_content} in, {@code tensor_content}
 * out; {@code float_val} in, {@code float_val} out). Thread-safe (stateless).
 */
final class TfGrpcEcho extends PredictionServiceGrpc.PredictionServiceImplBase {
  @Override
  public void predict(PredictRequest request, StreamObserver<PredictResponse> observer) {
    observer.onNext(PredictResponse.newBuilder()
        .setModelSpec(request.getModelSpec())
        .putAllOutputs(request.getInputsMap())
        .build());
    observer.onCompleted();
  }
}
