package io.inferlink.examples.torchserve.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

/**
 * Writes a request body of the template's convention: {@code {"name": nested lists, ...}}, one
 * member per input in request order, elements in row-major order (see the package comment). Only
 * FP32, INT64, BOOL and BYTES are written; the client refuses the other types before it gets here.
 * Stateless.
 */
final class TensorJsonWriter {
  private TensorJsonWriter() {}

  /**
   * The body for these inputs.
   *
   * @throws UnsupportedFeatureException when a BYTES element is not UTF-8, which JSON strings cannot carry
   */
  static byte[] write(Collection<Tensor> inputs, String provider) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(estimate(inputs));
    try (JsonGenerator g = TorchServeJson.FACTORY.createGenerator(out)) {
      g.writeStartObject();
      for (Tensor t : inputs) {
        g.writeFieldName(t.name());
        new Elements(t, provider).writeLevel(g, 0);
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

  /** Walks one tensor's elements in row-major order, one JSON value each. */
  private static final class Elements {
    private final Tensor tensor;
    private final String provider;
    private final long[] shape;
    private final ByteBuffer data;
    private final List<byte[]> strings;
    private int next;

    Elements(Tensor tensor, String provider) {
      this.tensor = tensor;
      this.provider = provider;
      this.shape = tensor.shape();
      this.data = tensor.data();
      this.strings = tensor.dtype() == DataType.BYTES ? tensor.toBytesList() : null;
    }

    void writeLevel(JsonGenerator g, int dim) throws IOException {
      if (dim == shape.length) {
        writeElement(g, next++);
        return;
      }
      g.writeStartArray();
      for (long i = 0; i < shape[dim]; i++) {
        writeLevel(g, dim + 1);
      }
      g.writeEndArray();
    }

    private void writeElement(JsonGenerator g, int i) throws IOException {
      switch (tensor.dtype()) {
        case FP32:
          // Float.toString form: always a fraction or exponent, so the reader types it FP32 again.
          g.writeNumber(data.getFloat(i * 4));
          break;
        case INT64:
          g.writeNumber(data.getLong(i * 8));
          break;
        case BOOL:
          g.writeBoolean(data.get(i) != 0);
          break;
        case BYTES:
          g.writeString(utf8(strings.get(i), i));
          break;
        default:
          throw new UnsupportedFeatureException(provider + " cannot carry tensor '" + tensor.name()
              + "' of type " + tensor.dtype());
      }
    }

    private String utf8(byte[] raw, int index) {
      try {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
      } catch (CharacterCodingException e) {
        throw new UnsupportedFeatureException(provider + ": element " + index + " of BYTES tensor '"
            + tensor.name() + "' is not UTF-8 text, which the JSON convention cannot carry");
      }
    }
  }
}
