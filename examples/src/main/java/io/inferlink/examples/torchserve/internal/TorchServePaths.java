package io.inferlink.examples.torchserve.internal;

import io.inferlink.ModelRef;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * TorchServe's URLs from the inference and management bases ({@code http(s)://host:port[/base]}); names
 * are percent-encoded single segments, so none can add a segment or start a query.
 */
record TorchServePaths(String inference, String management) {
  /** {@code POST /predictions/{model}[/{version}]}. */
  URI predictions(ModelRef model) {
    return URI.create(inference + "/predictions/" + segments(model));
  }

  /** {@code GET /ping}: {@code {"status": "Healthy"}} with 200, or "Unhealthy" with 500. */
  URI ping() {
    return URI.create(inference + "/ping");
  }

  /** {@code GET /models/{model}[/{version}]} of the management API: the model's description. */
  URI describe(ModelRef model) {
    return URI.create(management + "/models/" + segments(model));
  }

  private static String segments(ModelRef model) {
    return segment(model.name()) + (model.hasVersion() ? "/" + segment(model.version()) : "");
  }

  /** Form encoding corrected to RFC 3986: only {@code A-Z a-z 0-9 - . _ ~} stay as they are. */
  static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
  }
}
