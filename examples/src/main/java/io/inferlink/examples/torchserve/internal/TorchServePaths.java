package io.inferlink.examples.torchserve.internal;

import io.inferlink.ModelRef;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The URLs of TorchServe's APIs. Model names and versions become single path segments with every byte
 * outside RFC 3986's unreserved set percent-encoded, so no name can add a segment or start a query.
 *
 * @param inference {@code http(s)://host:port[/base]} of the inference API
 * @param management {@code http(s)://host:port} of the management API
 */
record TorchServePaths(String inference, String management) {
  /** {@code POST /predictions/{model}[/{version}]}. */
  URI predictions(ModelRef model) {
    return URI.create(inference + "/predictions/" + modelSegments(model));
  }

  /** {@code GET /ping}: {@code {"status": "Healthy"}} with 200, or "Unhealthy" with 500. */
  URI ping() {
    return URI.create(inference + "/ping");
  }

  /** {@code GET /models/{model}[/{version}]} of the management API: the model's description. */
  URI describe(ModelRef model) {
    return URI.create(management + "/models/" + modelSegments(model));
  }

  private static String modelSegments(ModelRef model) {
    return segment(model.name()) + (model.hasVersion() ? "/" + segment(model.version()) : "");
  }

  /** Percent-encodes the UTF-8 bytes of all but {@code A-Z a-z 0-9 - . _ ~} (form encoding, corrected). */
  static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
  }
}
