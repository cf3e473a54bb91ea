package io.inferlink.examples.torchserve.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.codec.json.JsonTensors;
import io.inferlink.codec.json.NonFinite;
import io.inferlink.codec.json.TensorJsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;

/**
 * Writes a request body of the template's convention: {@code {"name": nested lists, ...}}, one member per input in
 * request order, elements in row-major order (see the package comment), by the codec's {@link TensorJsonWriter}:
 * NaN and the infinities bare, as Python's {@code json} reads them. Only FP32, INT64, BOOL and BYTES reach here;
 * the client refuses the other types first. Stateless.
 */
final class TorchServeRequestBody {
  private TorchServeRequestBody() {}

  /**
   * The body for these inputs.
   *
   * @throws UnsupportedFeatureException when a BYTES element is not UTF-8, which JSON strings cannot carry
   */
  static byte[] write(Collection<Tensor> inputs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(estimate(inputs));
    try (JsonGenerator g = JsonTensors.factory(true).createGenerator(out)) {
      TensorJsonWriter tensors = new TensorJsonWriter(g, NonFinite.BARE, false);
      g.writeStartObject();
      for (Tensor t : inputs) {
        g.writeFieldName(t.name());
        tensors.writeNested(t);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  /** Roughly the text size, so that a large tensor is not copied while the buffer grows. */
  private static int estimate(Collection<Tensor> inputs) {
    long bytes = 64;
    for (Tensor t : inputs) {
      bytes += t.byteSize() * 3L + 16;
    }
    return (int) Math.min(bytes, 1 << 30);
  }
}
