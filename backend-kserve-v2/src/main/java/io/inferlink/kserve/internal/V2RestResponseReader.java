package io.inferlink.kserve.internal;

import io.inferlink.DataType;
import io.inferlink.InferenceResponse;
import io.inferlink.Tensor;
import io.inferlink.codec.json.JsonColumn;
import io.inferlink.codec.json.LeafRules;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.transport.http.internal.ByteChunks;
import io.inferlink.transport.http.internal.HttpResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Decodes a V2 REST infer response: a JSON body, or a JSON header followed by binary outputs, which
 * is recognised by {@code Inference-Header-Content-Length} alone (OVMS labels such bodies
 * {@code application/json}). Binary outputs are views of the body, not copies, where a chunk holds
 * them whole; JSON outputs are measured in one pass and filled into exact buffers in a second.
 * Stateless and thread-safe.
 */
final class V2RestResponseReader {
  /** Plain JSON values; null for NaN (KServe's orjson); strings that may hold raw bytes (see {@link V2RestJsonText}). */
  private static final LeafRules RULES = LeafRules.STRICT.withNullAsNaN().withRawByteStrings();

  private V2RestResponseReader() {}

  /** Decodes a successful answer. */
  static V2RestDecodedResponse read(HttpResult result) {
    return read(result.body(), headerLength(result));
  }

  /** The {@code Inference-Header-Content-Length} value, if the answer has one. */
  static OptionalLong headerLength(HttpResult result) {
    return result.header(V2RestEncodedRequest.HEADER_LENGTH_HEADER).map(v -> {
      try {
        return OptionalLong.of(Long.parseLong(v.trim()));
      } catch (NumberFormatException e) {
        throw new MalformedAnswerException("Inference-Header-Content-Length is '" + v + "', not a length");
      }
    }).orElse(OptionalLong.empty());
  }

  /**
   * Decodes a body whose JSON header is {@code headerLength} bytes long (the whole body when empty).
   *
   * @throws MalformedAnswerException when the body is not what the protocol says
   */
  static V2RestDecodedResponse read(ByteChunks body, OptionalLong headerLength) {
    long jsonLength = headerLength.orElse(body.size());
    if (jsonLength <= 0 || jsonLength > body.size() || jsonLength > Integer.MAX_VALUE) {
      throw new MalformedAnswerException("JSON header length " + jsonLength + " does not fit a body of "
          + body.size() + " bytes");
    }
    ByteChunks json = jsonLength == body.size() ? body : ByteChunks.of(List.of(body.slice(0, (int) jsonLength)));
    V2RestJsonText text = new V2RestJsonText(json);
    V2RestResponseHeader h = measure(text);
    boolean anyData = false;
    Tensor[] tensors = new Tensor[h.outputs.size()];
    long offset = jsonLength;
    for (V2RestOutputHeader o : h.outputs) {
      int elements = o.elementCount();
      if (o.binarySize >= 0) {
        if (o.hasData) {
          throw new MalformedAnswerException(o.where() + " has both 'data' and binary_data_size");
        }
        if (o.binarySize > body.size() - offset) {
          throw new MalformedAnswerException(o.where() + ": binary_data_size " + o.binarySize
              + " runs past the end of the body (" + (body.size() - offset) + " bytes left)");
        }
        tensors[o.index] = wrap(o, body.slice(offset, (int) o.binarySize));
        offset += o.binarySize;
      } else if (o.hasData) {
        allocate(o, elements);
        anyData = true;
      } else if (elements == 0) {
        tensors[o.index] = wrap(o, ByteBuffer.allocate(0));
      } else {
        throw new MalformedAnswerException(o.where() + " has neither 'data' nor binary_data_size");
      }
    }
    if (offset != body.size()) {
      throw new MalformedAnswerException((body.size() - offset) + " bytes after the JSON header are not"
          + " claimed by any output's binary_data_size");
    }
    if (anyData) {
      parse(text, (o, p) -> h.outputs.get(o.index).data.fill(p));
      for (V2RestOutputHeader o : h.outputs) {
        if (o.hasData && o.binarySize < 0) {
          tensors[o.index] = o.data.toTensor(o.name);
        }
      }
    }
    return build(h, tensors);
  }

