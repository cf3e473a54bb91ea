package io.inferlink.micrometer;

import io.inferlink.InferenceResponse;
import io.inferlink.Tensor;
import io.inferlink.interceptor.InferenceCall;
import java.util.Collection;

/**
 * Payload sizes as the tensors' own byte counts ({@link Tensor#byteSize()}), read from their metadata
 * without touching the data. Tensor bytes rather than wire bytes: the wire size of the same tensor
 * differs several times between JSON and binary protocols, and a size that changes with the protocol
 * tells nothing about the model's traffic.
 */
final class PayloadBytes {
  private PayloadBytes() {}

  /** The bytes of the inputs of a call that carries an inference request, else -1. */
  static long request(InferenceCall call) {
    return call.request().map(r -> sum(r.inputs().values())).orElse(-1L);
  }

  /** The bytes of the outputs when {@code value} is an inference response, else -1. */
  static long response(Object value) {
    return value instanceof InferenceResponse ? sum(((InferenceResponse) value).outputs().values()) : -1L;
  }

  private static long sum(Collection<Tensor> tensors) {
    long bytes = 0;
    for (Tensor t : tensors) {
      bytes += t.byteSize();
    }
    return bytes;
  }
}
