package io.inferlink.codec.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.NumberInput;
import io.inferlink.DataType;
import io.inferlink.half.HalfFloats;
import io.inferlink.Tensor;
import io.inferlink.spi.support.JsonLimits;
import io.inferlink.spi.support.MalformedAnswerException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One tensor read from JSON in two passes, the one reader of every JSON protocol: the first ({@link #measure})
 * learns the shape from the nesting of lists, which must be rectangular, and what kinds of elements there are,
 * storing nothing per element; the protocol then picks the element type (its own, or inferred from
 * {@link #kinds()} by its own rule) and {@link #allocate}s; the second ({@link #fill}) writes every element,
 * checked against the type, into that exactly sized buffer. So a tensor costs its JSON text plus itself, and no
 * intermediate copy. A tensor can be one JSON value or several (the rows of a row-format answer, stacked along
 * a new first dimension): call {@link #measure} and {@link #fill} once per value, in the same order.
 *
 * <p>Lists of numbers, booleans and plain ASCII strings read through a parser from {@link JsonTensors#parser} are
 * read straight from the bytes ({@code NumberLists}); everything else, and anything that reader is unsure of, token by token, which gives
 * the same elements and the exact complaint. Problems are {@link MalformedAnswerException}s starting with the
 * label, e.g. {@code output 'y' is ragged at [1]}. Not thread-safe: one per tensor per decoding.
 */
public final class JsonColumn {
  private static final long[] SCALAR = new long[0];

  private final String label;
  private final DataType knownType;
  private final LeafRules rules;

  private long values;
  private long[] valueShape;
  private long leaves;
  private long textBytes;
  private int kinds;
  /** Index of each enclosing list's element being read, for messages. */
  private final long[] path = new long[JsonLimits.MAX_NESTING_DEPTH + 1];

  private DataType dtype;
  private long[] shape;
  private ByteBuffer buffer;

  /**
   * A column for one tensor.
   *
   * @param label how messages name the tensor, e.g. {@code output 'y'}
   * @param elementType the element type when the protocol knows it beforehand (the first pass then only
   *     measures), or {@code null} when it will be inferred from {@link #kinds()}
   * @param rules which JSON values are elements
   */
  public JsonColumn(String label, DataType elementType, LeafRules rules) {
    this.label = label;
    this.knownType = elementType;
    this.rules = rules;
  }

  // ---------------------------------------------------------------- first pass

  /**
   * Measures the value at the parser's current token and leaves the parser on its last token. Every value of a
   * column must have one shape.
   *
   * @param p a parser on the first token of one value
   * @throws IOException when the parser cannot read the value
   */
  public void measure(JsonParser p) throws IOException {
    long[] s = null;
    if (p.currentToken() == JsonToken.START_ARRAY && p instanceof ChunkedJsonParser) {
      s = measureFast((ChunkedJsonParser) p);
    }
    if (s == null) {
      s = measureTokens(p, 0);
    }
    addValueShape(s);
  }

  /**
   * Measures a BYTES element the caller has read itself: a string, or the text of a {@code {"b64": ...}}.
   *
   * @param text the string, or the base64 text
   * @param b64 whether {@code text} is base64 to be decoded
   */
  public void measureText(String text, boolean b64) {
    kinds |= b64 ? LeafKinds.B64 : LeafKinds.STRING;
    leaves++;
    textBytes += 4 + (b64 ? Base64Text.decodedLength(text) : textLength(text));
    addValueShape(SCALAR);
  }

  private void addValueShape(long[] s) {
    if (values == 0) {
      valueShape = s;
    } else if (!Arrays.equals(valueShape, s)) {
      throw new MalformedAnswerException(label + " is ragged at row " + values + ": its shape is "
          + Arrays.toString(s) + ", row 0's is " + Arrays.toString(valueShape));
    }
    values++;
  }

  /** Through {@link NumberLists}, or null when it cannot say. */
  private long[] measureFast(ChunkedJsonParser p) {
    try {
      NumberLists lists = p.numberLists();
      // Counting commas needs elements without commas or brackets in them: not so for strings.
      boolean countOnly = knownType != null && knownType != DataType.BYTES;
      long[] s = lists.measure(p.offset(), p.depth(), countOnly, knownType == DataType.BYTES, rules.nullAsNaN());
      leaves += lists.leaves();
      textBytes += lists.textBytes();
      kinds |= lists.kinds();
      p.skipListTo(lists.end());
      return s;
    } catch (NumberLists.NotPlain | IndexOutOfBoundsException e) {
      return null;
    }
  }

  /** The shape of the value at the current token, {@code depth} lists inside the value. */
  private long[] measureTokens(JsonParser p, int depth) throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.START_ARRAY) {
      measureLeaf(p, t, depth);
      return SCALAR;
    }
    if (depth >= path.length) {
      throw new MalformedAnswerException(label + " nests lists deeper than " + path.length);
    }
    long n = 0;
    long[] element = null;
    for (JsonToken e = next(p); e != JsonToken.END_ARRAY; e = next(p)) {
      path[depth] = n;
      long[] s = measureTokens(p, depth + 1);
      if (element == null) {
        element = s;
      } else if (!Arrays.equals(element, s)) {
        throw new MalformedAnswerException(label + " is ragged at " + where(depth + 1) + ": its lists differ in"
            + " length or its values sit at different depths, so it has no tensor shape");
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

  private void measureLeaf(JsonParser p, JsonToken t, int depth) throws IOException {
    switch (t) {
      case VALUE_NUMBER_INT: {
        // From the characters, without parsing or a String: up to 18 digits always fit a long.
        boolean negative = p.getTextCharacters()[p.getTextOffset()] == '-';
        kinds |= LeafKinds.INTEGER | (negative ? LeafKinds.NEGATIVE : 0);
        if (p.getTextLength() - (negative ? 1 : 0) > 18 && p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          kinds |= LeafKinds.BEYOND_INT64;
        }
        break;
      }
      case VALUE_NUMBER_FLOAT:
        kinds |= p.isNaN() ? LeafKinds.NON_FINITE : LeafKinds.FRACTION;
        break;
      case VALUE_TRUE:
      case VALUE_FALSE:
        kinds |= LeafKinds.BOOLEAN;
        break;
      case VALUE_STRING:
        kinds |= LeafKinds.STRING;
        textBytes += 4 + textLength(p.getText());
        break;
      case VALUE_NULL:
        if (rules.nullAsNaN()) {
          kinds |= LeafKinds.NULL;
        } else if (knownType == null) {
          throw new MalformedAnswerException(label + " holds null at " + where(depth) + ", which is not a tensor element");
        } // else the second pass says it is not a value of the type, whichever road the first took
        break;
      case START_OBJECT:
        if (!rules.b64Objects()) {
          throw new MalformedAnswerException(label + " holds an object " + (depth == 0 ? "where values are expected"
              : "inside a list") + " (at " + where(depth) + "); that is not a tensor element");
        }
        kinds |= LeafKinds.B64;
        textBytes += 4 + Base64Text.decodedLength(b64Text(p));
        break;
      default:
        throw new MalformedAnswerException(label + ": unexpected JSON " + t);
    }
    leaves++;
  }

  // ---------------------------------------------------------------- between the passes

  /**
   * How many values were measured (rows, for a row-format answer).
   *
   * @return the number of values measured so far
   */
  public long values() {
    return values;
  }

  /**
   * The shape every measured value has.
   *
   * @return a copy of the shape; {@code []} for a scalar, or when nothing was measured
   */
  public long[] valueShape() {
    return valueShape == null ? SCALAR : valueShape.clone();
  }

  /**
   * The values stacked as rows.
   *
   * @return {@code [values()]} followed by {@link #valueShape()}
   */
  public long[] stackedShape() {
    long[] value = valueShape();
    long[] out = new long[value.length + 1];
    out[0] = values;
    System.arraycopy(value, 0, out, 1, value.length);
    return out;
  }

  /**
   * How many elements were measured.
   *
   * @return the number of leaf elements in every value so far
   */
  public long elements() {
    return leaves;
  }

  /**
   * What kinds of elements were measured (nothing but their number when the type was known beforehand).
   *
   * @return the kinds seen so far
   */
  public LeafKinds kinds() {
    return new LeafKinds(kinds);
  }

  /**
   * Fixes the element type and the shape (whose element count must be what was measured) and allocates the
   * tensor's buffer.
   *
   * @param elementType the tensor's element type
   * @param tensorShape the tensor's shape, holding {@link #elements()} elements
   */
  public void allocate(DataType elementType, long[] tensorShape) {
    long count = 1;
    for (long d : tensorShape) {
      try {
        count = Math.multiplyExact(count, d);
      } catch (ArithmeticException e) {
        throw new MalformedAnswerException(label + " of shape " + Arrays.toString(tensorShape) + " is too large");
      }
    }
    if (count != leaves) {
      throw new MalformedAnswerException(label + ": shape " + Arrays.toString(tensorShape) + " needs " + count
          + " elements, the JSON has " + leaves);
    }
    long size = elementType.isFixedSize() ? count * elementType.byteSize() : textBytes;
    if (size > Integer.MAX_VALUE - 8) {
      throw new MalformedAnswerException(label + " needs " + size + " bytes, more than a tensor holds");
    }
    this.dtype = elementType;
    this.shape = tensorShape.clone();
    this.buffer = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
  }

  // ---------------------------------------------------------------- second pass

  /**
   * Writes every element of the value at the parser's current token, leaving the parser on its last token.
   *
   * @param p a parser on the first token of one value
   * @throws IOException when the parser cannot read the value
   */
  public void fill(JsonParser p) throws IOException {
    try {
      if (p.currentToken() == JsonToken.START_ARRAY && p instanceof ChunkedJsonParser && fillFast((ChunkedJsonParser) p)) {
        return;
      }
      fillTokens(p, 0);
    } catch (BufferOverflowException e) {
      throw new MalformedAnswerException(label + ": its values do not fit its shape");
    }
  }

  /**
   * Writes a BYTES element the caller has read itself (see {@link #measureText}).
   *
   * @param text the string, or the base64 text
   * @param b64 whether {@code text} is base64 to be decoded
   */
  public void fillText(String text, boolean b64) {
    if (dtype != DataType.BYTES) {
      throw new MalformedAnswerException(label + " is " + dtype.wireName() + ", but holds text");
    }
    putBytes(b64 ? decodeB64(text) : textBytes(text));
  }

  private boolean fillFast(ChunkedJsonParser p) {
    try {
      NumberLists lists = p.numberLists();
      lists.fill(p.offset(), p.depth(), dtype, rules.nullAsNaN(), buffer);
      p.skipListTo(lists.end());
      return true;
    } catch (NumberLists.NotPlain e) {
      return false;
    }
  }

  private void fillTokens(JsonParser p, int depth) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_ARRAY) {
      long n = 0;
      for (JsonToken e = next(p); e != JsonToken.END_ARRAY; e = next(p)) {
        path[depth] = n++;
        fillTokens(p, depth + 1);
      }
      return;
    }
    fillLeaf(p, t);
  }

  private void fillLeaf(JsonParser p, JsonToken t) throws IOException {
    switch (dtype) {
      case BOOL: buffer.put((byte) (bool(p, t) ? 1 : 0)); break;
      case INT8: buffer.put((byte) integer(p, t, Byte.MIN_VALUE, Byte.MAX_VALUE)); break;
      case UINT8: buffer.put((byte) integer(p, t, 0, 0xFF)); break;
      case INT16: buffer.putShort((short) integer(p, t, Short.MIN_VALUE, Short.MAX_VALUE)); break;
      case UINT16: buffer.putShort((short) integer(p, t, 0, 0xFFFF)); break;
      case INT32: buffer.putInt((int) integer(p, t, Integer.MIN_VALUE, Integer.MAX_VALUE)); break;
      case UINT32: buffer.putInt((int) integer(p, t, 0, 0xFFFFFFFFL)); break;
      case INT64: buffer.putLong(integer(p, t, Long.MIN_VALUE, Long.MAX_VALUE)); break;
      case UINT64: buffer.putLong(exactInteger(p, t).longValue()); break;
      case FP16: buffer.putShort(HalfFloats.floatToFp16(float32(p, t))); break;
      case BF16: buffer.putShort(HalfFloats.floatToBf16(float32(p, t))); break;
      case FP32: buffer.putFloat(float32(p, t)); break;
      case FP64: buffer.putDouble(float64(p, t)); break;
      case BYTES: putBytes(bytes(p, t)); break;
      default: throw new IllegalStateException(dtype.toString());
    }
  }

  private boolean bool(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      return t == JsonToken.VALUE_TRUE;
    }
    if (rules.looseValues() && t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
        && (p.getIntValue() == 0 || p.getIntValue() == 1)) {
      return p.getIntValue() == 1;
    }
    throw notA(p, t);
  }

  /** An integer within {@code [min, max]}. */
  private long integer(JsonParser p, JsonToken t, long min, long max) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      long v = p.getLongValue();
      if (v < min || v > max) {
        throw outside(String.valueOf(v));
      }
      return v;
    }
    return exactInteger(p, t).longValue();
  }

  /** An integer of any size, checked against the type's range (two's complement bits for UINT64). */
  private BigInteger exactInteger(JsonParser p, JsonToken t) throws IOException {
    BigInteger v;
    if (t == JsonToken.VALUE_NUMBER_INT) {
      if (dtype == DataType.UINT64 && !rules.looseValues() && p.getText().startsWith("-")) {
        throw outside(p.getText()); // -0 too: an unsigned type has no sign
      }
      v = p.getBigIntegerValue();
    } else if (rules.looseValues() && t == JsonToken.VALUE_NUMBER_FLOAT && !p.isNaN()) {
      v = looseInteger(p, t); // 2.0 or 1e3 are integers too
    } else {
      throw notA(p, t);
    }
    int bits = dtype.byteSize() * 8;
    BigInteger min = dtype.isUnsigned() ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits - 1).negate();
    BigInteger max = dtype.isUnsigned() ? BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
        : BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
    if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
      throw outside(v.toString());
    }
    return v;
  }

  /**
   * A number with a fraction or an exponent that is an integer (2.0, 1e3), else not a; one of more than 20 integer
   * digits is outside every type before it is expanded, so that 1e999999999 does not cost a billion-digit integer.
   */
  private BigInteger looseInteger(JsonParser p, JsonToken t) throws IOException {
    BigDecimal d;
    try {
      d = p.getDecimalValue();
    } catch (NumberFormatException e) { // an exponent beyond BigDecimal's int scale
      throw outside(p.getText());
    }
    if (d.signum() != 0 && (long) d.precision() - d.scale() > 20) {
      throw outside(p.getText());
    }
    try {
      if (isIntegral(d)) {
        return d.toBigIntegerExact();
      }
    } catch (ArithmeticException e) {
      // a scale past int's range on the way: 1e-2147483648 and the like are fractions anyway
    }
    throw notA(p, t);
  }

  private static boolean isIntegral(BigDecimal d) {
    return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
  }

  /**
   * The float nearest the number's decimal text (FastDoubleParser on the parser's characters, no String), not a
   * float rounded from a double, which could round twice.
   */
  private float float32(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
      if (p.isNaN()) {
        return (float) p.getDoubleValue();
      }
      return NumberInput.parseFloat(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), true);
    }
    return (float) nonNumber(p, t);
  }

  private double float64(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
      if (p.isNaN()) {
        return p.getDoubleValue();
      }
      return NumberInput.parseDouble(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), true);
    }
    return nonNumber(p, t);
  }

  /** What a floating-point type takes besides numbers: null for NaN, the names of the non-finite values. */
  private double nonNumber(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NULL && rules.nullAsNaN()) {
      return Double.NaN;
    }
    if (t == JsonToken.VALUE_STRING && rules.looseValues()) {
      switch (p.getText()) {
        case "NaN": return Double.NaN;
        case "Infinity": return Double.POSITIVE_INFINITY;
        case "-Infinity": return Double.NEGATIVE_INFINITY;
        default: break;
      }
    }
    throw notA(p, t);
  }

  private byte[] bytes(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_STRING) {
      return textBytes(p.getText());
    }
    if (t == JsonToken.START_OBJECT && rules.b64Objects()) {
      return decodeB64(b64Text(p));
    }
    throw notA(p, t);
  }

  private byte[] decodeB64(String text) {
    try {
      return Base64Text.decode(text);
    } catch (IllegalArgumentException e) {
      throw new MalformedAnswerException(label + ": {\"b64\": ...} is not valid base64");
    }
  }

  private void putBytes(byte[] raw) {
    buffer.putInt(raw.length).put(raw);
  }

  /**
   * After the second pass: the tensor, named {@code name}.
   *
   * @param name the tensor's name
   * @return the tensor over the filled buffer
   */
  public Tensor toTensor(String name) {
    if (buffer.hasRemaining()) {
      throw new MalformedAnswerException(label + ": its values do not fill its shape");
    }
    try {
      return Tensor.wrap(name, dtype, buffer.flip(), shape);
    } catch (IllegalArgumentException e) {
      // What a Tensor refuses that the reader has not checked, an empty name say.
      throw new MalformedAnswerException(label + " cannot be a tensor: " + e.getMessage(), e);
    }
  }

  // ---------------------------------------------------------------- helpers

  private JsonToken next(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new MalformedAnswerException(label + ": the JSON ends inside a list");
    }
    return t;
  }

  /** Reads a {@code {"b64": "..."}} object at the current START_OBJECT and returns the text. */
  private String b64Text(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.FIELD_NAME || !Base64Text.KEY.equals(p.currentName())
        || p.nextToken() != JsonToken.VALUE_STRING) {
      throw new MalformedAnswerException(label + " holds an object that is not {\"b64\": \"...\"}");
    }
    String text = p.getText();
    if (p.nextToken() != JsonToken.END_OBJECT) {
      throw new MalformedAnswerException(label + " holds a b64 object with more than one member");
    }
    return text;
  }

  private byte[] textBytes(String s) {
    return rules.rawByteStrings() ? RawByteText.bytes(s) : s.getBytes(StandardCharsets.UTF_8);
  }

  private long textLength(String s) {
    return rules.rawByteStrings() ? RawByteText.bytes(s).length : utf8Length(s);
  }

  /** What {@code s.getBytes(UTF_8).length} is, without the bytes. */
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
        n += 1; // a lone surrogate: getBytes(UTF_8) writes '?' for it
      } else {
        n += 3;
      }
    }
    return n;
  }

  /** Where in the value an element at {@code depth} is, e.g. {@code [1][0]}, with its row for stacked values. */
  private String where(int depth) {
    StringBuilder s = new StringBuilder();
    if (values > 0) {
      s.append("row ").append(values).append(' ');
    }
    for (int i = 0; i < depth; i++) {
      s.append('[').append(path[i]).append(']');
    }
    return s.length() == 0 ? "the top" : s.toString().trim();
  }

  private MalformedAnswerException outside(String value) {
    int bits = dtype.byteSize() * 8;
    BigInteger min = dtype.isUnsigned() ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits - 1).negate();
    BigInteger max = dtype.isUnsigned() ? BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
        : BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
    return new MalformedAnswerException(label + ": " + value + " is outside " + dtype.wireName() + " (" + min + ".." + max + ")");
  }

  private MalformedAnswerException notA(JsonParser p, JsonToken t) throws IOException {
    String shown;
    switch (t) {
      case VALUE_STRING: shown = '"' + p.getText() + '"'; break;
      case START_OBJECT: shown = "{...}"; break;
      case START_ARRAY: shown = "[...]"; break;
      default: shown = p.getText();
    }
    if (shown.length() > 40) {
      shown = shown.substring(0, 40) + "...";
    }
    return new MalformedAnswerException(label + ": " + shown + " is not a " + dtype.wireName() + " value");
  }
}