  /**
   * Sizes the buffer of JSON {@code data}, which is flat, or nested lists that follow the shape; either way it
   * holds exactly the shape's elements.
   */
  private static void allocate(V2RestOutputHeader o, int elements) {
    // Checked before allocating: a shape of 2^31 - 9 with "data": [] must not cost 2 GiB.
    if (o.data.elements() != elements) {
      throw new MalformedAnswerException(o.where() + ": 'data' holds " + o.data.elements() + " elements but shape "
          + Arrays.toString(o.shape) + " needs " + elements);
    }
    long[] measured = o.data.valueShape();
    if (!Arrays.equals(measured, o.shape) && !Arrays.equals(measured, new long[] {elements})) {
      throw new MalformedAnswerException(o.where() + ": 'data' of shape " + Arrays.toString(measured)
          + " is neither flat nor nested as the shape " + Arrays.toString(o.shape) + " says");
    }
    o.data.allocate(o.dtype, o.shape);
  }

  /** The first pass over one output's {@code data}: its shape, kinds and size. */
  private static void measureData(V2RestOutputHeader o, com.fasterxml.jackson.core.JsonParser p) throws IOException {
    o.data = new JsonColumn(o.name != null ? o.where() : "output " + o.index, o.dtype, RULES);
    o.data.measure(p);
  }

  private static Tensor wrap(V2RestOutputHeader o, ByteBuffer data) {
    try {
      return Tensor.wrap(o.name, o.dtype, data, o.shape);
    } catch (IllegalArgumentException e) {
      throw new MalformedAnswerException(o.where() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The first pass, which also settles how the header's strings are read: as UTF-8 unless the header
   * is not well-formed UTF-8 (Triton's raw bytes in BYTES strings, see {@link V2RestJsonText}).
   */
  private static V2RestResponseHeader measure(V2RestJsonText text) {
    V2RestResponseHeader h;
    try {
      h = parse(text, V2RestResponseReader::measureData);
    } catch (MalformedAnswerException e) {
      if (!text.switchToRawBytes()) {
        throw e;
      }
      return parse(text, V2RestResponseReader::measureData);
    }
    return hasJsonStrings(h) && text.switchToRawBytes() ? parse(text, V2RestResponseReader::measureData) : h;
  }

  private static boolean hasJsonStrings(V2RestResponseHeader h) {
    for (V2RestOutputHeader o : h.outputs) {
      if (o.hasData && o.dtype == DataType.BYTES) {
        return true;
      }
    }
    return false;
  }

  private static V2RestResponseHeader parse(V2RestJsonText text, V2RestHeaderParser.DataVisitor visitor) {
    try {
      return V2RestHeaderParser.parse(text, visitor);
    } catch (IOException e) { // Jackson's parse errors included
      throw new MalformedAnswerException("the response is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static V2RestDecodedResponse build(V2RestResponseHeader h, Tensor[] tensors) {
    InferenceResponse.Builder b = InferenceResponse.builder()
        .modelName(h.modelName).modelVersion(h.modelVersion).id(h.id);
    h.parameters.forEach(b::parameter);
    Map<String, Map<String, Object>> outputParameters = new LinkedHashMap<>();
    for (Tensor t : tensors) {
      try {
        b.output(t);
      } catch (IllegalArgumentException e) {
        throw new MalformedAnswerException("output '" + t.name() + "' appears twice");
      }
    }
    for (V2RestOutputHeader o : h.outputs) {
      if (!o.parameters.isEmpty()) {
        outputParameters.put(o.name, Collections.unmodifiableMap(o.parameters));
      }
    }
    return new V2RestDecodedResponse(b.build(), Collections.unmodifiableMap(outputParameters));
  }
}
