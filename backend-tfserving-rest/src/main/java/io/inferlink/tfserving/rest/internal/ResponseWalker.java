package io.inferlink.tfserving.rest.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.inferlink.codec.json.JsonTensors;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.transport.http.internal.ByteChunks;
import java.io.IOException;

/**
 * Finds the output values in a predict response and hands each to a visitor, in document order:
 * <ul>
 *   <li>{@code {"outputs": value}}: one unnamed output (a b64 object counts as a value);
 *   <li>{@code {"outputs": {"a": value, ...}}}: named outputs;
 *   <li>{@code {"predictions": [row, ...]}}: one unnamed output, one value per row;
 *   <li>{@code {"predictions": [{"a": value, ...}, ...]}}: named outputs, one value per row each.
 * </ul>
 * Other top-level fields are skipped. Used twice per response: once to measure, once to fill.
 */
final class ResponseWalker {
  /** Receives each value. */
  interface Visitor {
    /** A value; the parser stands on its first token and must be left on its last. */
    void value(String output, JsonParser p) throws IOException;

    /**
     * A scalar BYTES value the walker had to read ahead to tell {@code {"b64": s}} from an object
     * of named outputs: {@code b64} says which of the two the text is.
     */
    void scalarText(String output, String text, boolean b64) throws IOException;
  }

  /** What the walk found. */
  enum Form { COLUMNAR, ROWS }

  private ResponseWalker() {}

  /**
   * Walks the body; {@code unnamed} names a single unnamed output.
   *
   * @return which form the response had
   */
  static Form walk(ByteChunks body, String unnamed, Visitor visitor) {
    try (JsonParser p = JsonTensors.parser(body.chunks(), true)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedAnswerException("the response is not a JSON object");
      }
      Form form = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (value == null) {
          break;
        }
        if (TfDocs.absent(value)) {
          continue; // "outputs": null is no outputs; a missing form is reported below
        }
        if (field.equals("outputs") && form == null) {
          columnar(p, unnamed, visitor);
          form = Form.COLUMNAR;
        } else if (field.equals("predictions") && form == null) {
          rows(p, unnamed, visitor);
          form = Form.ROWS;
        } else {
          p.skipChildren();
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT) {
        throw new MalformedAnswerException("the response JSON is truncated");
      }
      if (p.nextToken() != null) {
        throw new MalformedAnswerException("the response has data after its JSON object");
      }
      if (form == null) {
        throw new MalformedAnswerException("the response has neither \"outputs\" nor \"predictions\"");
      }
      return form;
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new MalformedAnswerException("the response is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new MalformedAnswerException("cannot read the response: " + e.getMessage(), e);
    }
  }

  private static void columnar(JsonParser p, String unnamed, Visitor visitor) throws IOException {
    if (p.currentToken() == JsonToken.START_OBJECT) {
      namedValues(p, unnamed, visitor);
    } else {
      visitor.value(unnamed, p);
    }
  }

  private static void rows(JsonParser p, String unnamed, Visitor visitor) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new MalformedAnswerException("\"predictions\" is not a list");
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() == null) {
        throw new MalformedAnswerException("the response JSON is truncated");
      }
      if (p.currentToken() == JsonToken.START_OBJECT) {
        namedValues(p, unnamed, visitor);
      } else {
        visitor.value(unnamed, p);
      }
    }
  }

  /**
   * An object where values were expected: either {@code {"b64": "..."}}, one BYTES value of the
   * unnamed output, or an object of named outputs. JSON parsers cannot look ahead, so a first field
   * called {@code b64} holding a string is read first and judged by what follows it.
   */
  private static void namedValues(JsonParser p, String unnamed, Visitor visitor) throws IOException {
    boolean first = true;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (first && name.equals("b64") && value == JsonToken.VALUE_STRING) {
        String text = p.getText();
        if (p.nextToken() == JsonToken.END_OBJECT) {
          visitor.scalarText(unnamed, text, true);
          return;
        }
        visitor.scalarText(name, text, false);
        if (p.currentToken() != JsonToken.FIELD_NAME) {
          throw new MalformedAnswerException("the response JSON is truncated");
        }
        name = p.currentName();
        p.nextToken();
      }
      first = false;
      visitor.value(name, p);
    }
    if (p.currentToken() != JsonToken.END_OBJECT) {
      throw new MalformedAnswerException("the response JSON is truncated");
    }
  }
}
