package io.inferlink.tfserving.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inferlink.DataType;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.tfserving.TfServingGrpcFrontend;
import io.inferlink.emulator.tfserving.TfServingRestFrontend;
import io.inferlink.testkit.KitModels;
import io.inferlink.testkit.KitTensors;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same requests through {@code tfserving+http} and {@code tfserving+grpc} against one emulator
 * (one script behind both frontends) give the same answers: outputs (names, types, shapes, bytes),
 * model name, and model version where the request names one. (TF Serving's REST predict answer
 * carries no version, so for "latest" only gRPC can say which version answered.)
 */
class RestGrpcParityTest {
  private static Emulator emulator;
  private static InferenceClient rest;
  private static InferenceClient grpc;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().frontend(new TfServingRestFrontend()).frontend(new TfServingGrpcFrontend()).build().start();
    rest = InferenceClient.create(emulator.endpoint("tfserving+http"));
    grpc = InferenceClient.create(emulator.endpoint("tfserving+grpc"));
  }

  @AfterAll
  static void stop() {
    rest.close();
    grpc.close();
    emulator.close();
  }

  static Stream<InferenceRequest> requests() {
    List<InferenceRequest> out = new ArrayList<>();
    for (DataType t : DataType.values()) {
      if (t != DataType.FP16 && t != DataType.BF16 && t != DataType.UINT16) { // no JSON form on REST
        out.add(InferenceRequest.builder(KitModels.IDENTITY).input(KitTensors.sample(t, KitModels.identityTensorName(t))).build());
      }
    }
    out.add(InferenceRequest.builder(KitModels.ADD_ONE).input(Tensor.ofFloats("x", new float[] {1f, -2.5f, 1e-7f}, 1, 3)).build());
    out.add(InferenceRequest.builder(KitModels.CLASSIFIER)
        .input(Tensor.ofFloats("x", new float[] {5.1f, 3.5f, 1.4f, 0.2f, 6.7f, 3f, 5.2f, 2.3f}, 2, 4)).build());
    out.add(InferenceRequest.builder(ModelRef.of(KitModels.VERSIONED, "1")).input(Tensor.ofFloats("x", new float[] {1f}, 1)).build());
    out.add(InferenceRequest.builder(ModelRef.withLabel(KitModels.VERSIONED, KitModels.LABEL_CANARY))
        .input(Tensor.ofFloats("x", new float[] {1f}, 1)).build());
    out.add(InferenceRequest.builder(KitModels.IDENTITY).inputs(Tensor.ofFloats("a", new float[] {1f, 2f}, 2),
        Tensor.ofLongs("b", new long[] {Long.MIN_VALUE, 3}, 2), Tensor.ofStrings("c", new String[] {"x", "ÿ"}, 2))
        .requestOutputs("c", "a").build());
    out.add(InferenceRequest.builder(KitModels.IDENTITY).input(KitTensors.rank5("r5")).build());
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("requests")
  void restAndGrpcAnswerAlike(InferenceRequest request) {
    InferenceResponse viaRest = rest.infer(request);
    InferenceResponse viaGrpc = grpc.infer(request);
    assertEquals(viaGrpc.outputs(), viaRest.outputs(), "outputs of " + request);
    assertEquals(List.copyOf(viaGrpc.outputs().keySet()), List.copyOf(viaRest.outputs().keySet()), "output order");
    assertEquals(viaGrpc.modelName(), viaRest.modelName());
    if (request.model().hasVersion()) {
      assertEquals(viaGrpc.modelVersion(), viaRest.modelVersion());
      assertEquals(viaGrpc, viaRest, "whole responses of " + request);
    }
  }
}
