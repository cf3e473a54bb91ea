package io.inferlink.ovms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.InferenceException;
import io.inferlink.ServerException;
import io.inferlink.spi.support.JsonLimits;
import io.inferlink.tfserving.ModelVersionStatus;
import io.inferlink.transport.http.internal.ByteChunks;
import io.inferlink.transport.http.internal.HttpResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * OVMS's own documents: optional members read alike whether missing or {@code null}, within the one
 * JSON nesting limit.
 */
class OvmsJsonDocsTest {

  private static HttpResult ok(String json) {
    return HttpResult.of(200, Map.of(), ByteChunks.ofBytes(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void eachModelHasItsVersions() {
    String doc = "{\"m\": {\"model_version_status\": [{\"version\": \"1\", \"state\": \"AVAILABLE\", "
        + "\"status\": {\"error_code\": \"OK\", \"error_message\": \"\"}}]}}";
    assertEquals(1, OvmsJsonDocs.configStatus(ok(doc), "ovms").get("m").size());
  }

  @Test
  void configStatusSkipsNullModelsAndReadsNullMembersAsAbsent() {
    Map<String, List<ModelVersionStatus>> status = OvmsJsonDocs.configStatus(ok("{\"gone\":null,\"m\":"
        + "{\"model_version_status\":[{\"version\":\"3\",\"state\":\"AVAILABLE\",\"status\":{\"error_code\":null,"
        + "\"error_message\":null}}]}}"), "ovms-rest");
    assertEquals(Map.of("m", List.of(new ModelVersionStatus(3, ModelVersionStatus.State.AVAILABLE, "OK", ""))), status);
  }

  @Test
  void aModelWithANullStatusListIsMalformed() {
    assertThrows(InferenceException.class,
        () -> OvmsJsonDocs.configStatus(ok("{\"m\":{\"model_version_status\":null}}"), "ovms-rest"));
  }

  @Test
  void aNullObjectMemberIsNoOpenAiModelList() {
    assertFalse(OvmsJsonDocs.isOpenAiModelList(ok("{\"object\":null,\"data\":[]}")));
  }

  @Test
  void aDocumentNestedDeeperThanTheLimitIsMalformed() {
    String deep = "[".repeat(JsonLimits.MAX_NESTING_DEPTH) + "]".repeat(JsonLimits.MAX_NESTING_DEPTH);
    String doc = "{\"m\": {\"model_version_status\": [], \"extra\": " + deep + "}}";
    Throwable e = assertThrows(Throwable.class, () -> OvmsJsonDocs.configStatus(ok(doc), "ovms"));
    assertInstanceOf(ServerException.class, e, e::toString);
    assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
  }
}
