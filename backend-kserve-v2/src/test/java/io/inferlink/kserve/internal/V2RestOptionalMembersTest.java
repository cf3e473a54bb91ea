package io.inferlink.kserve.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DataType;
import io.inferlink.ModelMetadata;
import io.inferlink.ServerMetadata;
import io.inferlink.TensorSpec;
import io.inferlink.kserve.ModelIndexEntry;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.transport.http.internal.ByteChunks;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Optional members of every V2 REST document are read alike whether missing or {@code null} (KServe's
 * Python server writes {@code null} for unset members, e.g. a model without a version); required ones
 * that are {@code null} are reported as missing.
 */
class V2RestOptionalMembersTest {

  private static ByteChunks body(String json) {
    return ByteChunks.ofBytes(json.getBytes(StandardCharsets.UTF_8));
  }

  private static V2RestDecodedResponse infer(String json) {
    return V2RestResponseReader.read(body(json), OptionalLong.empty());
  }

  @Test
  void kserveAnswerOfAnUnversionedModelIsRead() {
    // Byte for byte what KServe 0.21.0 answers for a kserve.Model without a version.
    V2RestDecodedResponse d = infer("{\"model_name\":\"m\",\"model_version\":null,\"id\":\"abc\",\"parameters\":null,"
        + "\"outputs\":[{\"name\":\"y\",\"shape\":[2],\"datatype\":\"FP32\",\"parameters\":null,\"data\":[1.0,2.0]}]}");
    assertEquals("m", d.response().modelName());
    assertNull(d.response().modelVersion());
    assertEquals("abc", d.response().id());
    assertEquals(Map.of(), d.response().parameters());
    assertEquals(Map.of(), d.outputParameters());
    assertArrayEquals(new float[] {1f, 2f}, d.response().output("y").toFloatArray());
  }

  @Test
  void everyOptionalMemberOfAnInferAnswerMayBeNullOrMissing() {
    String nulls = "{\"model_name\":null,\"model_version\":null,\"id\":null,\"parameters\":null,\"outputs\":["
        + "{\"name\":\"o\",\"shape\":[1],\"datatype\":\"INT8\",\"parameters\":null,\"data\":[7]}]}";
    String missing = "{\"outputs\":[{\"name\":\"o\",\"shape\":[1],\"datatype\":\"INT8\",\"data\":[7]}]}";
    for (String json : List.of(nulls, missing)) {
      V2RestDecodedResponse d = infer(json);
      assertNull(d.response().modelName(), json);
      assertNull(d.response().modelVersion(), json);
      assertNull(d.response().id(), json);
      assertEquals(Map.of(), d.response().parameters(), json);
      assertEquals(7, d.response().output("o").toByteArray()[0], json);
    }
  }

  @Test
  void aNullParameterIsNoParameterAtEitherLevel() {
    V2RestDecodedResponse d = infer("{\"parameters\":{\"a\":null,\"b\":1},\"outputs\":[{\"name\":\"o\",\"shape\":[0],"
        + "\"datatype\":\"FP32\",\"parameters\":{\"content_type\":null,\"k\":\"v\"},\"data\":[]}]}");
    assertEquals(Map.of("b", 1L), d.response().parameters());
    assertEquals(Map.of("o", Map.of("k", "v")), d.outputParameters());
  }

  @Test
  void aNullDataOfAnEmptyTensorIsNoData() {
    assertEquals(0, infer("{\"outputs\":[{\"name\":\"o\",\"shape\":[0],\"datatype\":\"FP32\",\"data\":null}]}")
        .response().output("o").elementCount());
  }

