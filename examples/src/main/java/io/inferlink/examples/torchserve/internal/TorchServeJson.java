package io.inferlink.examples.torchserve.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.codec.json.JsonColumn;
import io.inferlink.codec.json.JsonTensors;
import io.inferlink.codec.json.LeafRules;
import io.inferlink.codec.json.NonFinite;
import io.inferlink.codec.json.TensorJsonWriter;
import io.inferlink.spi.support.MalformedAnswerException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The codec: bodies and answers of the convention (see the package comment) through codec-json, and
 * TorchServe's small documents as trees. Readers throw {@link MalformedAnswerException}. Stateless.
 */
final class TorchServeJson {
  /** The name of the one output of a handler that answers a bare list or value. */
  static final String UNNAMED_OUTPUT = "output";
  private static final ObjectMapper MAPPER = new ObjectMapper(JsonTensors.factory(true).copy());
  private static final int SNIPPET_CHARS = 200;

  private TorchServeJson() {}

  /** {@code {"name": nested lists, ...}} in request order, NaN bare as Python writes it; BYTES must be UTF-8. */
  static byte[] write(Collection<Tensor> inputs) {
    // Sized for the text up front, so that a large tensor is not copied while the buffer grows.
    long size = 64 + inputs.stream().mapToLong(t -> t.byteSize() * 3L + 16).sum();
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(size, 1 << 30));
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

  /**
   * The outputs of an answer, in document order, measured and then filled into exact buffers by
   * {@link JsonColumn} (never held as a tree), typed as {@code torch.tensor()} types Python lists:
   * integers alone make INT64, any fraction, exponent, NaN or infinity FP32, booleans BOOL, strings
   * BYTES, no element an empty FP32 tensor; mixed kinds, {@code null} and objects are malformed.
   */
  static Map<String, Tensor> read(byte[] body) {
    Map<String, JsonColumn> outputs = new LinkedHashMap<>();
    walk(body, outputs, true);
    outputs.forEach((name, c) -> c.allocate(c.kinds().valueType("output '" + name + "'", DataType.FP32), c.valueShape()));
    walk(body, outputs, false);
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    outputs.forEach((name, c) -> tensors.put(name, c.toTensor(name)));
    return tensors;
  }

  /** One pass over the body: finding and measuring the outputs, or filling them. */
  private static void walk(byte[] body, Map<String, JsonColumn> outputs, boolean measuring) {
    try (JsonParser p = JsonTensors.parser(body, true)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new MalformedAnswerException("the body is empty");
      }
      if (first == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          p.nextToken(); // to the value, whose currentName() is its member's
          visit(outputs, p.currentName(), p, measuring);
        }
      } else {
        visit(outputs, UNNAMED_OUTPUT, p, measuring);
      }
      if (p.nextToken() != null) {
        throw new MalformedAnswerException("there is more after the JSON value");
      }
    } catch (IOException e) {
      throw new MalformedAnswerException("the body is not JSON: "
          + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
    }
  }

  private static void visit(Map<String, JsonColumn> outputs, String name, JsonParser p, boolean measuring)
      throws IOException {
    if (!measuring) {
      outputs.get(name).fill(p);
    } else if (outputs.putIfAbsent(name, new JsonColumn("output '" + name + "'", null, LeafRules.STRICT)) == null) {
      outputs.get(name).measure(p);
    } else {
      throw new MalformedAnswerException("output '" + name + "' appears twice");
    }
  }

  /** The {@code status} of {@code GET /ping} ({@code Healthy}, {@code Partial Healthy}, {@code Unhealthy}), if any. */
  static Optional<String> pingStatus(byte[] body) {
    return text(body, "status");
  }

  /** Whether a model description (versions with {@code workers}) has a READY worker, without which TorchServe answers 503. */
  static boolean hasReadyWorker(byte[] body) {
    JsonNode doc = tree(body).filter(JsonNode::isArray)
        .orElseThrow(() -> new MalformedAnswerException("the model description is not a JSON list of versions"));
    for (JsonNode version : doc) {
      for (JsonNode worker : version.path("workers")) {
        if ("READY".equals(worker.path("status").asText())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The {@code message} of TorchServe's error body; empty for any other body (a proxy's page), shown by {@link #snippet}. */
  static Optional<String> errorMessage(byte[] body) {
    return text(body, "message");
  }

  /** What a 404 body blaming the path (no TorchServe error, or its ResourceNotFoundException) is; empty if it blames the model. */
  static Optional<String> wrongPath(byte[] body) {
    if (errorMessage(body).isPresent()) {
      return text(body, "type").filter("ResourceNotFoundException"::equals)
          .map(type -> "TorchServe's ResourceNotFoundException (no API at that path)");
    }
    String head = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8).strip();
    return Optional.of(head.isEmpty() ? "an empty body" : head.startsWith("<") ? "an HTML page" : "text that is no TorchServe error");
  }

  /** The start of a body as text, for messages about answers that could not be read. */
  static String snippet(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, SNIPPET_CHARS * 4), StandardCharsets.UTF_8).strip();
    return text.length() > SNIPPET_CHARS ? text.substring(0, SNIPPET_CHARS) + "..." : text;
  }

  private static Optional<String> text(byte[] body, String member) {
    return tree(body).map(doc -> doc.path(member)).filter(JsonNode::isTextual).map(JsonNode::asText);
  }

  private static Optional<JsonNode> tree(byte[] body) {
    try {
      return Optional.ofNullable(MAPPER.readTree(body));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
