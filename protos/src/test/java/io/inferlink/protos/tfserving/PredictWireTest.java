package io.inferlink.protos.tfserving;

import io.inferlink.protos.wire.Wire;

import static io.inferlink.protos.wire.Wire.assertBytes;
import static io.inferlink.protos.wire.Wire.boolField;
import static io.inferlink.protos.wire.Wire.cat;
import static io.inferlink.protos.wire.Wire.lenField;
import static io.inferlink.protos.wire.Wire.mapEntry;
import static io.inferlink.protos.wire.Wire.packedFloats;
import static io.inferlink.protos.wire.Wire.packedVarints;
import static io.inferlink.protos.wire.Wire.stringField;
import static io.inferlink.protos.wire.Wire.varintField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Int64Value;
import io.inferlink.protos.internal.tensorflow.DataType;
import io.inferlink.protos.internal.tensorflow.TensorProto;
import io.inferlink.protos.internal.tensorflow.TensorShapeProto;
import io.inferlink.protos.internal.tensorflow.serving.ModelSpec;
import io.inferlink.protos.internal.tensorflow.serving.PredictRequest;
import io.inferlink.protos.internal.tensorflow.serving.PredictResponse;
import io.inferlink.protos.internal.tensorflow.serving.PredictStreamedOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PredictRequest (1 model_spec, 2 inputs, 3 output_filter, 5-7) and PredictResponse (1 outputs, 2 model_spec). */
class PredictWireTest {

  /** ModelSpec{name "half_plus_two", version 2, signature "serving_default"}. */
  static final byte[] SPEC = cat(stringField(1, "half_plus_two"), lenField(2, varintField(1, 2)),
      stringField(3, "serving_default"));

  /** TensorProto{DT_FLOAT, shape [3], float_val [1, 2, 5]}. */
  static final byte[] TENSOR = cat(varintField(1, 1), lenField(2, lenField(2, varintField(1, 3))),
      packedFloats(5, 1f, 2f, 5f));

  static ModelSpec spec() {
    return ModelSpec.newBuilder().setName("half_plus_two").setVersion(Int64Value.of(2))
        .setSignatureName("serving_default").build();
  }

  static TensorProto tensor() {
    return TensorProto.newBuilder().setDtype(DataType.DT_FLOAT)
        .setTensorShape(TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dim.newBuilder().setSize(3)))
        .addAllFloatVal(List.of(1f, 2f, 5f)).build();
  }

  @Test
  void predictRequest() throws Exception {
    byte[] wire = cat(
        lenField(1, SPEC),
        mapEntry(2, stringField(1, "x"), lenField(2, TENSOR)),
        stringField(3, "y"),
        stringField(3, "z"));

    PredictRequest parsed = PredictRequest.parseFrom(wire);
    assertEquals("half_plus_two", parsed.getModelSpec().getName());
    assertEquals(2L, parsed.getModelSpec().getVersion().getValue());
    assertEquals("serving_default", parsed.getModelSpec().getSignatureName());
    assertEquals(1, parsed.getInputsCount());
    TensorProto x = parsed.getInputsOrThrow("x");
    assertEquals(DataType.DT_FLOAT, x.getDtype());
    assertEquals(3L, x.getTensorShape().getDim(0).getSize());
    assertEquals(List.of(1f, 2f, 5f), x.getFloatValList());
    assertEquals(List.of("y", "z"), parsed.getOutputFilterList());
    assertFalse(parsed.hasPredictStreamedOptions());
    assertFalse(parsed.hasClientId());
    assertFalse(parsed.hasRequestOptions());

    PredictRequest built = PredictRequest.newBuilder().setModelSpec(spec()).putInputs("x", tensor())
        .addOutputFilter("y").addOutputFilter("z").build();
    assertBytes(wire, built.toByteArray());
  }

  @Test
  void predictRequestStreamingFields5To7() throws Exception {
    byte[] streamed = cat(
        varintField(1, 1),                                            // request_state SPLIT
        mapEntry(2, stringField(1, "x"), varintField(2, 0)),          // split_dimensions {"x": 0}
        boolField(3, true));                                          // return_single_response
    byte[] options = cat(
        lenField(1, Wire.utf8("c1")),                                 // client_id
        varintField(2, 1),                                            // deterministic_mode FIXED_DECODER_SLOT
        boolField(3, false),                                          // explicit false: optional keeps presence
        packedVarints(4, 2, 50256),                                   // return_stoptokens
        varintField(6, 4096),                                         // max_cache_length
        boolField(9, true));                                          // return_all_stoptokens
    byte[] wire = cat(lenField(1, SPEC), lenField(5, streamed), lenField(6, Wire.utf8("client")),
        lenField(7, options));

    PredictRequest parsed = PredictRequest.parseFrom(wire);
    PredictStreamedOptions so = parsed.getPredictStreamedOptions();
    assertEquals(PredictStreamedOptions.RequestState.SPLIT, so.getRequestState());
    assertEquals(0, so.getSplitDimensionsOrThrow("x"));
    assertTrue(so.getReturnSingleResponse());
    assertTrue(parsed.hasClientId());
    assertEquals(ByteString.copyFromUtf8("client"), parsed.getClientId());
    PredictRequest.RequestOptions ro = parsed.getRequestOptions();
    assertEquals(ByteString.copyFromUtf8("c1"), ro.getClientId());
    assertEquals(PredictRequest.RequestOptions.DeterministicMode.FIXED_DECODER_SLOT, ro.getDeterministicMode());
    assertTrue(ro.hasReturnAdditionalArraysFromPrefill());
    assertFalse(ro.getReturnAdditionalArraysFromPrefill());
    assertEquals(List.of(2L, 50256L), ro.getReturnStoptokensList());
    assertEquals(4096L, ro.getMaxCacheLength());
    assertTrue(ro.getReturnAllStoptokens());

    PredictRequest built = PredictRequest.newBuilder().setModelSpec(spec())
        .setPredictStreamedOptions(PredictStreamedOptions.newBuilder()
            .setRequestState(PredictStreamedOptions.RequestState.SPLIT)
            .putSplitDimensions("x", 0).setReturnSingleResponse(true))
        .setClientId(ByteString.copyFromUtf8("client"))
        .setRequestOptions(PredictRequest.RequestOptions.newBuilder()
            .setClientId(ByteString.copyFromUtf8("c1"))
            .setDeterministicMode(PredictRequest.RequestOptions.DeterministicMode.FIXED_DECODER_SLOT)
            .setReturnAdditionalArraysFromPrefill(false)
            .addAllReturnStoptokens(List.of(2L, 50256L))
            .setMaxCacheLength(4096)
            .setReturnAllStoptokens(true))
        .build();
    assertBytes(wire, built.toByteArray());
  }

  @Test
  void predictResponseOutputsAreField1AndModelSpecField2() throws Exception {
    byte[] wire = cat(
        mapEntry(1, stringField(1, "y"), lenField(2, TENSOR)),
        lenField(2, SPEC));

    PredictResponse parsed = PredictResponse.parseFrom(wire);
    assertEquals(List.of(1f, 2f, 5f), parsed.getOutputsOrThrow("y").getFloatValList());
    assertEquals(DataType.DT_FLOAT, parsed.getOutputsOrThrow("y").getDtype());
    assertEquals("half_plus_two", parsed.getModelSpec().getName());
    assertEquals(2L, parsed.getModelSpec().getVersion().getValue());

    PredictResponse built = PredictResponse.newBuilder().putOutputs("y", tensor()).setModelSpec(spec()).build();
    assertBytes(wire, built.toByteArray());
  }
}
