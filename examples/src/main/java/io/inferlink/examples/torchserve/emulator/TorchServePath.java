package io.inferlink.examples.torchserve.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A request path split into decoded segments, as TorchServe's Netty frontend splits
 * {@code /predictions/{model}/{version}} on '/'. Immutable.
 *
 * @param segments the decoded segments, without the empty one before the leading '/'
 */
record TorchServePath(List<String> segments) {

  static TorchServePath parse(String rawPath) {
    List<String> out = new ArrayList<>();
    for (String s : rawPath.split("/")) {
      if (!s.isEmpty()) {
        try {
          out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          throw TorchServeError.resourceNotFound();
        }
      }
    }
    return new TorchServePath(List.copyOf(out));
  }

  /** True when the path is {@code first} followed by between {@code min} and {@code max} more segments. */
  boolean is(String first, int min, int max) {
    return !segments.isEmpty() && segments.get(0).equals(first) && segments.size() - 1 >= min
        && segments.size() - 1 <= max;
  }

  /** The segment at {@code index}, or {@code null}. */
  String at(int index) {
    return index < segments.size() ? segments.get(index) : null;
  }
}
