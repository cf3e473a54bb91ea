package io.inferlink.kserve.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.inferlink.DataType;
import io.inferlink.InferenceRequest;
import io.inferlink.InvalidRequestException;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.transport.http.ChunkedOutput;
import io.inferlink.transport.http.RequestBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a request as a KServe V1 body, {@code {"instances": [...]}}, streamed from the tensors'
 * buffers. One input: its rows along the first dimension are the instances, as nested lists (a
 * rank-1 tensor gives plain values). Several inputs: instance {@code i} is
 * {@code {"<name>": row i, ...}} in input order (TF Serving's row format), so every input must have
 * the same first dimension. Rank 0 has no rows and is refused. Stateless and thread-safe.
 */
final class V1InstancesWriter {
  static final String INSTANCES = "instances";

  private V1InstancesWriter() {}

  /**
   * Writes the body. The caller has already checked the request against the client's capabilities
   * (element types, scalars, zero-size tensors, versions).
   *
   * @throws InvalidRequestException when several inputs differ in their first dimension
   * @throws UnsupportedFeatureException for a scalar, or BYTES that are not UTF-8 (a JSON string cannot carry them)
   */
  static RequestBody write(InferenceRequest request) {
    List<Tensor> inputs = new ArrayList<>(request.inputs().values());
    long rows = rows(inputs);
    List<Cursor> cursors = new ArrayList<>();
    for (Tensor t : inputs) {
      cursors.add(new Cursor(t));
    }
    ChunkedOutput out = new ChunkedOutput(4096);
    try (JsonGenerator g = KServeJson.FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart(INSTANCES);
      for (long r = 0; r < rows; r++) {
        if (cursors.size() == 1) {
          cursors.get(0).writeRow(g);
        } else {
          g.writeStartObject();
          for (Cursor c : cursors) {
            g.writeFieldName(c.tensor.name());
            c.writeRow(g);
          }
          g.writeEndObject();
        }
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen: the output is in memory
    }
    return out.toRequestBody();
  }

  /** The shared first dimension, after refusing what has no rows or no JSON form. */
  private static long rows(List<Tensor> inputs) {
    long rows = -1;
    for (Tensor t : inputs) {
      if (t.rank() == 0) {
        throw new UnsupportedFeatureException("input '" + t.name() + "' is a scalar; KServe V1 sends inputs as rows"
            + " (instances) along the first dimension, so give it shape [1]");
      }
      checkUtf8(t);
      if (rows >= 0 && t.shape()[0] != rows) {
        throw new InvalidRequestException("KServe V1 sends several inputs as rows of named values, so they"
            + " must share their first dimension: '" + inputs.get(0).name() + "' has " + rows + " rows, '"
            + t.name() + "' has " + t.shape()[0]);
      }
      rows = t.shape()[0];
    }
    return rows;
  }

  private static void checkUtf8(Tensor t) {
    if (t.dtype() != DataType.BYTES) {
      return;
    }
    ByteBuffer d = t.data();
    int pos = 0;
    for (long i = 0; i < t.elementCount(); i++) {
      int len = d.getInt(pos);
      try {
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(d.duplicate().position(pos + 4).limit(pos + 4 + len));
      } catch (CharacterCodingException e) {
        throw new UnsupportedFeatureException("input '" + t.name() + "': element " + i + " is not valid UTF-8,"
            + " which a KServe V1 JSON string cannot carry");
      }
      pos += 4 + len;
    }
  }

  /** Walks one tensor's elements in order, a row at a time; BYTES elements have no fixed offsets. */
  private static final class Cursor {
    final Tensor tensor;
    final ByteBuffer data;
    final long[] shape;
    int element;
    int bytePos;

    Cursor(Tensor tensor) {
      this.tensor = tensor;
      this.data = tensor.data();
      this.shape = tensor.shape();
    }

    void writeRow(JsonGenerator g) throws IOException {
      writeLevel(g, 1);
    }

    private void writeLevel(JsonGenerator g, int dim) throws IOException {
      if (dim == shape.length) {
        writeNext(g);
        return;
      }
      g.writeStartArray();
      for (long j = 0; j < shape[dim]; j++) {
        writeLevel(g, dim + 1);
      }
      g.writeEndArray();
    }

    private void writeNext(JsonGenerator g) throws IOException {
      int i = element++;
      switch (tensor.dtype()) {
        case BOOL: g.writeBoolean(data.get(i) != 0); break;
        case INT64: g.writeNumber(data.getLong(i * 8)); break;
        // Java's float and double text always has a '.' or an exponent, so the server sees a float.
        case FP32: g.writeNumber(data.getFloat(i * 4)); break;
        case FP64: g.writeNumber(data.getDouble(i * 8)); break;
        case BYTES:
          int len = data.getInt(bytePos);
          byte[] raw = new byte[len];
          data.get(bytePos + 4, raw);
          bytePos += 4 + len;
          g.writeString(new String(raw, StandardCharsets.UTF_8));
          break;
        default:
          throw new UnsupportedFeatureException("KServe V1 JSON has no form for " + tensor.dtype().wireName()
              + " (input '" + tensor.name() + "')");
      }
    }
  }
}
