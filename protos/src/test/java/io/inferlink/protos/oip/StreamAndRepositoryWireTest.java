package io.inferlink.protos.oip;

import io.inferlink.protos.wire.Wire;

import static io.inferlink.protos.wire.Wire.assertBytes;
import static io.inferlink.protos.wire.Wire.boolField;
import static io.inferlink.protos.wire.Wire.cat;
import static io.inferlink.protos.wire.Wire.lenField;
import static io.inferlink.protos.wire.Wire.mapEntry;
import static io.inferlink.protos.wire.Wire.packedVarints;
import static io.inferlink.protos.wire.Wire.stringField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.protos.internal.inference.InferTensorContents;
import io.inferlink.protos.internal.inference.ModelInferResponse;
import io.inferlink.protos.internal.inference.ModelStreamInferResponse;
import io.inferlink.protos.internal.inference.RepositoryModelLoadRequest;
import io.inferlink.protos.internal.inference.RepositoryModelLoadResponse;
import io.inferlink.protos.internal.inference.RepositoryModelUnloadRequest;
import io.inferlink.protos.internal.inference.RepositoryModelUnloadResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ModelStreamInferResponse (1 error_message, 2 infer_response) and the KServe-python repository messages. */
class StreamAndRepositoryWireTest {

  @Test
  void streamResponseCarryingAnInferResponse() throws Exception {
    byte[] inner = cat(stringField(1, "llm"), stringField(3, "s-1"),
        lenField(5, stringField(1, "tok"), stringField(2, "INT32"), packedVarints(3, 1), lenField(5, packedVarints(2, 42))));
    byte[] wire = lenField(2, inner);

    ModelStreamInferResponse parsed = ModelStreamInferResponse.parseFrom(wire);
    assertEquals("", parsed.getErrorMessage());
    assertTrue(parsed.hasInferResponse());
    ModelInferResponse r = parsed.getInferResponse();
    assertEquals("llm", r.getModelName());
    assertEquals("s-1", r.getId());
    assertEquals("tok", r.getOutputs(0).getName());
    assertEquals("INT32", r.getOutputs(0).getDatatype());
    assertEquals(List.of(1L), r.getOutputs(0).getShapeList());
    assertEquals(List.of(42), r.getOutputs(0).getContents().getIntContentsList());

    ModelStreamInferResponse built = ModelStreamInferResponse.newBuilder().setInferResponse(
        ModelInferResponse.newBuilder().setModelName("llm").setId("s-1")
            .addOutputs(ModelInferResponse.InferOutputTensor.newBuilder().setName("tok").setDatatype("INT32")
                .addShape(1).setContents(InferTensorContents.newBuilder().addIntContents(42))))
        .build();
    assertBytes(wire, built.toByteArray());
  }

  @Test
  void streamResponseCarryingAnError() throws Exception {
    byte[] wire = stringField(1, "model 'x' is not ready");

    ModelStreamInferResponse parsed = ModelStreamInferResponse.parseFrom(wire);
    assertEquals("model 'x' is not ready", parsed.getErrorMessage());
    assertFalse(parsed.hasInferResponse());

    assertBytes(wire, ModelStreamInferResponse.newBuilder().setErrorMessage("model 'x' is not ready").build()
        .toByteArray());
  }

  @Test
  void repositoryModelLoad() throws Exception {
    byte[] request = stringField(1, "resnet");
    assertEquals("resnet", RepositoryModelLoadRequest.parseFrom(request).getModelName());
    assertBytes(request, RepositoryModelLoadRequest.newBuilder().setModelName("resnet").build().toByteArray());

    byte[] response = cat(stringField(1, "resnet"), boolField(2, true));
    RepositoryModelLoadResponse parsed = RepositoryModelLoadResponse.parseFrom(response);
    assertEquals("resnet", parsed.getModelName());
    assertTrue(parsed.getIsLoaded());
    assertBytes(response, RepositoryModelLoadResponse.newBuilder().setModelName("resnet").setIsLoaded(true).build()
        .toByteArray());
  }

  @Test
  void repositoryModelUnload() throws Exception {
    byte[] request = stringField(1, "resnet");
    assertEquals("resnet", RepositoryModelUnloadRequest.parseFrom(request).getModelName());
    assertBytes(request, RepositoryModelUnloadRequest.newBuilder().setModelName("resnet").build().toByteArray());

    byte[] response = cat(stringField(1, "resnet"), boolField(2, true));
    RepositoryModelUnloadResponse parsed = RepositoryModelUnloadResponse.parseFrom(response);
    assertEquals("resnet", parsed.getModelName());
    assertTrue(parsed.getIsUnloaded());
    assertBytes(response, RepositoryModelUnloadResponse.newBuilder().setModelName("resnet").setIsUnloaded(true)
        .build().toByteArray());
  }

  @Test
  void tritonsRepositoryRequestIsMisreadByTheKserveMessage() throws Exception {
    // Triton's load request: repository_name = 1, model_name = 2, parameters = 3 (a map). The bytes still parse as
    // the KServe message, but its model_name then holds Triton's repository name: the two are wire-incompatible.
    byte[] triton = cat(stringField(1, "repo-a"), stringField(2, "resnet"),
        mapEntry(3, stringField(1, "config"), lenField(2, stringField(3, "{}"))));
    RepositoryModelLoadRequest misread = RepositoryModelLoadRequest.parseFrom(triton);
    assertEquals("repo-a", misread.getModelName());
    assertEquals(List.of(2, 3), List.copyOf(misread.getUnknownFields().asMap().keySet()));
  }
}
