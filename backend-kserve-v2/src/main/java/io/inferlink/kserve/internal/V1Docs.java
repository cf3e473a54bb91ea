package io.inferlink.kserve.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.codec.json.JsonTensors;
import io.inferlink.kserve.KServeExplanation;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.transport.http.internal.ByteChunks;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small KServe V1 documents: the model list, a model's readiness and an explain answer. Read
 * with the streaming parser, like the predictions, so one JSON dialect covers the whole protocol.
 * Stateless and thread-safe.
 */
final class V1Docs {
  private V1Docs() {}

  /** {@code {"models": ["a", "b"]}} → the names. */
  static List<String> models(ByteChunks body) {
    String list = fields(body, "model list").get("models");
    if (list == null) {
      throw new MalformedAnswerException("the model list has no 'models'");
    }
    List<String> names = new ArrayList<>();
    try (JsonParser p = JsonTensors.factory(true).createParser(list)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new MalformedAnswerException("'models' is not a list: " + list);
      }
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (t != JsonToken.VALUE_STRING) {
          throw new MalformedAnswerException("'models' holds something other than names: " + list);
        }
        names.add(p.getText());
      }
    } catch (IOException e) {
      throw new MalformedAnswerException("cannot read 'models': " + e.getMessage(), e);
    }
    return List.copyOf(names);
  }

  /**
   * A model's readiness from a 200 answer: KServe's {@code {"name": ..., "ready": true}}; an answer
   * without a {@code ready} flag counts as ready, since KServe answers 503 when a model is not.
   */
  static boolean ready(ByteChunks body) {
    String ready = fields(body, "model readiness").get("ready");
    return ready == null || !ready.equals("false");
  }

  /** An explain answer: its text, its top-level fields, and its predictions where they are tensors. */
  static KServeExplanation explanation(ByteChunks body, DataType floatType) {
    Map<String, String> fields = fields(body, "explanation");
    Map<String, Tensor> predictions = Map.of();
    if (fields.containsKey(V1PredictionsReader.PREDICTIONS)) {
      try {
        predictions = V1PredictionsReader.read(body, floatType);
      } catch (MalformedAnswerException e) {
        predictions = Map.of(); // explainers may answer anything; the text is still there
      }
    }
    return new KServeExplanation(body.toUtf8(Integer.MAX_VALUE - 8), fields, predictions);
  }

  /** Each top-level field of a JSON object as compact JSON text, in order; {@code null} ones are left out. */
  static Map<String, String> fields(ByteChunks body, String what) {
    Map<String, String> fields = new LinkedHashMap<>();
    try (JsonParser p = JsonTensors.factory(true).createParser(body.newInputStream())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedAnswerException("the " + what + " answer is not a JSON object");
      }
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        if (t == null) {
          throw new MalformedAnswerException("the " + what + " answer is cut short");
        }
        String name = p.currentName();
        if (OptionalMembers.absent(p.nextToken())) {
          continue; // a null member is a missing one: {"ready": null} says nothing
        }
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JsonTensors.factory(true).createGenerator(text)) {
          g.copyCurrentStructure(p);
        }
        fields.put(name, text.toString());
      }
    } catch (JsonProcessingException e) {
      throw new MalformedAnswerException("the " + what + " answer is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new MalformedAnswerException("cannot read the " + what + " answer: " + e.getMessage(), e);
    }
    return fields;
  }
}
