package io.inferlink.emulator.tfserving;

import io.grpc.stub.StreamObserver;
import io.inferlink.protos.internal.tensorflow.serving.ClassificationProtos.ClassificationRequest;
import io.inferlink.protos.internal.tensorflow.serving.ClassificationProtos.ClassificationResponse;
import io.inferlink.protos.internal.tensorflow.serving.GetModelMetadataRequest;
import io.inferlink.protos.internal.tensorflow.serving.GetModelMetadataResponse;
import io.inferlink.protos.internal.tensorflow.serving.MultiInferenceRequest;
import io.inferlink.protos.internal.tensorflow.serving.MultiInferenceResponse;
import io.inferlink.protos.internal.tensorflow.serving.PredictRequest;
import io.inferlink.protos.internal.tensorflow.serving.PredictResponse;
import io.inferlink.protos.internal.tensorflow.serving.PredictionServiceGrpc;
import io.inferlink.protos.internal.tensorflow.serving.RegressionRequest;
import io.inferlink.protos.internal.tensorflow.serving.RegressionResponse;

/** {@code tensorflow.serving.PredictionService} over the script; thread-safe (stateless between calls). */
final class TfsPredictionService extends PredictionServiceGrpc.PredictionServiceImplBase {
  private final TfsGrpcPredict predict;
  private final TfsGrpcExampleApis examples;
  private final TfsGrpcModelInfo info;

  TfsPredictionService(TfsGrpcCalls calls) {
    this.predict = new TfsGrpcPredict(calls);
    this.examples = new TfsGrpcExampleApis(calls);
    this.info = new TfsGrpcModelInfo(calls);
  }

  @Override
  public void predict(PredictRequest request, StreamObserver<PredictResponse> observer) {
    TfsGrpcReplies.answer(observer, () -> predict.predict(request));
  }

  @Override
  public void classify(ClassificationRequest request, StreamObserver<ClassificationResponse> observer) {
    TfsGrpcReplies.answer(observer, () -> examples.classify(request));
  }

  @Override
  public void regress(RegressionRequest request, StreamObserver<RegressionResponse> observer) {
    TfsGrpcReplies.answer(observer, () -> examples.regress(request));
  }

  @Override
  public void multiInference(MultiInferenceRequest request, StreamObserver<MultiInferenceResponse> observer) {
    TfsGrpcReplies.answer(observer, () -> examples.multiInference(request));
  }

  @Override
  public void getModelMetadata(GetModelMetadataRequest request, StreamObserver<GetModelMetadataResponse> observer) {
    TfsGrpcReplies.answer(observer, () -> info.metadata(request));
  }
}