  static Stream<Arguments> requiredMembersThatAreNull() {
    String o = "{\"outputs\":[{%s}]}";
    return Stream.of(
        Arguments.of("outputs", "{\"model_name\":\"m\",\"outputs\":null}", "no 'outputs'"),
        Arguments.of("name", String.format(o, "\"name\":null,\"shape\":[1],\"datatype\":\"INT8\",\"data\":[1]"), "lacks"),
        Arguments.of("datatype", String.format(o, "\"name\":\"o\",\"shape\":[1],\"datatype\":null,\"data\":[1]"), "lacks"),
        Arguments.of("shape", String.format(o, "\"name\":\"o\",\"shape\":null,\"datatype\":\"INT8\",\"data\":[1]"), "lacks"),
        Arguments.of("data", String.format(o, "\"name\":\"o\",\"shape\":[1],\"datatype\":\"INT8\",\"data\":null"),
            "neither 'data'"),
        Arguments.of("a value in data", String.format(o, "\"name\":\"o\",\"shape\":[1],\"datatype\":\"INT8\",\"data\":[null]"),
            "not a INT8 value"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requiredMembersThatAreNull")
  void aRequiredMemberThatIsNullIsMissing(String member, String json, String message) {
    MalformedAnswerException e = assertThrows(MalformedAnswerException.class, () -> infer(json), member);
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void modelMetadataWithNullVersionsAndPlatformIsRead() {
    // KServe 0.21.0's answer for a model without a version, with a tensor list added.
    ModelMetadata m = V2RestDocs.model(body("{\"name\":\"m\",\"versions\":null,\"platform\":null,"
        + "\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[-1,4],\"parameters\":null}],\"outputs\":null}"));
    assertEquals(new ModelMetadata("m", List.of(), "", List.of(new TensorSpec("x", DataType.FP32, new long[] {-1, 4})),
        List.of()), m);
    assertEquals(new ModelMetadata("m", List.of(), "", List.of(), List.of()), V2RestDocs.model(body("{\"name\":\"m\"}")));
  }

  @Test
  void modelMetadataWithoutARequiredMemberIsMalformed() {
    for (String json : List.of("{\"name\":null}", "{\"name\":\"m\",\"inputs\":[{\"name\":null,\"datatype\":\"FP32\",\"shape\":[1]}]}",
        "{\"name\":\"m\",\"inputs\":[{\"name\":\"x\",\"datatype\":null,\"shape\":[1]}]}",
        "{\"name\":\"m\",\"outputs\":[{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":null}]}",
        "{\"name\":\"m\",\"outputs\":[{\"name\":\"x\",\"datatype\":\"FP32\"}]}",
        "{\"name\":\"m\",\"outputs\":[null]}", "{\"name\":\"m\",\"versions\":\"1\"}")) {
      assertThrows(MalformedAnswerException.class, () -> V2RestDocs.model(body(json)), json);
    }
  }

  @Test
  void serverMetadataWithNullMembersIsRead() {
    assertEquals(new ServerMetadata("kserve", "", List.of()),
        V2RestDocs.server(body("{\"name\":\"kserve\",\"version\":null,\"extensions\":null}")));
    assertEquals(new ServerMetadata("kserve", "", List.of()), V2RestDocs.server(body("{\"name\":\"kserve\"}")));
    assertEquals(new ServerMetadata("triton", "2.51.0", List.of("binary_tensor_data")),
        V2RestDocs.server(body("{\"name\":\"triton\",\"version\":\"2.51.0\",\"extensions\":[null,\"binary_tensor_data\"]}")));
  }

  @Test
  void repositoryIndexWithNullMembersIsRead() {
    assertEquals(List.of(new ModelIndexEntry("a", "", "", ""), new ModelIndexEntry("b", "1", "READY", "")),
        V2RestRepositoryDocs.tritonIndex(body("[{\"name\":\"a\",\"version\":null,\"state\":null,\"reason\":null},"
            + "{\"name\":\"b\",\"version\":1,\"state\":\"READY\"}]")));
    assertThrows(MalformedAnswerException.class, () -> V2RestRepositoryDocs.tritonIndex(body("[{\"name\":null}]")));
    assertThrows(MalformedAnswerException.class, () -> V2RestRepositoryDocs.kserveModels(body("{\"models\":null}")));
  }
}
