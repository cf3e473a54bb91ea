package io.inferlink.tfserving.grpc.internal;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.inferlink.DataType;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.fuzz.RandomTensors;
import io.inferlink.protos.internal.tensorflow.serving.GetModelMetadataRequest;
import io.inferlink.protos.internal.tensorflow.serving.PredictRequest;
import io.inferlink.protos.internal.tensorflow.serving.PredictResponse;
import io.inferlink.protos.internal.tensorflow.serving.PredictionServiceGrpc;
import io.inferlink.testkit.KitModels;
import io.inferlink.testkit.emulator.Emulator;
import io.inferlink.testkit.emulator.tfserving.TfServingGrpcFrontend;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Real TF Serving gRPC answers for the decoder properties to mutate: the emulator's predict answers
 * to requests our codec encodes (random tensors of every type), the TensorProtos inside them and those
 * our codec writes, and its metadata answers. Collected once with a bare stub, then the emulator is
 * closed.
 */
final class TfGrpcSeeds {
  final List<byte[]> tensors = new ArrayList<>();
  final List<byte[]> predict = new ArrayList<>();
  final List<byte[]> metadata = new ArrayList<>();

  private static TfGrpcSeeds instance;

  static synchronized TfGrpcSeeds get() {
    if (instance == null) {
      instance = new TfGrpcSeeds();
    }
    return instance;
  }

  private TfGrpcSeeds() {
    try (Emulator emulator = Emulator.builder().frontend(new TfServingGrpcFrontend()).build().start()) {
      ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", emulator.port(TfServingGrpcFrontend.PROTOCOL))
          .usePlaintext().build();
      try {
        PredictionServiceGrpc.PredictionServiceBlockingStub stub = PredictionServiceGrpc.newBlockingStub(channel)
            .withDeadlineAfter(60, TimeUnit.SECONDS);
        Random r = new Random(5);
        for (int i = 0; i < 60; i++) {
          DataType dtype = DataType.values()[r.nextInt(DataType.values().length)];
          Tensor t = RandomTensors.of(r, KitModels.identityTensorName(dtype), dtype, false);
          tensors.add(TensorProtoCodec.encode(t).toByteArray());
          try {
            PredictResponse answer = stub.predict(PredictRequest.newBuilder()
                .setModelSpec(TfGrpcMessages.modelSpec(ModelRef.of(KitModels.IDENTITY), null))
                .putInputs(t.name(), TensorProtoCodec.encode(t)).build());
            predict.add(answer.toByteArray());
            answer.getOutputsMap().values().forEach(p -> tensors.add(p.toByteArray()));
          } catch (RuntimeException e) {
            // refused by the emulator: not a seed
          }
        }
        for (String model : List.of(KitModels.IDENTITY, KitModels.ADD_ONE, KitModels.CLASSIFIER, "versioned")) {
          metadata.add(stub.getModelMetadata(GetModelMetadataRequest.newBuilder()
              .setModelSpec(TfGrpcMessages.modelSpec(ModelRef.of(model), null))
              .addMetadataField(SignatureMetadata.FIELD).build()).toByteArray());
        }
      } finally {
        channel.shutdownNow();
      }
    }
    if (predict.size() < 20) {
      throw new IllegalStateException("the emulator gave too few predict answers: " + predict.size());
    }
  }
}
