package io.inferlink.protos.tfserving;

import io.inferlink.protos.wire.Wire;

import static io.inferlink.protos.wire.Wire.assertBytes;
import static io.inferlink.protos.wire.Wire.bytes;
import static io.inferlink.protos.wire.Wire.cat;
import static io.inferlink.protos.wire.Wire.lenField;
import static io.inferlink.protos.wire.Wire.mapEntry;
import static io.inferlink.protos.wire.Wire.packedFloats;
import static io.inferlink.protos.wire.Wire.stringField;
import static io.inferlink.protos.wire.Wire.varintField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.inferlink.protos.internal.tensorflow.DataType;
import io.inferlink.protos.internal.tensorflow.SignatureDef;
import io.inferlink.protos.internal.tensorflow.TensorInfo;
import io.inferlink.protos.internal.tensorflow.TensorProto;
import io.inferlink.protos.internal.tensorflow.TensorShapeProto;
import io.inferlink.protos.internal.tensorflow.serving.GetModelMetadataRequest;
import io.inferlink.protos.internal.tensorflow.serving.GetModelMetadataResponse;
import io.inferlink.protos.internal.tensorflow.serving.ModelSpec;
import io.inferlink.protos.internal.tensorflow.serving.SignatureDefMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GetModelMetadataRequest/Response, the Any(SignatureDefMap) payload and SignatureDef / TensorInfo
 * (TensorInfo: name 1, dtype 2, tensor_shape 3, coo_sparse 4, composite_tensor 5; SignatureDef:
 * inputs 1, outputs 2, method_name 3, defaults 4).
 */
class ModelMetadataWireTest {

  static final String TYPE_URL = "type.googleapis.com/tensorflow.serving.SignatureDefMap";

  /** Shape [-1, n]. */
  static byte[] shapeBytes(long n) {
    return cat(lenField(2, varintField(1, -1)), lenField(2, varintField(1, n)));
  }

  static TensorShapeProto shape(long n) {
    return TensorShapeProto.newBuilder()
        .addDim(TensorShapeProto.Dim.newBuilder().setSize(-1))
        .addDim(TensorShapeProto.Dim.newBuilder().setSize(n)).build();
  }

  /** SignatureDef{inputs {x: x:0 float [-1,3]}, outputs {y: y:0 float [-1,1]}, predict, defaults {x: [0.5]}}. */
  static final byte[] SIGNATURE = cat(
      mapEntry(1, stringField(1, "x"),
          lenField(2, stringField(1, "x:0"), varintField(2, 1), lenField(3, shapeBytes(3)))),
      mapEntry(2, stringField(1, "y"),
          lenField(2, stringField(1, "y:0"), varintField(2, 1), lenField(3, shapeBytes(1)))),
      stringField(3, "tensorflow/serving/predict"),
      mapEntry(4, stringField(1, "x"), lenField(2, varintField(1, 1), packedFloats(5, 0.5f))));

  static SignatureDef signature() {
    return SignatureDef.newBuilder()
        .putInputs("x", TensorInfo.newBuilder().setName("x:0").setDtype(DataType.DT_FLOAT)
            .setTensorShape(shape(3)).build())
        .putOutputs("y", TensorInfo.newBuilder().setName("y:0").setDtype(DataType.DT_FLOAT)
            .setTensorShape(shape(1)).build())
        .setMethodName("tensorflow/serving/predict")
        .putDefaults("x", TensorProto.newBuilder().setDtype(DataType.DT_FLOAT).addFloatVal(0.5f).build())
        .build();
  }

  /** SignatureDefMap{signature_def {"serving_default": SIGNATURE}}. */
  static final byte[] SIGNATURE_MAP = mapEntry(1, stringField(1, "serving_default"), lenField(2, SIGNATURE));

  static final byte[] SPEC = cat(stringField(1, "m"), lenField(2, varintField(1, 5)));

  @Test
  void requestAsksForSignatureDef() throws Exception {
    byte[] wire = cat(lenField(1, stringField(1, "m")), stringField(2, "signature_def"));
    GetModelMetadataRequest parsed = GetModelMetadataRequest.parseFrom(wire);
    assertEquals("m", parsed.getModelSpec().getName());
    assertEquals(List.of("signature_def"), parsed.getMetadataFieldList());
    assertBytes(wire, GetModelMetadataRequest.newBuilder()
        .setModelSpec(ModelSpec.newBuilder().setName("m")).addMetadataField("signature_def")
        .build().toByteArray());
  }

