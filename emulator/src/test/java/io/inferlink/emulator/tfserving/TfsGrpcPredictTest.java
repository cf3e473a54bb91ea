package io.inferlink.emulator.tfserving;

import static io.inferlink.emulator.tfserving.TfsGrpcClient.floatContent;
import static io.inferlink.emulator.tfserving.TfsGrpcClient.floatVal;
import static io.inferlink.emulator.tfserving.TfsGrpcClient.predict;
import static io.inferlink.emulator.tfserving.TfsGrpcClient.shape;
import static io.inferlink.emulator.tfserving.TfsGrpcClient.spec;
import static io.inferlink.emulator.tfserving.TfsGrpcClient.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.KitContract;
import io.inferlink.protos.internal.tensorflow.TensorProto;
import io.inferlink.protos.internal.tensorflow.serving.ModelSpec;
import io.inferlink.protos.internal.tensorflow.serving.PredictRequest;
import io.inferlink.protos.internal.tensorflow.serving.PredictResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Predict with both input encodings, TF's typed-field outputs, the effective model spec and output_filter. */
class TfsGrpcPredictTest {
  private static Emulator emulator;
  private static TfsGrpcClient client;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().frontend(new TfServingGrpcFrontend()).build().start();
    client = new TfsGrpcClient(emulator.port(TfServingGrpcFrontend.PROTOCOL));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    client.close();
    emulator.close();
  }

  @Test
  void tensorContentInputGivesTypedFieldOutputAndTheEffectiveSpec() {
    PredictResponse r = client.predict.predict(predict(spec("add_one"), "x", floatContent(new float[] {1f, 2.5f, -3f}, 1, 3)));
    TensorProto y = r.getOutputsOrThrow("y");
    assertEquals(1, y.getDtypeValue());
    assertEquals(shape(1, 3), y.getTensorShape());
    assertEquals(List.of(2f, 3.5f, -2f), y.getFloatValList());
    assertTrue(y.getTensorContent().isEmpty(), "TF Serving answers in typed fields by default");
    assertEquals(Set.of("y"), r.getOutputsMap().keySet());
    assertEquals("add_one", r.getModelSpec().getName());
    assertEquals(1, r.getModelSpec().getVersion().getValue());
    assertTrue(r.getModelSpec().hasVersion());
    assertEquals("serving_default", r.getModelSpec().getSignatureName());
  }

  @Test
  void typedFieldInputIsReadToo() {
    PredictResponse r = client.predict.predict(predict(spec("add_one"), "x", floatVal(new float[] {4f, 5f}, 2, 1)));
    assertEquals(List.of(5f, 6f), r.getOutputsOrThrow("y").getFloatValList());
    assertEquals(shape(2, 1), r.getOutputsOrThrow("y").getTensorShape());
  }

  @Test
  void aShortTypedFieldIsFilledWithItsLastValueAndAnEmptyOneWithZeros() {
    PredictResponse filled = client.predict.predict(predict(spec("add_one"), "x", floatVal(new float[] {1f, 7f}, 2, 2)));
    assertEquals(List.of(2f, 8f, 8f, 8f), filled.getOutputsOrThrow("y").getFloatValList());
    PredictResponse zeros = client.predict.predict(predict(spec("add_one"), "x", floatVal(new float[0], 1, 3)));
    assertEquals(List.of(1f, 1f, 1f), zeros.getOutputsOrThrow("y").getFloatValList());
    PredictResponse extra = client.predict.predict(predict(spec("add_one"), "x", floatVal(new float[] {1f, 2f, 3f}, 1, 1)));
    assertEquals(List.of(2f), extra.getOutputsOrThrow("y").getFloatValList(), "values beyond the shape are ignored");
  }

  @Test
  void versionsAndLabelsAreResolvedAndReported() {
    TensorProto x = floatVal(new float[] {0f}, 1);
    PredictResponse latest = client.predict.predict(predict(spec("versioned"), "x", x));
    assertEquals(List.of(2L), latest.getOutputsOrThrow("version").getInt64ValList());
    assertEquals(2, latest.getModelSpec().getVersion().getValue());
    PredictResponse one = client.predict.predict(predict(spec("versioned", 1), "x", x));
    assertEquals(List.of(1L), one.getOutputsOrThrow("version").getInt64ValList());
    assertEquals(1, one.getModelSpec().getVersion().getValue());
    PredictResponse stable = client.predict.predict(predict(TfsGrpcClient.labelled("versioned", "stable"), "x", x));
    assertEquals(1, stable.getModelSpec().getVersion().getValue());
    assertEquals(ModelSpec.VersionChoiceCase.VERSION, stable.getModelSpec().getVersionChoiceCase(),
        "TF answers the resolved version, not the label");
  }

  @Test
  void outputFilterKeepsOnlyTheNamedOutputs() {
    PredictRequest request = predict(spec("classifier"), "x", floatVal(new float[] {0f, 0f, 5f, 5f}, 1, 4))
        .toBuilder().addOutputFilter("label").build();
    PredictResponse r = client.predict.predict(request);
    assertEquals(Set.of("label"), r.getOutputsMap().keySet());
    assertEquals(7, r.getOutputsOrThrow("label").getDtypeValue());
    assertEquals(List.of(ByteString.copyFromUtf8("virginica")), r.getOutputsOrThrow("label").getStringValList());
    PredictResponse all = client.predict.predict(request.toBuilder().clearOutputFilter().build());
    assertEquals(Set.of("label", "scores"), all.getOutputsMap().keySet());
    assertEquals(3, all.getOutputsOrThrow("scores").getFloatValCount());
  }

  @Test
  void signatureNameMayBeEmptyOrServingDefault() {
    PredictRequest request = predict(spec("add_one").toBuilder().setSignatureName(KitContract.DEFAULT_SIGNATURE).build(),
        "x", floatVal(new float[] {1f}, 1));
    assertEquals(List.of(2f), client.predict.predict(request).getOutputsOrThrow("y").getFloatValList());
  }

  @Test
  void stringsTravelInStringValOrInTfsListEncodedContent() {
    TensorProto typed = tensor(7, 2).addStringVal(ByteString.copyFromUtf8("héllo"))
        .addStringVal(ByteString.copyFrom(new byte[] {0, (byte) 0xFF})).build();
    TensorProto echoed = client.predict.predict(predict(spec("identity"), "t", typed)).getOutputsOrThrow("t");
    assertEquals(typed.getStringValList(), echoed.getStringValList());
    // tensor_content for DT_STRING: the varint lengths (2, 3) first, then the bytes.
    byte[] content = {2, 3, 'a', 'b', 'c', 'd', 'e'};
    TensorProto packed = tensor(7, 2).setTensorContent(ByteString.copyFrom(content)).build();
    TensorProto out = client.predict.predict(predict(spec("identity"), "t", packed)).getOutputsOrThrow("t");
    assertEquals(List.of(ByteString.copyFromUtf8("ab"), ByteString.copyFromUtf8("cde")), out.getStringValList());
    assertEquals("cde", out.getStringVal(1).toString(StandardCharsets.UTF_8));
  }

  @Test
  void scalarsAndZeroSizeTensorsKeepTheirShape() {
    TensorProto scalar = client.predict.predict(predict(spec("identity"), "s", floatVal(new float[] {3f})))
        .getOutputsOrThrow("s");
    assertEquals(0, scalar.getTensorShape().getDimCount());
    assertEquals(List.of(3f), scalar.getFloatValList());
    TensorProto empty = client.predict.predict(predict(spec("identity"), "z", floatVal(new float[0], 0, 3)))
        .getOutputsOrThrow("z");
    assertEquals(shape(0, 3), empty.getTensorShape());
    assertEquals(0, empty.getFloatValCount());
  }
}
