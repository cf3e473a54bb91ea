package io.inferlink.kserve.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.inferlink.DataType;
import io.inferlink.InferenceRequest;
import io.inferlink.InvalidRequestException;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.codec.json.JsonTensors;
import io.inferlink.codec.json.NonFinite;
import io.inferlink.codec.json.TensorJsonWriter;
import io.inferlink.transport.http.internal.ChunkedOutput;
import io.inferlink.transport.http.internal.RequestBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Encodes a request as a KServe V1 body, {@code {"instances": [...]}}, streamed from the tensors'
 * buffers by the codec's {@link TensorJsonWriter}. One input: its rows along the first dimension are the
 * instances, as nested lists (a rank-1 tensor gives plain values). Several inputs: instance {@code i} is
 * {@code {"<name>": row i, ...}} in input order (TF Serving's row format), so every input must have
 * the same first dimension. Rank 0 has no rows and is refused. NaN and the infinities are written bare (V1 has
 * no other way to send them, as in TF Serving's row format). Stateless and thread-safe.
 */
final class V1InstancesWriter {
  static final String INSTANCES = "instances";
  /** The element types V1 JSON carries; the client refuses the others before encoding. */
  private static final Set<DataType> TYPES = EnumSet.of(DataType.BOOL, DataType.INT64, DataType.FP32,
      DataType.FP64, DataType.BYTES);

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
    ChunkedOutput out = new ChunkedOutput(4096);
    try (JsonGenerator g = JsonTensors.factory(true).createGenerator(out)) {
      TensorJsonWriter tensors = new TensorJsonWriter(g, NonFinite.BARE, false);
      g.writeStartObject();
      g.writeArrayFieldStart(INSTANCES);
      for (long r = 0; r < rows; r++) {
        if (inputs.size() == 1) {
          tensors.writeRow(inputs.get(0), r);
        } else {
          g.writeStartObject();
          for (Tensor t : inputs) {
            g.writeFieldName(t.name());
            tensors.writeRow(t, r);
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
      if (!TYPES.contains(t.dtype())) {
        throw new UnsupportedFeatureException("KServe V1 JSON has no form for " + t.dtype().wireName()
            + " (input '" + t.name() + "')");
      }
      String why = TensorJsonWriter.whyNot(t, NonFinite.BARE, false);
      if (why != null) {
        throw new UnsupportedFeatureException("input '" + t.name() + "': " + why + " (KServe V1 sends JSON only)");
      }
      if (rows >= 0 && t.shape()[0] != rows) {
        throw new InvalidRequestException("KServe V1 sends several inputs as rows of named values, so they"
            + " must share their first dimension: '" + inputs.get(0).name() + "' has " + rows + " rows, '"
            + t.name() + "' has " + t.shape()[0]);
      }
      rows = t.shape()[0];
    }
    return rows;
  }
}
