package io.inferlink.kserve.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.inferlink.DataType;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.codec.json.JsonTensors;
import io.inferlink.codec.json.NonFinite;
import io.inferlink.codec.json.TensorJsonWriter;
import io.inferlink.transport.http.internal.ChunkedOutput;
import io.inferlink.transport.http.internal.RequestBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Encodes an {@link InferenceRequest} as a V2 REST infer body: a JSON header streamed into chunks,
 * then, for inputs sent binary, the tensors' own buffers in input order (never copied). Stateless
 * and thread-safe.
 */
final class V2RestRequestWriter {
  static final String JSON = "application/json";
  static final String OCTET_STREAM = "application/octet-stream";
  static final String BINARY_DATA_SIZE = "binary_data_size";
  static final String BINARY_DATA = "binary_data";
  static final String BINARY_DATA_OUTPUT = "binary_data_output";

  private V2RestRequestWriter() {}

  /**
   * Encodes the request.
   *
   * @throws UnsupportedFeatureException under {@link V2RestBinaryPolicy#NEVER} for an input JSON cannot
   *     carry (FP16/BF16 without {@code half-as-json}, NaN or infinities, BYTES that are not UTF-8), or
   *     for a non-finite parameter
   */
  static V2RestEncodedRequest write(InferenceRequest request, V2RestBinaryPolicy policy) {
    List<ByteBuffer> blobs = new ArrayList<>();
    // Most headers (a binary request's, a small tensor's JSON) are a few hundred bytes; chunks double from here.
    ChunkedOutput out = new ChunkedOutput(512);
    try (JsonGenerator g = JsonTensors.factory(true).createGenerator(out)) {
      // Strict JSON: tensors JSON cannot carry as they are (sendBinary) go binary or are refused.
      TensorJsonWriter tensors = new TensorJsonWriter(g, NonFinite.REFUSE, false);
      g.writeStartObject();
      if (request.id() != null) {
        g.writeStringField("id", request.id());
      }
      boolean allOutputsBinary = request.requestedOutputs().isEmpty() && policy.binaryOutputs()
          && !request.parameters().containsKey(BINARY_DATA_OUTPUT); // the caller's own choice wins
      if (!request.parameters().isEmpty() || allOutputsBinary) {
        g.writeObjectFieldStart("parameters");
        for (Map.Entry<String, Object> e : request.parameters().entrySet()) {
          V2JsonParameters.writeField(g, e.getKey(), e.getValue());
        }
        if (allOutputsBinary) {
          g.writeBooleanField(BINARY_DATA_OUTPUT, true);
        }
        g.writeEndObject();
      }
      g.writeArrayFieldStart("inputs");
      for (Tensor t : request.inputs().values()) {
        writeInput(g, tensors, t, policy, blobs);
      }
      g.writeEndArray();
      if (!request.requestedOutputs().isEmpty()) {
        g.writeArrayFieldStart("outputs");
        for (String name : request.requestedOutputs()) {
          g.writeStartObject();
          g.writeStringField("name", name);
          g.writeObjectFieldStart("parameters");
          g.writeBooleanField(BINARY_DATA, policy.binaryOutputs());
          g.writeEndObject();
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen: the output is in memory
    }
    long headerLength = out.size();
    boolean binary = !blobs.isEmpty();
    List<ByteBuffer> buffers = new ArrayList<>(out.chunks());
    buffers.addAll(blobs);
    return new V2RestEncodedRequest(RequestBody.ofBuffers(buffers), headerLength, binary, binary ? OCTET_STREAM : JSON);
  }

  private static void writeInput(JsonGenerator g, TensorJsonWriter tensors, Tensor t, V2RestBinaryPolicy policy,
      List<ByteBuffer> blobs)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("name", t.name());
    g.writeArrayFieldStart("shape");
    for (long d : t.shape()) {
      g.writeNumber(d);
    }
    g.writeEndArray();
    g.writeStringField("datatype", t.dtype().wireName());
    if (sendBinary(t, policy)) {
      g.writeObjectFieldStart("parameters");
      // The tensor buffer already holds BYTES in the 4-byte-prefix framing, so its size covers the prefixes.
      g.writeNumberField(BINARY_DATA_SIZE, t.byteSize());
      g.writeEndObject();
      blobs.add(t.data());
    } else {
      g.writeFieldName("data");
      tensors.writeFlat(t);
    }
    g.writeEndObject();
  }

  private static boolean sendBinary(Tensor t, V2RestBinaryPolicy policy) {
    switch (policy.mode()) {
      case ALWAYS:
        return true;
      case NEVER:
        String why = whyNotJson(t, policy.halfAsJson());
        if (why != null) {
          throw new UnsupportedFeatureException("input '" + t.name() + "' (" + t.dtype().wireName()
              + ") cannot be sent as JSON: " + why + "; allow binary tensor data to send it");
        }
        return false;
      default:
        return t.byteSize() >= policy.thresholdBytes()
            || whyNotJson(t, policy.halfAsJson()) != null;
    }
  }

  /**
   * Why the tensor cannot travel as JSON data without changing, or {@code null} when it can: FP16/BF16 have no
   * JSON form unless {@code halfAsJson} (then they are numbers, each exactly the value of its 16 bits), NaN and
   * infinities have no strict-JSON spelling, BYTES must be valid UTF-8.
   */
  static String whyNotJson(Tensor t, boolean halfAsJson) {
    if ((t.dtype() == DataType.FP16 || t.dtype() == DataType.BF16) && !halfAsJson) {
      return t.dtype().wireName() + " has no JSON form unless option half-as-json is set";
    }
    return TensorJsonWriter.whyNot(t, NonFinite.REFUSE, false);
  }
}
