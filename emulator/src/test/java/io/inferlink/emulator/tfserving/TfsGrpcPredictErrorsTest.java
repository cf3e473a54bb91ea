package io.inferlink.emulator.tfserving;

import static io.inferlink.emulator.tfserving.TfsGrpcClient.assertStatus;
import static io.inferlink.emulator.tfserving.TfsGrpcClient.floatVal;
import static io.inferlink.emulator.tfserving.TfsGrpcClient.predict;
import static io.inferlink.emulator.tfserving.TfsGrpcClient.spec;
import static io.inferlink.emulator.tfserving.TfsGrpcClient.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.inferlink.DataType;
import io.inferlink.ErrorCode;
import io.inferlink.TensorSpec;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ScriptedFailure;
import io.inferlink.emulator.ScriptedModel;
import io.inferlink.protos.internal.tensorflow.TensorProto;
import io.inferlink.protos.internal.tensorflow.serving.PredictRequest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every Predict error with TF Serving's status code and message (PROTOCOLS.md §1.9, predict_util.cc). */
class TfsGrpcPredictErrorsTest {
  private static final TensorProto ONE = floatVal(new float[] {1f}, 1);
  private static Emulator emulator;
  private static TfsGrpcClient client;

  @BeforeAll
  static void start() {
    ScriptedModel verbose = ScriptedModel.of("verbose", List.of(new TensorSpec("x", DataType.FP32, new long[] {-1})),
        List.of(new TensorSpec("x", DataType.FP32, new long[] {-1})), call -> {
          throw new ScriptedFailure(ErrorCode.INTERNAL, "e".repeat(1500));
        });
    ModelScript script = ModelScript.builder().addBuiltins().add(verbose).build();
    emulator = Emulator.builder().script(script).frontend(new TfServingGrpcFrontend()).build().start();
    client = new TfsGrpcClient(emulator.port(TfServingGrpcFrontend.PROTOCOL));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    client.close();
    emulator.close();
  }

  @Test
  void unknownModelVersionAndLabel() {
    assertStatus(Status.Code.NOT_FOUND, "Servable not found for request: Latest(nope)",
        () -> client.predict.predict(predict(spec("nope"), "x", ONE)));
    assertStatus(Status.Code.NOT_FOUND, "Servable not found for request: Specific(add_one, 9)",
        () -> client.predict.predict(predict(spec("add_one", 9), "x", ONE)));
    assertStatus(Status.Code.NOT_FOUND, "Servable not found for request: Specific(nope, 1)",
        () -> client.predict.predict(predict(spec("nope", 1), "x", ONE)));
    assertStatus(Status.Code.INVALID_ARGUMENT, "Unrecognized servable version label: beta",
        () -> client.predict.predict(predict(TfsGrpcClient.labelled("versioned", "beta"), "x", ONE)));
  }

  @Test
  void missingSpecAndUnknownSignature() {
    assertStatus(Status.Code.INVALID_ARGUMENT, "Missing ModelSpec",
        () -> client.predict.predict(PredictRequest.newBuilder().putInputs("x", ONE).build()));
    PredictRequest other = predict(spec("add_one").toBuilder().setSignatureName("other").build(), "x", ONE);
    assertStatus(Status.Code.FAILED_PRECONDITION, "Serving signature key \"other\" not found.",
        () -> client.predict.predict(other));
  }

  @Test
  void inputsMustMatchTheSignature() {
    assertStatus(Status.Code.INVALID_ARGUMENT,
        "input size does not match signature: 2!=1 len({w,x}) != len({x}). Sent extra: {w}. Missing but required: {}.",
        () -> client.predict.predict(predict(spec("add_one"), "x", ONE).toBuilder().putInputs("w", ONE).build()));
    assertStatus(Status.Code.INVALID_ARGUMENT,
        "input tensor alias not found in signature: w. Inputs expected to be in the set {x}.",
        () -> client.predict.predict(predict(spec("add_one"), "w", ONE)));
  }

  @Test
  void unparsableTensorsAreTensorParsingErrors() {
    String message = "tensor parsing error: x";
    TensorProto shortContent = tensor(1, 2).setTensorContent(ByteString.copyFrom(new byte[5])).build();
    assertStatus(Status.Code.INVALID_ARGUMENT, message, () -> client.predict.predict(predict(spec("add_one"), "x", shortContent)));
    TensorProto complex = tensor(8, 1).addScomplexVal(1f).addScomplexVal(0f).build();
    assertStatus(Status.Code.INVALID_ARGUMENT, message, () -> client.predict.predict(predict(spec("add_one"), "x", complex)));
    TensorProto noType = tensor(0, 1).addFloatVal(1f).build();
    assertStatus(Status.Code.INVALID_ARGUMENT, message, () -> client.predict.predict(predict(spec("add_one"), "x", noType)));
    TensorProto unknownDim = tensor(1, -1).addFloatVal(1f).build();
    assertStatus(Status.Code.INVALID_ARGUMENT, message, () -> client.predict.predict(predict(spec("add_one"), "x", unknownDim)));
    TensorProto badStrings = tensor(7, 2).setTensorContent(ByteString.copyFrom(new byte[] {1, 5, 'a'})).build();
    assertStatus(Status.Code.INVALID_ARGUMENT, "tensor parsing error: t",
        () -> client.predict.predict(predict(spec("identity"), "t", badStrings)));
  }

  @Test
  void outputFilterNamesMustBeSignatureOutputsOnce() {
    PredictRequest request = predict(spec("classifier"), "x", floatVal(new float[] {0f, 0f, 0f, 0f}, 1, 4));
    assertStatus(Status.Code.INVALID_ARGUMENT,
        "output tensor alias not found in signature: nope Outputs expected to be in the set {label,scores}.",
        () -> client.predict.predict(request.toBuilder().addOutputFilter("nope").build()));
    assertStatus(Status.Code.INVALID_ARGUMENT, "duplicate output tensor alias: label",
        () -> client.predict.predict(request.toBuilder().addOutputFilter("label").addOutputFilter("label").build()));
  }

  @Test
  void modelErrorsKeepTheirMessage() {
    assertStatus(Status.Code.INVALID_ARGUMENT, "add_one: input 'x' must be FP32, got INT64",
        () -> client.predict.predict(predict(spec("add_one"), "x", TfsGrpcClient.int64Val(1, 1))));
  }

  @Test
  void scriptedFailuresBecomeTheStatusOfTheSameNumber() {
    for (int code = 1; code <= 16; code++) {
      int number = code;
      StatusRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
          () -> client.predict.predict(predict(spec("fail"), "code", tensor(3, 1).addIntVal(number).build())));
      assertEquals(number, e.getStatus().getCode().value());
      assertEquals("scripted failure: " + ErrorCode.fromGrpcCode(number).name(), e.getStatus().getDescription());
    }
    assertEquals(List.of(0), client.predict.predict(predict(spec("fail"), "code", tensor(3, 1).addIntVal(0).build()))
        .getOutputsOrThrow("code").getIntValList());
  }

  @Test
  void longMessagesAreCutAsTfServingCutsThem() {
    assertStatus(Status.Code.INTERNAL, "e".repeat(1024) + "...TRUNCATED",
        () -> client.predict.predict(predict(spec("verbose"), "x", ONE)));
  }
}
