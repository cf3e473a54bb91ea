package io.inferlink.tfserving.rest.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.inferlink.spi.support.MalformedAnswerException;
import java.io.IOException;
import java.util.Arrays;

/**
 * First pass over one output's JSON values: its shape (dimensions from nesting, which must be
 * rectangular), how many leaves, which JSON kinds the leaves are, and how many bytes BYTES
 * elements will need. Nothing is stored per element, so this pass allocates next to nothing.
 */
final class OutputScan {
  private static final long[] SCALAR = new long[0];

  final String name;
  private long[] valueShape;        // shape of one value (of one row in row format)
  private long values;              // how many values were scanned (rows in row format)
  long leaves;
  long bytesNeeded;                 // BYTES: sum of 4 + element length
  boolean sawInt;
  boolean sawFloat;
  boolean sawBool;
  boolean sawText;
  boolean sawNegative;
  boolean sawBeyondInt64;

  OutputScan(String name) {
    this.name = name;
  }

  /** Scans the value at the parser's current token; every value of one output must have one shape. */
  void scanValue(JsonParser p) throws IOException {
    long[] shape = scan(p);
    if (valueShape == null) {
      valueShape = shape;
    } else if (!Arrays.equals(valueShape, shape)) {
      throw new MalformedAnswerException("output '" + name + "': rows have different shapes "
          + Arrays.toString(valueShape) + " and " + Arrays.toString(shape));
    }
    values++;
  }

  /** Scans a scalar text value read ahead by the walker (raw text, or base64 when {@code b64}). */
  void scanScalarText(String text, boolean b64) {
    long[] shape = SCALAR;
    if (valueShape == null) {
      valueShape = shape;
    } else if (!Arrays.equals(valueShape, shape)) {
      throw new MalformedAnswerException("output '" + name + "': rows have different shapes");
    }
    values++;
    leaves++;
    sawText = true;
    bytesNeeded += 4 + (b64 ? B64.decodedLength(text) : utf8Length(text));
  }

  /** The shape: the value's own, or {@code [rows] + row shape} when {@code rows} is true. */
  long[] shape(boolean rows) {
    long[] value = valueShape == null ? SCALAR : valueShape;
    if (!rows) {
      if (values > 1) {
        throw new MalformedAnswerException("output '" + name + "' appears " + values + " times in \"outputs\"");
      }
      return value;
    }
    long[] out = new long[value.length + 1];
    out[0] = values;
    System.arraycopy(value, 0, out, 1, value.length);
    return out;
  }

  /**
   * The shape of the value at the current token: a list is {@code [n] + shape of its elements},
   * which must all agree (TF Serving's tensors are dense); an empty list is {@code [0]}.
   */
  private long[] scan(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      leaf(p);
      return SCALAR;
    }
    long n = 0;
    long[] element = null;
    while (nextOrFail(p) != JsonToken.END_ARRAY) {
      long[] s = scan(p);
      if (element == null) {
        element = s;
      } else if (!Arrays.equals(element, s)) {
        throw new MalformedAnswerException("output '" + name + "': ragged or mixed-depth lists ("
            + Arrays.toString(element) + " then " + Arrays.toString(s) + ")");
      }
      n++;
    }
    long[] shape = new long[1 + (element == null ? 0 : element.length)];
    shape[0] = n;
    if (element != null) {
      System.arraycopy(element, 0, shape, 1, element.length);
    }
    return shape;
  }

  private JsonToken nextOrFail(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new MalformedAnswerException("output '" + name + "': the JSON ends inside a list");
    }
    return t;
  }

  private void leaf(JsonParser p) throws IOException {
    leaves++;
    switch (p.currentToken()) {
      case VALUE_NUMBER_INT: {
        sawInt = true;
        // From the characters, without parsing or a String per value: up to 18 digits always fit a long.
        boolean negative = p.getTextCharacters()[p.getTextOffset()] == '-';
        sawNegative |= negative;
        if (p.getTextLength() - (negative ? 1 : 0) > 18 && p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          sawBeyondInt64 = true;
        }
        break;
      }
      case VALUE_NUMBER_FLOAT:
        sawFloat = true;
        break;
      case VALUE_TRUE:
      case VALUE_FALSE:
        sawBool = true;
        break;
      case VALUE_STRING:
        sawText = true;
        bytesNeeded += 4 + utf8Length(p.getText());
        break;
      case START_OBJECT:
        sawText = true;
        bytesNeeded += 4 + B64.decodedLength(b64Text(p, name));
        break;
      default:
        throw new MalformedAnswerException("output '" + name + "': unexpected JSON " + p.currentToken());
    }
  }

  /** Reads a {@code {"b64": "..."}} object at the current START_OBJECT and returns the text. */
  static String b64Text(JsonParser p, String output) throws IOException {
    if (p.nextToken() != JsonToken.FIELD_NAME || !B64.KEY.equals(p.currentName())
        || p.nextToken() != JsonToken.VALUE_STRING) {
      throw new MalformedAnswerException("output '" + output + "': an object that is not {\"b64\": \"...\"}");
    }
    String text = p.getText();
    if (p.nextToken() != JsonToken.END_OBJECT) {
      throw new MalformedAnswerException("output '" + output + "': a b64 object with more than one field");
    }
    return text;
  }

  static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        n += 1; // a lone surrogate: String.getBytes(UTF_8) writes '?' for it, as OutputFill does
      } else {
        n += 3;
      }
    }
    return n;
  }
}
