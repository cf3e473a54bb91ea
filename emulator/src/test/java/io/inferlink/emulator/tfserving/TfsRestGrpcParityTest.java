package io.inferlink.emulator.tfserving;

import static io.inferlink.emulator.tfserving.TfsGrpcClient.floatVal;
import static io.inferlink.emulator.tfserving.TfsGrpcClient.predict;
import static io.inferlink.emulator.tfserving.TfsGrpcClient.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.StatusRuntimeException;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.TensorSpec;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.KitContract;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ScriptedModel;
import io.inferlink.protos.internal.tensorflow.SignatureDef;
import io.inferlink.protos.internal.tensorflow.TensorInfo;
import io.inferlink.protos.internal.tensorflow.serving.GetModelMetadataRequest;
import io.inferlink.protos.internal.tensorflow.serving.SignatureDefMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One emulator, both TF Serving frontends, one script: the same models answer alike on REST and gRPC. */
class TfsRestGrpcParityTest {
  private static final AtomicInteger COUNTED = new AtomicInteger();
  private static Emulator emulator;
  private static TfsClient rest;
  private static TfsGrpcClient grpc;

  @BeforeAll
  static void start() {
    ScriptedModel counter = ScriptedModel.of("counter", List.of(new TensorSpec("x", DataType.FP32, new long[] {-1})),
        List.of(new TensorSpec("n", DataType.INT64, new long[] {1})),
        call -> List.of(Tensor.ofLongs("n", new long[] {COUNTED.incrementAndGet()}, 1)));
    emulator = Emulator.builder().script(ModelScript.builder().addBuiltins().add(counter).build())
        .frontend(new TfServingRestFrontend()).frontend(new TfServingGrpcFrontend()).build().start();
    rest = new TfsClient("http://127.0.0.1:" + emulator.port(TfServingRestFrontend.PROTOCOL));
    grpc = new TfsGrpcClient(emulator.port(TfServingGrpcFrontend.PROTOCOL));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    grpc.close();
    emulator.close();
  }

  @Test
  void bothFrontendsRunTheVeryScriptModels() {
    long restCount = rest.post("/v1/models/counter:predict", "{\"inputs\": [1.0]}").json().at("/outputs/0").longValue();
    long grpcCount = grpc.predict.predict(predict(spec("counter"), "x", floatVal(new float[] {1f}, 1)))
        .getOutputsOrThrow("n").getInt64Val(0);
    assertEquals(restCount + 1, grpcCount, "one model instance counts the calls of both protocols");
  }

  @Test
  void classifierScoresAgree() {
    float[] x = {0.5f, -1f, 2f, 0.25f};
    JsonNode restScores = rest.post("/v1/models/classifier:predict", "{\"inputs\": [[0.5, -1.0, 2.0, 0.25]]}")
        .json().at("/outputs/scores/0");
    List<Float> grpcScores = grpc.predict.predict(predict(spec("classifier"), "x", floatVal(x, 1, 4)))
        .getOutputsOrThrow("scores").getFloatValList();
    assertEquals(3, grpcScores.size());
    for (int k = 0; k < 3; k++) {
      assertEquals(restScores.get(k).floatValue(), grpcScores.get(k), 0f);
    }
  }

  @Test
  void errorsAgreeOnCodeAndMessage() {
    TfsClient.Reply restReply = rest.post("/v1/models/versioned/labels/beta:predict", "{\"inputs\": [1.0]}");
    assertEquals(400, restReply.status());
    String restError = restReply.error();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> grpc.predict.predict(
        predict(TfsGrpcClient.labelled("versioned", "beta"), "x", floatVal(new float[] {1f}, 1))));
    assertEquals(restError, e.getStatus().getDescription());
    assertEquals(io.grpc.Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertEquals(404, rest.post("/v1/models/nope:predict", "{\"inputs\": [1.0]}").status());
    StatusRuntimeException missing = assertThrows(StatusRuntimeException.class,
        () -> grpc.predict.predict(predict(spec("nope"), "x", floatVal(new float[] {1f}, 1))));
    assertEquals(rest.post("/v1/models/nope:predict", "{\"inputs\": [1.0]}").error(), missing.getStatus().getDescription());
  }

  @Test
  void metadataAgrees() throws Exception {
    JsonNode restSignature = rest.get("/v1/models/add_one/metadata").json()
        .at("/metadata/signature_def/signature_def/serving_default");
    SignatureDef grpcSignature = grpc.predict.getModelMetadata(GetModelMetadataRequest.newBuilder()
            .setModelSpec(spec("add_one")).addMetadataField("signature_def").build())
        .getMetadataOrThrow("signature_def").unpack(SignatureDefMap.class).getSignatureDefOrThrow("serving_default");
    assertEquals(restSignature.get("method_name").textValue(), grpcSignature.getMethodName());
    TensorInfo x = grpcSignature.getInputsOrThrow("x");
    assertEquals(restSignature.at("/inputs/x/name").textValue(), x.getName());
    assertEquals("DT_FLOAT", restSignature.at("/inputs/x/dtype").textValue());
    assertEquals(1, x.getDtypeValue());
    assertEquals(restSignature.at("/inputs/x/tensor_shape/dim/1/size").asLong(), x.getTensorShape().getDim(1).getSize());
  }

  @Test
  void bothProtocolsReportToOneRecorder() {
    rest.send("POST", "/v1/models/add_one:predict", "{\"inputs\": [1.0]}", Map.of(KitContract.CALL_ID_HEADER, "parity-rest"));
    grpc.predictWith(Map.of(KitContract.CALL_ID_HEADER, "parity-grpc"))
        .predict(predict(spec("add_one"), "x", floatVal(new float[] {1f}, 1)));
    assertTrue(emulator.recorder().awaitModelCall("parity-rest", Duration.ofSeconds(5)));
    assertTrue(emulator.recorder().awaitModelCall("parity-grpc", Duration.ofSeconds(5)));
  }
}
