package io.inferlink.kserve.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.codec.json.JsonColumn;
import io.inferlink.codec.json.JsonTensors;
import io.inferlink.codec.json.LeafRules;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.transport.http.internal.ByteChunks;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Decodes the {@code predictions} of a KServe V1 answer into tensors, streaming the body twice:
 * once to learn each output's shape and element type, once to fill exact buffers. Rows that are
 * JSON objects give one output per key (the rows of each key stacked along a new first dimension);
 * other rows give one output named {@value #PREDICTIONS}. Each output is the codec's {@link JsonColumn}, one
 * value per row. Element types, since V1 JSON has none: strings BYTES (UTF-8), booleans BOOL, integers only
 * INT64, any number with a fraction or exponent (and NaN, infinities, {@code null}) the float type; no element
 * at all the float type. Stateless and thread-safe.
 */
final class V1PredictionsReader {
  /** The field of the answer, and the name of the output of plain rows. */
  static final String PREDICTIONS = "predictions";
  /** Plain JSON values, and null for NaN (orjson, KServe's encoder, writes NaN so). */
  private static final LeafRules RULES = LeafRules.STRICT.withNullAsNaN();

  private V1PredictionsReader() {}

  /**
   * The outputs, in the order of the first row's keys.
   *
   * @throws MalformedAnswerException when the answer has no predictions list, or rows without one tensor form
   */
  static Map<String, Tensor> read(ByteChunks body, DataType floatType) {
    Map<String, JsonColumn> columns = new LinkedHashMap<>();
    walk(body, columns, true);
    columns.forEach((name, c) -> c.allocate(c.kinds().valueType("'" + name + "'", floatType), c.stackedShape()));
    walk(body, columns, false);
    Map<String, Tensor> outputs = new LinkedHashMap<>();
    columns.forEach((name, c) -> outputs.put(name, c.toTensor(name)));
    return outputs;
  }

  private static JsonColumn column(String name) {
    return new JsonColumn("output '" + name + "'", null, RULES);
  }

  private static void walk(ByteChunks body, Map<String, JsonColumn> columns, boolean measuring) {
    try (JsonParser p = JsonTensors.parser(body.chunks(), true)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedAnswerException("the answer is not a JSON object");
      }
      boolean found = false;
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        if (t == null) {
          throw new MalformedAnswerException("the answer is cut short");
        }
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (OptionalMembers.absent(value)) {
          continue; // "predictions": null is no predictions, reported below
        }
        if (!PREDICTIONS.equals(field)) {
          p.skipChildren();
          continue;
        }
        if (found) {
          throw new MalformedAnswerException("'predictions' appears twice");
        }
        found = true;
        rows(p, value, columns, measuring);
      }
      if (!found) {
        throw new MalformedAnswerException("the answer has no 'predictions'");
      }
    } catch (JsonProcessingException e) {
      throw new MalformedAnswerException("the answer is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new MalformedAnswerException("cannot read the answer: " + e.getMessage(), e);
    }
  }

  private static void rows(JsonParser p, JsonToken list, Map<String, JsonColumn> columns, boolean measuring)
      throws IOException {
    if (list != JsonToken.START_ARRAY) {
      throw new MalformedAnswerException("'predictions' is " + kind(list) + ", not a list of rows");
    }
    Boolean objects = null;
    long row = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), row++) {
      if (t == null) {
        throw new MalformedAnswerException("the answer is cut short in row " + row + " of 'predictions'");
      }
      boolean object = t == JsonToken.START_OBJECT;
      if (objects == null) {
        objects = object;
      } else if (objects != object) {
        throw new MalformedAnswerException("row " + row + " of 'predictions' is " + (object ? "" : "not ")
            + "an object but row 0 is " + (objects ? "" : "not ") + "one: rows must all be alike");
      }
      if (object) {
        objectRow(p, columns, row, measuring);
      } else {
        JsonColumn c = measuring ? columns.computeIfAbsent(PREDICTIONS, V1PredictionsReader::column) : columns.get(PREDICTIONS);
        visit(c, p, measuring);
      }
    }
    if (measuring && objects == null) {
      columns.put(PREDICTIONS, column(PREDICTIONS)); // no rows: an empty tensor
    }
  }

  private static void objectRow(JsonParser p, Map<String, JsonColumn> columns, long row, boolean measuring)
      throws IOException {
    Set<String> seen = new HashSet<>();
    for (JsonToken f = p.nextToken(); f != JsonToken.END_OBJECT; f = p.nextToken()) {
      if (f == null) {
        throw new MalformedAnswerException("the answer is cut short in row " + row + " of 'predictions'");
      }
      String key = p.currentName();
      if (!seen.add(key)) {
        throw new MalformedAnswerException("row " + row + " of 'predictions' has the key '" + key + "' twice");
      }
      JsonColumn c = columns.get(key);
      if (c == null) {
        if (!measuring || row > 0) {
          throw new MalformedAnswerException("row " + row + " of 'predictions' has the key '" + key + "', which row 0 lacks");
        }
        c = column(key);
        columns.put(key, c);
      }
      p.nextToken();
      visit(c, p, measuring);
    }
    if (seen.size() != columns.size()) {
      Set<String> missing = new LinkedHashSet<>(columns.keySet());
      missing.removeAll(seen);
      throw new MalformedAnswerException("row " + row + " of 'predictions' lacks the key(s) " + missing + " of row 0");
    }
  }

  private static void visit(JsonColumn c, JsonParser p, boolean measuring) throws IOException {
    if (measuring) {
      c.measure(p);
    } else {
      c.fill(p);
    }
  }

  private static String kind(JsonToken t) {
    if (t == null) {
      return "missing";
    }
    switch (t) {
      case START_OBJECT: return "an object";
      case VALUE_STRING: return "a string";
      case VALUE_NULL: return "null";
      case VALUE_TRUE: case VALUE_FALSE: return "a boolean";
      default: return "a number";
    }
  }
}
