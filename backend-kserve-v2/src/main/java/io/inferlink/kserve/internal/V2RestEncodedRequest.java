package io.inferlink.kserve.internal;

import io.inferlink.transport.http.internal.RequestBody;
import java.util.OptionalLong;

/**
 * An encoded V2 infer request. Immutable and thread-safe as long as the request's tensors are.
 *
 * @param body the JSON header followed by the binary tensors, if any (the tensors' own buffers)
 * @param headerLength the byte length of the JSON header
 * @param binary whether any tensor travels binary
 * @param contentType {@code application/json}, or {@code application/octet-stream} with binary data
 */
record V2RestEncodedRequest(RequestBody body, long headerLength, boolean binary, String contentType) {
  /** The {@code Inference-Header-Content-Length} header name. */
  static final String HEADER_LENGTH_HEADER = "Inference-Header-Content-Length";

  /** The value of {@code Inference-Header-Content-Length}: present only when binary data follows the JSON. */
  OptionalLong inferenceHeaderContentLength() {
    return binary ? OptionalLong.of(headerLength) : OptionalLong.empty();
  }
}
