package io.inferlink.kserve.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.spi.support.MalformedAnswerException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** V2 {@code parameters} objects: values are strings, booleans, integers (Long) or floats (Double). */
final class V2JsonParameters {
  private V2JsonParameters() {}

  /** Writes one parameter field; a non-finite Double has no JSON form and is refused. */
  static void writeField(JsonGenerator g, String key, Object value) throws IOException {
    g.writeFieldName(key);
    if (value instanceof String) {
      g.writeString((String) value);
    } else if (value instanceof Boolean) {
      g.writeBoolean((Boolean) value);
    } else if (value instanceof Long) {
      g.writeNumber((Long) value);
    } else if (value instanceof Double) {
      double d = (Double) value;
      if (!Double.isFinite(d)) {
        throw new UnsupportedFeatureException("parameter '" + key + "' is " + d + ", which JSON cannot carry");
      }
      g.writeNumber(d);
    } else {
      throw new IllegalArgumentException("parameter '" + key + "' has unsupported type " + value.getClass().getName());
    }
  }

  /**
   * Reads the object the parser is at (current token START_OBJECT); {@code where} names it in errors.
   * A {@code null} object is no parameters and a {@code null} value no parameter ({@link OptionalMembers}).
   */
  static Map<String, Object> read(JsonParser p, String where) throws IOException {
    if (OptionalMembers.absent(p.currentToken())) {
      return Map.of();
    }
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new MalformedAnswerException(where + ": 'parameters' is not an object");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken t = p.nextToken();
      if (OptionalMembers.absent(t)) {
        continue;
      }
      Object value;
      switch (t) {
        case VALUE_STRING: value = p.getText(); break;
        case VALUE_TRUE: value = Boolean.TRUE; break;
        case VALUE_FALSE: value = Boolean.FALSE; break;
        case VALUE_NUMBER_INT:
          if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new MalformedAnswerException(where + ": parameter '" + key + "' is beyond 64 bits");
          }
          value = p.getLongValue();
          break;
        case VALUE_NUMBER_FLOAT: value = p.getDoubleValue(); break;
        default:
          throw new MalformedAnswerException(where + ": parameter '" + key + "' is " + t
              + ", not a string, number or boolean");
      }
      if (out.put(key, value) != null) {
        throw new MalformedAnswerException(where + ": parameter '" + key + "' appears twice");
      }
    }
    return out;
  }
}
