package io.inferlink.tfserving.rest.internal;

import io.inferlink.transport.http.internal.ByteChunks;
import io.inferlink.transport.http.internal.HttpResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** HTTP answers made by hand, for decoding tests that need no server. */
final class TestHttpResults {
  private TestHttpResults() {}

  static HttpResult of(int status, String jsonBody) {
    return HttpResult.of(status, Map.of("content-type", List.of("application/json")),
        ByteChunks.ofBytes(jsonBody.getBytes(StandardCharsets.UTF_8)));
  }
}
