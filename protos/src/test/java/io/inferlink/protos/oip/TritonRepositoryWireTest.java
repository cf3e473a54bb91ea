package io.inferlink.protos.oip;

import static io.inferlink.protos.wire.Wire.assertBytes;
import static io.inferlink.protos.wire.Wire.boolField;
import static io.inferlink.protos.wire.Wire.cat;
import static io.inferlink.protos.wire.Wire.lenField;
import static io.inferlink.protos.wire.Wire.mapEntry;
import static io.inferlink.protos.wire.Wire.stringField;
import static io.inferlink.protos.wire.Wire.varintField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.protos.internal.inference.RepositoryModelLoadResponse;
import io.inferlink.protos.internal.inference.TritonModelRepositoryParameter;
import io.inferlink.protos.internal.inference.TritonRepositoryIndexRequest;
import io.inferlink.protos.internal.inference.TritonRepositoryIndexResponse;
import io.inferlink.protos.internal.inference.TritonRepositoryIndexResponse.ModelIndex;
import io.inferlink.protos.internal.inference.TritonRepositoryModelLoadRequest;
import io.inferlink.protos.internal.inference.TritonRepositoryModelLoadResponse;
import io.inferlink.protos.internal.inference.TritonRepositoryModelUnloadRequest;
import io.inferlink.protos.internal.inference.TritonRepositoryModelUnloadResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Triton's model repository messages (extension_model_repository.md, section GRPC): RepositoryIndexRequest
 * (1 repository_name, 2 ready), RepositoryIndexResponse (1 models; ModelIndex 1 name, 2 version, 3 state,
 * 4 reason), RepositoryModelLoadRequest / RepositoryModelUnloadRequest (1 repository_name, 2 model_name,
 * 3 parameters) with ModelRepositoryParameter (1 bool, 2 int64, 3 string), and empty responses.
 */
class TritonRepositoryWireTest {

  @Test
  void indexRequest() throws Exception {
    byte[] wire = cat(stringField(1, "repo-a"), boolField(2, true));
    TritonRepositoryIndexRequest parsed = TritonRepositoryIndexRequest.parseFrom(wire);
    assertEquals("repo-a", parsed.getRepositoryName());
    assertTrue(parsed.getReady());
    assertBytes(wire, TritonRepositoryIndexRequest.newBuilder().setRepositoryName("repo-a").setReady(true).build()
        .toByteArray());
    // The usual request: every repository, every model; all defaults, so no bytes at all.
    assertEquals(0, TritonRepositoryIndexRequest.getDefaultInstance().toByteArray().length);
  }

  @Test
  void indexResponse() throws Exception {
    byte[] wire = cat(
        lenField(1, stringField(1, "resnet"), stringField(2, "1"), stringField(3, "READY")),
        lenField(1, stringField(1, "bert"), stringField(2, "3"), stringField(3, "UNAVAILABLE"),
            stringField(4, "unloaded")));
    TritonRepositoryIndexResponse parsed = TritonRepositoryIndexResponse.parseFrom(wire);
    assertEquals(List.of(
        ModelIndex.newBuilder().setName("resnet").setVersion("1").setState("READY").build(),
        ModelIndex.newBuilder().setName("bert").setVersion("3").setState("UNAVAILABLE").setReason("unloaded").build()),
        parsed.getModelsList());
    assertBytes(wire, parsed.toBuilder().build().toByteArray());
  }

  @Test
  void loadRequestWithEveryParameterKind() throws Exception {
    byte[] wire = cat(
        stringField(2, "resnet"),
        mapEntry(3, stringField(1, "config"), lenField(2, stringField(3, "{}"))));
    TritonRepositoryModelLoadRequest parsed = TritonRepositoryModelLoadRequest.parseFrom(wire);
    assertEquals("", parsed.getRepositoryName());
    assertEquals("resnet", parsed.getModelName());
    assertEquals("{}", parsed.getParametersOrThrow("config").getStringParam());
    assertBytes(wire, TritonRepositoryModelLoadRequest.newBuilder().setModelName("resnet")
        .putParameters("config", TritonModelRepositoryParameter.newBuilder().setStringParam("{}").build())
        .build().toByteArray());

    byte[] kinds = cat(
        mapEntry(3, stringField(1, "b"), lenField(2, varintField(1, 1))),
        mapEntry(3, stringField(1, "i"), lenField(2, varintField(2, 42))));
    TritonRepositoryModelLoadRequest k = TritonRepositoryModelLoadRequest.parseFrom(kinds);
    assertTrue(k.getParametersOrThrow("b").getBoolParam());
    assertEquals(42, k.getParametersOrThrow("i").getInt64Param());
  }

  @Test
  void unloadRequest() throws Exception {
    byte[] wire = cat(stringField(1, "repo-a"), stringField(2, "resnet"),
        mapEntry(3, stringField(1, "unload_dependents"), lenField(2, varintField(1, 1))));
    TritonRepositoryModelUnloadRequest parsed = TritonRepositoryModelUnloadRequest.parseFrom(wire);
    assertEquals("repo-a", parsed.getRepositoryName());
    assertEquals("resnet", parsed.getModelName());
    assertTrue(parsed.getParametersOrThrow("unload_dependents").getBoolParam());
    assertBytes(wire, parsed.toBuilder().build().toByteArray());
  }

  @Test
  void responsesAreEmpty() throws Exception {
    assertEquals(0, TritonRepositoryModelLoadResponse.getDefaultInstance().toByteArray().length);
    assertEquals(0, TritonRepositoryModelUnloadResponse.getDefaultInstance().toByteArray().length);
    // A KServe answer read as Triton's empty response is not an error: the fields stay unknown.
    byte[] kserve = cat(stringField(1, "resnet"), boolField(2, true));
    assertEquals(List.of(1, 2), List.copyOf(
        TritonRepositoryModelLoadResponse.parseFrom(kserve).getUnknownFields().asMap().keySet()));
    // ...and Triton's empty answer read as KServe's says "not loaded": the variants must not be mixed up.
    assertEquals(false, RepositoryModelLoadResponse.parseFrom(new byte[0]).getIsLoaded());
  }
}