  @Test
  void signatureDefAndTensorInfoFields() throws Exception {
    SignatureDef parsed = SignatureDef.parseFrom(SIGNATURE);
    TensorInfo x = parsed.getInputsOrThrow("x");
    assertEquals(TensorInfo.EncodingCase.NAME, x.getEncodingCase());
    assertEquals("x:0", x.getName());
    assertEquals(DataType.DT_FLOAT, x.getDtype());
    assertEquals(List.of(-1L, 3L), List.of(x.getTensorShape().getDim(0).getSize(), x.getTensorShape().getDim(1).getSize()));
    TensorInfo y = parsed.getOutputsOrThrow("y");
    assertEquals("y:0", y.getName());
    assertEquals(1L, y.getTensorShape().getDim(1).getSize());
    assertEquals("tensorflow/serving/predict", parsed.getMethodName());
    assertEquals(List.of(0.5f), parsed.getDefaultsOrThrow("x").getFloatValList());
    assertBytes(SIGNATURE, signature().toByteArray());
  }

  @Test
  void responseCarriesAnyOfSignatureDefMapWithItsTypeUrl() throws Exception {
    byte[] any = cat(stringField(1, TYPE_URL), lenField(2, SIGNATURE_MAP));
    byte[] wire = cat(lenField(1, SPEC), mapEntry(2, stringField(1, "signature_def"), lenField(2, any)));

    GetModelMetadataResponse parsed = GetModelMetadataResponse.parseFrom(wire);
    assertEquals("m", parsed.getModelSpec().getName());
    assertEquals(5L, parsed.getModelSpec().getVersion().getValue());
    Any packed = parsed.getMetadataOrThrow("signature_def");
    assertEquals(TYPE_URL, packed.getTypeUrl());
    assertTrue(packed.is(SignatureDefMap.class));
    SignatureDefMap map = packed.unpack(SignatureDefMap.class);
    assertEquals(signature(), map.getSignatureDefOrThrow("serving_default"));

    SignatureDefMap builtMap = SignatureDefMap.newBuilder().putSignatureDef("serving_default", signature()).build();
    assertEquals(TYPE_URL, Any.pack(builtMap).getTypeUrl());
    GetModelMetadataResponse built = GetModelMetadataResponse.newBuilder()
        .setModelSpec(ModelSpec.newBuilder().setName("m").setVersion(com.google.protobuf.Int64Value.of(5)))
        .putMetadata("signature_def", Any.pack(builtMap)).build();
    assertBytes(wire, built.toByteArray());
  }

  @Test
  void tensorInfoSparseAndCompositeEncodings() throws Exception {
    byte[] coo = cat(varintField(2, 9), lenField(4,
        stringField(1, "values:0"), stringField(2, "indices:0"), stringField(3, "shape:0")));
    TensorInfo parsedCoo = TensorInfo.parseFrom(coo);
    assertEquals(TensorInfo.EncodingCase.COO_SPARSE, parsedCoo.getEncodingCase());
    assertEquals(DataType.DT_INT64, parsedCoo.getDtype());
    assertEquals("values:0", parsedCoo.getCooSparse().getValuesTensorName());
    assertEquals("indices:0", parsedCoo.getCooSparse().getIndicesTensorName());
    assertEquals("shape:0", parsedCoo.getCooSparse().getDenseShapeTensorName());
    assertBytes(coo, TensorInfo.newBuilder().setDtype(DataType.DT_INT64)
        .setCooSparse(TensorInfo.CooSparse.newBuilder().setValuesTensorName("values:0")
            .setIndicesTensorName("indices:0").setDenseShapeTensorName("shape:0"))
        .build().toByteArray());

    // type_spec is an encoded TypeSpecProto upstream; we keep its bytes as they are.
    byte[] typeSpec = bytes(0x08, 0x07, 0x12, 0x00);
    byte[] composite = lenField(5, lenField(1, typeSpec), lenField(2, stringField(1, "rt/values:0"), varintField(2, 1)));
    TensorInfo parsedComposite = TensorInfo.parseFrom(composite);
    assertEquals(TensorInfo.EncodingCase.COMPOSITE_TENSOR, parsedComposite.getEncodingCase());
    assertEquals(ByteString.copyFrom(typeSpec), parsedComposite.getCompositeTensor().getTypeSpec());
    assertEquals("rt/values:0", parsedComposite.getCompositeTensor().getComponents(0).getName());
    assertEquals(DataType.DT_FLOAT, parsedComposite.getCompositeTensor().getComponents(0).getDtype());
    assertBytes(composite, TensorInfo.newBuilder()
        .setCompositeTensor(TensorInfo.CompositeTensor.newBuilder().setTypeSpec(ByteString.copyFrom(typeSpec))
            .addComponents(TensorInfo.newBuilder().setName("rt/values:0").setDtype(DataType.DT_FLOAT)))
        .build().toByteArray());
  }
}
