package io.inferlink.ovms.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.spi.support.JsonLimits;
import io.inferlink.spi.support.Errors;
import io.inferlink.tfserving.ModelVersionStatus;
import io.inferlink.tfserving.internal.StatusReader;
import io.inferlink.transport.http.internal.HttpResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OVMS's own small JSON documents: the configuration status ({@code {"<model>": {"model_version_status":
 * [...]}}}, each entry TF Serving's status document) and the probe of {@code /v1/models}. A document
 * that is not what OVMS writes fails as a malformed answer; {@code null} members are absent ones.
 * Stateless and thread-safe.
 */
final class OvmsJsonDocs {
  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(JsonLimits.MAX_NESTING_DEPTH).build())
      .build());

  private OvmsJsonDocs() {}

  static Map<String, List<ModelVersionStatus>> configStatus(HttpResult http, String provider) {
    JsonNode doc = tree(http, "configuration status", provider);
    if (!doc.isObject()) {
      throw malformed(http, "the configuration status is not a JSON object", provider, null);
    }
    Map<String, List<ModelVersionStatus>> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> model : doc.properties()) {
      if (model.getValue().isNull()) {
        continue; // a null member is an absent one, as in every reader of the KServe and TF Serving documents
      }
      try {
        out.put(model.getKey(), StatusReader.read(model.getValue()));
      } catch (RuntimeException e) {
        throw malformed(http, "model '" + model.getKey() + "': " + e.getMessage(), provider, e);
      }
    }
    return out;
  }

  /** Whether {@code /v1/models} answered an OpenAI-style list ({@code "object": "list"}). */
  static boolean isOpenAiModelList(HttpResult http) {
    if (!http.isSuccess()) {
      return false;
    }
    try (InputStream in = http.body().newInputStream()) {
      JsonNode doc = MAPPER.readTree(in);
      return doc != null && doc.isObject() && "list".equals(doc.path("object").asText(null)) && doc.has("data");
    } catch (IOException e) {
      return false;
    }
  }

  private static JsonNode tree(HttpResult http, String what, String provider) {
    try (InputStream in = http.body().newInputStream()) {
      JsonNode doc = MAPPER.readTree(in);
      if (doc == null || doc.isMissingNode()) {
        throw malformed(http, "the " + what + " is empty", provider, null);
      }
      return doc;
    } catch (IOException e) {
      throw malformed(http, "the " + what + " is not valid JSON: " + e.getMessage(), provider, e);
    }
  }

  static InferenceException malformed(HttpResult http, String why, String provider, Throwable cause) {
    return Errors.create(new InferenceException.Details(ErrorCode.UNKNOWN)
        .message("the server's answer is not what OVMS sends: " + why)
        .httpStatus(http.status()).provider(provider).cause(cause));
  }
}
