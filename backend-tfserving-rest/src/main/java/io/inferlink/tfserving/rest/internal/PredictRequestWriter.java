package io.inferlink.tfserving.rest.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.inferlink.InferenceRequest;
import io.inferlink.InvalidRequestException;
import io.inferlink.Tensor;
import io.inferlink.codec.json.JsonTensors;
import io.inferlink.codec.json.NonFinite;
import io.inferlink.codec.json.TensorJsonWriter;
import io.inferlink.transport.http.internal.ChunkedOutput;
import io.inferlink.transport.http.internal.RequestBody;
import io.inferlink.tfserving.rest.TfServingRestOptions.RequestFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;

/**
 * Encodes a predict request body, streaming the JSON into chunks so a large tensor is held once as
 * text and never copied again (the chunks are the request body).
 *
 * <p>Columnar form: {@code {"signature_name": s, "inputs": {"name": value, ...}}} — always the named
 * object, which TF Serving accepts for one input as well. Row form: {@code {"instances": [row, ...]}},
 * a row being the input's slice for one index of the shared first dimension, or, with several inputs,
 * an object of those slices.
 */
final class PredictRequestWriter {
  private PredictRequestWriter() {}

  static RequestBody write(InferenceRequest request, Collection<Tensor> inputs, RequestFormat format, boolean bareRows) {
    ChunkedOutput body = new ChunkedOutput();
    write(request, inputs, format, bareRows, body);
    return body.toRequestBody();
  }

  /** Writes the body to a stream, which is closed afterwards. */
  static void write(InferenceRequest request, Collection<Tensor> inputs, RequestFormat format, boolean bareRows,
      OutputStream out) {
    try (JsonGenerator gen = JsonTensors.factory(true).createGenerator(out)) {
      // TF Serving's dialect: NaN and the infinities bare; bytes that are not text as {"b64": ...}.
      TensorJsonWriter tensors = new TensorJsonWriter(gen, NonFinite.BARE, true);
      gen.writeStartObject();
      if (request.signatureName() != null) {
        gen.writeStringField("signature_name", request.signatureName());
      }
      if (format == RequestFormat.ROW) {
        writeInstances(gen, tensors, inputs, bareRows);
      } else {
        gen.writeFieldName("inputs");
        gen.writeStartObject();
        for (Tensor t : inputs) {
          gen.writeFieldName(t.name());
          tensors.writeNested(t);
        }
        gen.writeEndObject();
      }
      gen.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the predict request", e);
    }
  }

  private static void writeInstances(JsonGenerator gen, TensorJsonWriter tensors, Collection<Tensor> inputs,
      boolean bareRows) throws IOException {
    long rows = -1;
    for (Tensor t : inputs) {
      if (t.rank() == 0) {
        throw new InvalidRequestException("input '" + t.name() + "' is a scalar; the row format (instances)"
            + " needs a first dimension to split into rows; use request-format=columnar");
      }
      long dim0 = t.shape()[0];
      if (rows >= 0 && dim0 != rows) {
        throw new InvalidRequestException("the row format (instances) needs every input to share its first"
            + " dimension; '" + t.name() + "' has shape " + Arrays.toString(t.shape()) + ", others have " + rows + " rows");
      }
      rows = dim0;
    }
    boolean named = !bareRows || inputs.size() > 1;
    gen.writeFieldName("instances");
    gen.writeStartArray();
    for (long r = 0; r < rows; r++) {
      if (named) {
        gen.writeStartObject();
        for (Tensor t : inputs) {
          gen.writeFieldName(t.name());
          tensors.writeRow(t, r);
        }
        gen.writeEndObject();
      } else {
        tensors.writeRow(inputs.iterator().next(), r);
      }
    }
    gen.writeEndArray();
  }
}
