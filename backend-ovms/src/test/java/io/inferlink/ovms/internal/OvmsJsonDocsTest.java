package io.inferlink.ovms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.inferlink.InferenceException;
import io.inferlink.tfserving.ModelVersionStatus;
import io.inferlink.transport.http.ByteChunks;
import io.inferlink.transport.http.HttpResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OVMS's own documents read optional members alike whether missing or {@code null}. */
class OvmsJsonDocsTest {

  private static HttpResult ok(String json) {
    return HttpResult.of(200, Map.of(), ByteChunks.ofBytes(json.getBytes(StandardCharsets.UTF_8)));
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
}
