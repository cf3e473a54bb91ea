package io.inferlink.examples.torchserve.internal;

import io.inferlink.ModelRef;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The URLs of TorchServe's inference and management APIs. Model names and versions become single
 * path segments with every byte outside RFC 3986's unreserved set percent-encoded, so no name can
 * add a segment, climb with {@code ..} or start a query. Immutable and thread-safe.
 *
 * @param inference {@code http(s)://host:port[/base]} of the inference API
 * @param management {@code http(s)://host:port[/base]} of the management API
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
    return model.hasVersion() ? segment(model.name()) + "/" + segment(model.version()) : segment(model.name());
  }

  /** Percent-encodes everything but {@code A-Z a-z 0-9 - . _ ~}, byte by byte of the UTF-8 form. */
  static String segment(String text) {
    StringBuilder sb = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~';
      if (unreserved) {
        sb.append(c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xf, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }
}
