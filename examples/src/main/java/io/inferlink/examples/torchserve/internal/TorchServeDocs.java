package io.inferlink.examples.torchserve.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inferlink.codec.json.JsonTensors;
import io.inferlink.spi.support.MalformedAnswerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * TorchServe's small JSON documents, read as trees (they are a few hundred bytes): the ping status,
 * the model description of the management API and the error body. Stateless and thread-safe.
 */
final class TorchServeDocs {
  private static final ObjectMapper MAPPER = new ObjectMapper(JsonTensors.factory(true).copy());
  private static final int SNIPPET_CHARS = 200;

  private TorchServeDocs() {}

  /** The {@code status} of {@code GET /ping} ({@code Healthy}, {@code Partial Healthy}, {@code Unhealthy}), if any. */
  static Optional<String> pingStatus(byte[] body) {
    return tree(body).map(doc -> doc.path("status")).filter(JsonNode::isTextual).map(JsonNode::asText);
  }

  /**
   * Whether a model description ({@code GET /models/{m}}: a list of versions, each with its
   * {@code workers}) has a worker whose {@code status} is {@code READY}: only then does TorchServe
   * run predictions instead of answering 503.
   */
  static boolean hasReadyWorker(byte[] body) {
    JsonNode doc = tree(body).orElseThrow(() -> new MalformedAnswerException("the model description is not JSON"));
    if (!doc.isArray()) {
      throw new MalformedAnswerException("the model description is not a list of versions");
    }
    for (JsonNode version : doc) {
      for (JsonNode worker : version.path("workers")) {
        if ("READY".equals(worker.path("status").asText())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The server's words from an error body: {@code message} of TorchServe's
   * {@code {"code": 404, "type": "ModelNotFoundException", "message": "..."}}; empty for any other
   * body (a proxy's HTML page, say), which {@link #snippet} shows instead.
   */
  static Optional<String> errorMessage(byte[] body) {
    return tree(body).map(doc -> doc.path("message")).filter(JsonNode::isTextual).map(JsonNode::asText);
  }

  /**
   * For a 404 body that says the path is wrong rather than the model (TorchServe's own
   * {@code ResourceNotFoundException}, or anything that is no TorchServe error: an HTML page, text,
   * an empty body), what it is, for the message; empty for a model's 404.
   */
  static Optional<String> wrongPath(byte[] body) {
    Optional<JsonNode> doc = tree(body);
    if (doc.isPresent() && doc.get().path("message").isTextual()) {
      return "ResourceNotFoundException".equals(doc.get().path("type").asText())
          ? Optional.of("TorchServe's ResourceNotFoundException (no API at that path)") : Optional.empty();
    }
    String head = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8).strip();
    return Optional.of(head.isEmpty() ? "an empty body" : head.startsWith("<") ? "an HTML page" : "text that is no TorchServe error");
  }

  /** The start of a body as text, for messages about answers that could not be read. */
  static String snippet(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, SNIPPET_CHARS * 4), StandardCharsets.UTF_8).strip();
    return text.length() > SNIPPET_CHARS ? text.substring(0, SNIPPET_CHARS) + "..." : text;
  }

  private static Optional<JsonNode> tree(byte[] body) {
    try {
      return Optional.ofNullable(MAPPER.readTree(body));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
