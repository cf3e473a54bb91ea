package io.inferlink.protos.oip;

import io.inferlink.protos.wire.Wire;

import static io.inferlink.protos.wire.Wire.assertBytes;
import static io.inferlink.protos.wire.Wire.cat;
import static io.inferlink.protos.wire.Wire.lenField;
import static io.inferlink.protos.wire.Wire.packedVarints;
import static io.inferlink.protos.wire.Wire.stringField;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inferlink.protos.internal.inference.ModelMetadataRequest;
import io.inferlink.protos.internal.inference.ModelMetadataResponse;
import io.inferlink.protos.internal.inference.ServerMetadataRequest;
import io.inferlink.protos.internal.inference.ServerMetadataResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ServerMetadata (response 1 name, 2 version, 3 extensions) and ModelMetadata (request 1-2, response 1-5). */
class MetadataWireTest {

  @Test
  void serverMetadataRequestIsEmpty() throws Exception {
    assertEquals(0, ServerMetadataRequest.getDefaultInstance().toByteArray().length);
    assertEquals(0, ServerMetadataRequest.getDescriptor().getFields().size());
  }

  @Test
  void serverMetadataResponse() throws Exception {
    byte[] wire = cat(stringField(1, "triton"), stringField(2, "2.50.0"),
        stringField(3, "classification"), stringField(3, "binary_tensor_data"));

    ServerMetadataResponse parsed = ServerMetadataResponse.parseFrom(wire);
    assertEquals("triton", parsed.getName());
    assertEquals("2.50.0", parsed.getVersion());
    assertEquals(List.of("classification", "binary_tensor_data"), parsed.getExtensionsList());

    ServerMetadataResponse built = ServerMetadataResponse.newBuilder().setName("triton").setVersion("2.50.0")
        .addExtensions("classification").addExtensions("binary_tensor_data").build();
    assertBytes(wire, built.toByteArray());
  }

  @Test
  void modelMetadataRequest() throws Exception {
    byte[] wire = cat(stringField(1, "resnet"), stringField(2, "7"));

    ModelMetadataRequest parsed = ModelMetadataRequest.parseFrom(wire);
    assertEquals("resnet", parsed.getName());
    assertEquals("7", parsed.getVersion());

    assertBytes(wire, ModelMetadataRequest.newBuilder().setName("resnet").setVersion("7").build().toByteArray());
  }

  @Test
  void modelMetadataResponseWithTensorMetadata() throws Exception {
    byte[] input = cat(stringField(1, "image"), stringField(2, "FP32"), packedVarints(3, -1, 224, 224, 3));
    byte[] output0 = cat(stringField(1, "probs"), stringField(2, "FP32"), packedVarints(3, -1, 1000));
    byte[] output1 = cat(stringField(1, "label"), stringField(2, "BYTES"), packedVarints(3, -1));
    byte[] wire = cat(stringField(1, "resnet"), stringField(2, "1"), stringField(2, "7"),
        stringField(3, "onnxruntime_onnx"), lenField(4, input), lenField(5, output0), lenField(5, output1));

    ModelMetadataResponse parsed = ModelMetadataResponse.parseFrom(wire);
    assertEquals("resnet", parsed.getName());
    assertEquals(List.of("1", "7"), parsed.getVersionsList());
    assertEquals("onnxruntime_onnx", parsed.getPlatform());
    assertEquals(1, parsed.getInputsCount());
    ModelMetadataResponse.TensorMetadata image = parsed.getInputs(0);
    assertEquals("image", image.getName());
    assertEquals("FP32", image.getDatatype());
    assertEquals(List.of(-1L, 224L, 224L, 3L), image.getShapeList());
    assertEquals(2, parsed.getOutputsCount());
    assertEquals("probs", parsed.getOutputs(0).getName());
    assertEquals("FP32", parsed.getOutputs(0).getDatatype());
    assertEquals(List.of(-1L, 1000L), parsed.getOutputs(0).getShapeList());
    assertEquals("label", parsed.getOutputs(1).getName());
    assertEquals("BYTES", parsed.getOutputs(1).getDatatype());
    assertEquals(List.of(-1L), parsed.getOutputs(1).getShapeList());

    ModelMetadataResponse built = ModelMetadataResponse.newBuilder().setName("resnet").addVersions("1")
        .addVersions("7").setPlatform("onnxruntime_onnx")
        .addInputs(ModelMetadataResponse.TensorMetadata.newBuilder().setName("image").setDatatype("FP32")
            .addAllShape(List.of(-1L, 224L, 224L, 3L)))
        .addOutputs(ModelMetadataResponse.TensorMetadata.newBuilder().setName("probs").setDatatype("FP32")
            .addAllShape(List.of(-1L, 1000L)))
        .addOutputs(ModelMetadataResponse.TensorMetadata.newBuilder().setName("label").setDatatype("BYTES")
            .addShape(-1L))
        .build();
    assertBytes(wire, built.toByteArray());
  }
}
