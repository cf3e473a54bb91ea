package io.inferlink.tfserving.rest.internal;

import io.inferlink.DataType;
import io.inferlink.half.HalfFloats;
import io.inferlink.Tensor;
import io.inferlink.spi.support.JsonLimits;
import io.inferlink.transport.http.ByteChunks;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast path of {@link PredictResponseReader} for what almost every answer is: one body chunk holding
 * {@code {"outputs": value}}, {@code {"outputs": {"name": value, ...}}} or {@code {"predictions": [value,
 * ...]}} whose values are nested lists of plain JSON numbers ({@code NaN} and {@code Infinity} included).
 * It reads the bytes itself, twice like the general reader (first shapes and kinds, then the values into
 * exactly sized buffers, so no value is held twice), without a tokenizer and mostly without a String or
 * a parse call per number: a decimal of up to 16 digits and a small exponent is one correctly rounded
 * division ({@link #parseDouble}). That makes an image answer several times cheaper than through Jackson.
 *
 * <p>It gives up, returning null, on anything else — strings, booleans, {@code b64}, other fields,
 * escapes, ragged or mixed lists, several chunks, numbers a type cannot hold, a value it would round
 * differently — and the general reader then takes the whole answer, with its exact error messages. So
 * for every answer both read, the tensors are the same (the tests compare them). Stateless.
 */
final class NumericAnswer {
  private static final long[] SCALAR = new long[0];
  private static final double[] POW10 = new double[23];
  private static final int MAX_NUMBER_LENGTH = 1000; // TfJson's limit
  /** For {@link #count}: ',' and ']' as themselves, 1 for what cannot be in a list of numbers, 0 for the rest. */
  private static final byte[] COUNTING = new byte[256];
  private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  static {
    COUNTING[','] = ',';
    COUNTING[']'] = ']';
    for (char c : new char[] {'[', '{', '}', '"', ':'}) {
      COUNTING[c] = 1;
    }
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p; // exact: 10^22 is the largest power of ten a double holds exactly
      p *= 10;
    }
  }

  /** Thrown to give up; no stack trace, it is control flow. */
  private static final class NotPlain extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final NotPlain INSTANCE = new NotPlain();

    private NotPlain() {
      super(null, null, false, false);
    }
  }

  /** One output: what the first pass learns, and the buffer the second fills. */
  private static final class Output {
    final String name;
    final OutputScan kinds;
    long[] valueShape;
    long values;
    DataType dtype;
    ByteBuffer buffer;

    /** The signature names the type: the first pass only measures, the second checks every number. */
    final boolean typed;

    Output(String name, boolean typed) {
      this.name = name;
      this.kinds = new OutputScan(name);
      this.typed = typed;
    }
  }

  private final ByteBuffer bytes;
  private final OutputTypes types;
  private final int end;
  private int pos;
  private boolean filling;
  private final char[] chars = new char[MAX_NUMBER_LENGTH];
  /** Bytes {@code [windowStart, windowEnd)} of the body, copied in blocks for the number loops. */
  private final byte[] window = new byte[64 * 1024];
  private int windowStart;
  private int windowEnd;

  private NumericAnswer(ByteBuffer bytes, OutputTypes types) {
    this.bytes = bytes;
    this.end = bytes.limit();
    this.types = types;
  }

  /** The answer's tensors, or null when it is not of the plain numeric kind. */
  static List<Tensor> read(ByteChunks body, OutputTypes types) {
    List<ByteBuffer> chunks = body.chunks();
    if (chunks.size() != 1) {
      return null;
    }
    NumericAnswer reader = new NumericAnswer(chunks.get(0), types);
    try {
      return reader.read();
    } catch (NotPlain | IndexOutOfBoundsException e) {
      return null;
    } catch (IllegalArgumentException e) {
      return null; // a tensor the answer cannot make (an empty name): the general reader says why
    }
  }

  private List<Tensor> read() {
    Map<String, Output> outputs = new LinkedHashMap<>();
    boolean rows = walk(outputs);
    for (Output o : outputs.values()) {
      long[] shape = shape(o, rows);
      o.dtype = types.typeOf(o.name).orElseGet(() -> PredictResponseReader.infer(o.kinds));
      long size;
      if (o.dtype == DataType.BOOL || o.dtype == DataType.BYTES || o.dtype == DataType.UINT64) {
        throw NotPlain.INSTANCE; // the general reader knows these
      }
      size = o.kinds.leaves * o.dtype.byteSize();
      if (size > Integer.MAX_VALUE - 8 || elements(shape) != o.kinds.leaves) {
        throw NotPlain.INSTANCE;
      }
      o.buffer = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
      o.valueShape = shape;
    }
    filling = true;
    pos = 0;
    walk(outputs);
    List<Tensor> out = new ArrayList<>(outputs.size());
    for (Output o : outputs.values()) {
      if (o.buffer.hasRemaining()) {
        throw NotPlain.INSTANCE;
      }
      out.add(Tensor.wrap(o.name, o.dtype, o.buffer.flip(), o.valueShape));
    }
    return out;
  }

  private static long[] shape(Output o, boolean rows) {
    long[] value = o.valueShape == null ? SCALAR : o.valueShape;
    if (!rows) {
      return value;
    }
    long[] shape = new long[value.length + 1];
    shape[0] = o.values;
    System.arraycopy(value, 0, shape, 1, value.length);
    return shape;
  }

  private static long elements(long[] shape) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }

  /** The whole document, once per pass; true for the row form. */
  private boolean walk(Map<String, Output> outputs) {
    expect('{');
    String field = key();
    expect(':');
    boolean rows;
    if (field.equals("outputs")) {
      rows = false;
      if (peek() == '{') {
        pos++;
        do {
          String name = key();
          expect(':');
          Output o = output(outputs, name);
          if (!filling && o.values > 0) {
            throw NotPlain.INSTANCE; // a repeated name
          }
          value(o, 2);
        } while (comma());
        expect('}');
      } else {
        value(output(outputs, types.unnamedOutput()), 1);
      }
    } else if (field.equals("predictions")) {
      rows = true;
      expect('[');
      Output o = output(outputs, types.unnamedOutput());
      do {
        if (peek() == '{' || peek() == ']') {
          throw NotPlain.INSTANCE; // named rows, or none
        }
        value(o, 2);
      } while (comma());
      expect(']');
    } else {
      throw NotPlain.INSTANCE;
    }
    expect('}');
    if (peek() != -1) {
      throw NotPlain.INSTANCE;
    }
    return rows;
  }

  private Output output(Map<String, Output> outputs, String name) {
    Output o = outputs.get(name);
    if (o == null) {
      if (filling) {
        throw NotPlain.INSTANCE;
      }
      o = new Output(name, types.typeOf(name).isPresent());
      outputs.put(name, o);
    }
    return o;
  }

  /**
   * One value of an output, inside containers nested {@code depth} deep; in the first pass every value
   * of it must have one shape.
   */
  private void value(Output o, int depth) {
    long[] shape = list(o, depth);
    if (!filling) {
      if (o.values == 0) {
        o.valueShape = shape;
      } else if (!Arrays.equals(o.valueShape, shape)) {
        throw NotPlain.INSTANCE;
      }
    }
    o.values++;
  }

  /**
   * A number, or a list of lists or numbers inside containers nested {@code depth} deep; its shape (in
   * the first pass; null in the second). Nesting past Jackson's limit is left to the general reader,
   * which refuses it with Jackson's message (and this recursion stays shallow).
   */
  private long[] list(Output o, int depth) {
    if (peek() != '[') {
      number(o);
      return SCALAR;
    }
    if (depth >= JsonLimits.MAX_NESTING_DEPTH) {
      throw NotPlain.INSTANCE;
    }
    pos++;
    if (peek() == ']') {
      pos++;
      return new long[] {0};
    }
    if (peek() != '[') {
      // Innermost list: numbers only, the hot loop.
      if (!filling && o.typed) {
        return new long[] {count(o)};
      }
      long n = 0;
      do {
        number(o);
        n++;
      } while (comma());
      expect(']');
      return filling ? null : new long[] {n};
    }
    long n = 0;
    long[] element = null;
    do {
      long[] s = list(o, depth + 1);
      if (!filling) {
        if (element == null) {
          element = s;
        } else if (!Arrays.equals(element, s)) {
          throw NotPlain.INSTANCE; // ragged: the general reader says where
        }
      }
      n++;
    } while (comma());
    expect(']');
    if (filling) {
      return null;
    }
    long[] shape = new long[element.length + 1];
    shape[0] = n;
    System.arraycopy(element, 0, shape, 1, element.length);
    return shape;
  }

  // ---------------------------------------------------------------- numbers

  /**
   * First pass over an innermost list of a typed output: its length, from the commas up to the closing
   * bracket; the numbers themselves are checked in the second pass, which gives up on a bad one.
   */
  private long count(Output o) {
    long n = 1;
    int p = pos;
    while (true) {
      pos = p;
      fillWindow();
      byte[] w = window;
      int base = windowStart;
      int limit = windowEnd;
      for (; p < limit; p++) {
        byte kind = COUNTING[w[p - base] & 0xFF];
        if (kind != 0) {
          if (kind == ',') {
            n++;
          } else if (kind == ']') {
            pos = p + 1;
            o.kinds.leaves += n;
            return n;
          } else {
            throw NotPlain.INSTANCE; // a string, an object or a nested list: not a plain list of numbers
          }
        }
      }
      if (limit == end) {
        throw NotPlain.INSTANCE;
      }
    }
  }


  /** Reads one number: its kind in the first pass, its value into the buffer in the second. */
  private void number(Output o) {
    skipWs();
    fillWindow();
    if (filling) {
      fill(o);
    } else {
      scan(o);
    }
  }

  /**
   * First pass: checks the number against JSON's grammar, {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}
   * (or NaN, Infinity, -Infinity), and notes its kind; the value is not computed.
   */
  private void scan(Output o) {
    byte[] w = window;
    int base = windowStart;
    int e = windowEnd;
    int p = pos;
    int start = p;
    if (p + 1 >= e) {
      throw NotPlain.INSTANCE; // a number is never the last byte of an answer
    }
    byte c = w[p - base];
    boolean negative = c == '-';
    if (negative) {
      c = w[++p - base];
    }
    if (c == 'N' || c == 'I') {
      pos = p;
      nonFinite(o, negative, start);
      return;
    }
    int intStart = p;
    if (c == '0') {
      p++;
    } else if (c >= '1' && c <= '9') {
      do {
        p++;
      } while (p < e && (c = w[p - base]) >= '0' && c <= '9');
    } else {
      throw NotPlain.INSTANCE;
    }
    int intDigits = p - intStart;
    boolean fraction = false;
    if (p < e && w[p - base] == '.') {
      fraction = true;
      int digits = ++p;
      while (p + 8 <= e && eightDigits((long) LONG_LE.get(w, p - base)) >= 0) {
        p += 8;
      }
      while (p < e && (c = w[p - base]) >= '0' && c <= '9') {
        p++;
      }
      if (p == digits) {
        throw NotPlain.INSTANCE;
      }
    }
    if (p < e && ((c = w[p - base]) == 'e' || c == 'E')) {
      fraction = true;
      p++;
      if (p < e && ((c = w[p - base]) == '-' || c == '+')) {
        p++;
      }
      int digits = p;
      while (p < e && (c = w[p - base]) >= '0' && c <= '9') {
        p++;
      }
      if (p == digits) {
        throw NotPlain.INSTANCE;
      }
    }
    if (p - start > MAX_NUMBER_LENGTH || (p < e && !delimiter(w[p - base]))) {
      throw NotPlain.INSTANCE;
    }
    pos = p;
    OutputScan k = o.kinds;
    k.leaves++;
    if (fraction) {
      k.sawFloat = true;
    } else {
      k.sawInt = true;
      k.sawNegative |= negative;
      if (intDigits > 18 && !fitsLong(start, p - start, negative)) {
        k.sawBeyondInt64 = true;
      }
    }
  }

  /** Second pass: the value of a number the first pass has checked, into the output's buffer. */
  private void fill(Output o) {
    byte[] w = window;
    int base = windowStart;
    int e = windowEnd;
    int p = pos;
    int start = p;
    if (p + 1 >= e) {
      throw NotPlain.INSTANCE; // a number is never the last byte of an answer
    }
    byte c = w[p - base];
    boolean negative = c == '-';
    if (negative) {
      c = w[++p - base];
    }
    if (c == 'N' || c == 'I') {
      pos = p;
      nonFinite(o, negative, start);
      return;
    }
    // The same grammar as scan(), checked here too: typed outputs skip it in the first pass.
    // Up to 18 significant digits in a long; the rest only moves the exponent (and makes it inexact).
    long mantissa = 0;
    int significant = 0;
    int exp10 = 0;
    boolean truncated = false;
    int intStart = p;
    if (c == '0') {
      p++;
    } else if (c < '1' || c > '9') {
      throw NotPlain.INSTANCE;
    } else {
      do {
        if (significant < 18) {
          mantissa = mantissa * 10 + (c - '0');
          significant++;
        } else {
          exp10++;
          truncated = true;
        }
        p++;
      } while (p < e && (c = w[p - base]) >= '0' && c <= '9');
    }
    int intDigits = p - intStart;
    boolean fraction = false;
    if (p < e && w[p - base] == '.') {
      fraction = true;
      int digits = ++p;
      if (significant == 0) {
        while (p < e && w[p - base] == '0') { // zeros right after "0." are not significant
          exp10--;
          p++;
        }
      }
      int some;
      while (significant <= 10 && p + 8 <= e && (some = eightDigits((long) LONG_LE.get(w, p - base))) >= 0) {
        mantissa = mantissa * 100_000_000 + some;
        significant += 8;
        exp10 -= 8;
        p += 8;
      }
      if (significant <= 14 && p + 4 <= e && (some = fourDigits((int) INT_LE.get(w, p - base))) >= 0) {
        mantissa = mantissa * 10_000 + some;
        significant += 4;
        exp10 -= 4;
        p += 4;
      }
      while (p < e && (c = w[p - base]) >= '0' && c <= '9') {
        if (significant < 18) {
          mantissa = mantissa * 10 + (c - '0');
          significant++;
          exp10--;
        } else if (c != '0') {
          truncated = true;
        }
        p++;
      }
      if (p == digits) {
        throw NotPlain.INSTANCE;
      }
    }
    if (p < e && ((c = w[p - base]) == 'e' || c == 'E')) {
      fraction = true;
      p++;
      boolean negativeExponent = false;
      if (p < e && ((c = w[p - base]) == '-' || c == '+')) {
        negativeExponent = c == '-';
        p++;
      }
      int exponent = 0;
      int digits = p;
      while (p < e && (c = w[p - base]) >= '0' && c <= '9') {
        exponent = Math.min(exponent * 10 + (c - '0'), 100_000);
        p++;
      }
      if (p == digits) {
        throw NotPlain.INSTANCE;
      }
      exp10 += negativeExponent ? -exponent : exponent;
    }
    // The number must end here, inside the window: a longer one is beyond TfJson's limit anyway.
    if (p - start > MAX_NUMBER_LENGTH || (p < e ? !delimiter(w[p - base]) : e != end)) {
      throw NotPlain.INSTANCE;
    }
    pos = p;
    if (fraction) {
      putFraction(o, start, p - start, negative, mantissa, exp10, truncated);
    } else {
      putInteger(o, start, p - start, negative, intDigits);
    }
  }

  private void nonFinite(Output o, boolean negative, int start) {
    boolean nan = at(pos) == 'N';
    String word = nan ? "NaN" : "Infinity";
    for (int i = 0; i < word.length(); i++) {
      if (pos >= end || at(pos++) != word.charAt(i)) {
        throw NotPlain.INSTANCE;
      }
    }
    if ((nan && negative) || (pos < end && !delimiter(at(pos)))) {
      throw NotPlain.INSTANCE;
    }
    if (!filling) {
      o.kinds.leaves++;
      o.kinds.sawFloat = true;
      return;
    }
    double v = nan ? Double.NaN : negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    switch (o.dtype) {
      case FP32: o.buffer.putFloat((float) v); break;
      case FP64: o.buffer.putDouble(v); break;
      case FP16: o.buffer.putShort(HalfFloats.floatToFp16((float) v)); break;
      case BF16: o.buffer.putShort(HalfFloats.floatToBf16((float) v)); break;
      default: throw NotPlain.INSTANCE; // an integer type: the general reader reports it
    }
  }

  /** A number with a fraction or exponent, as the general reader rounds it for the output's type. */
  private void putFraction(Output o, int start, int length, boolean negative, long mantissa, int exp10,
      boolean truncated) {
    switch (o.dtype) {
      case FP32: {
        double d = truncated ? Double.NaN : parseDouble(mantissa, exp10);
        float f = (float) d;
        if (Double.isNaN(d) || !roundsOnceToFloat(d, f)) {
          f = com.fasterxml.jackson.core.io.NumberInput.parseFloat(text(start, length), 0, length, true);
        } else if (negative) {
          f = -f;
        }
        o.buffer.putFloat(f);
        return;
      }
      case FP64:
      case FP16:
      case BF16: {
        // The general reader goes through the double for these three.
        double d = truncated ? Double.NaN : parseDouble(mantissa, exp10);
        if (Double.isNaN(d)) {
          d = com.fasterxml.jackson.core.io.NumberInput.parseDouble(text(start, length), 0, length, true);
        } else if (negative) {
          d = -d;
        }
        if (o.dtype == DataType.FP64) {
          o.buffer.putDouble(d);
        } else {
          o.buffer.putShort(o.dtype == DataType.FP16 ? HalfFloats.floatToFp16((float) d) : HalfFloats.floatToBf16((float) d));
        }
        return;
      }
      default:
        throw NotPlain.INSTANCE; // a fraction for an integer type: the general reader reports it
    }
  }

  /** An integer, range-checked for the output's type as the general reader does. */
  private void putInteger(Output o, int start, int length, boolean negative, int intDigits) {
    if (intDigits > 18 && !fitsLong(start, length, negative)) {
      throw NotPlain.INSTANCE;
    }
    long v = parseLong(start, length, negative);
    switch (o.dtype) {
      case INT8: o.buffer.put((byte) range(v, Byte.MIN_VALUE, Byte.MAX_VALUE)); break;
      case UINT8: o.buffer.put((byte) range(v, 0, 0xFF)); break;
      case INT16: o.buffer.putShort((short) range(v, Short.MIN_VALUE, Short.MAX_VALUE)); break;
      case UINT16: o.buffer.putShort((short) range(v, 0, 0xFFFF)); break;
      case INT32: o.buffer.putInt((int) range(v, Integer.MIN_VALUE, Integer.MAX_VALUE)); break;
      case UINT32: o.buffer.putInt((int) range(v, 0, 0xFFFFFFFFL)); break;
      case INT64: o.buffer.putLong(v); break;
      // Floating types read integers through the double, as the general reader does.
      case FP32: o.buffer.putFloat((float) (double) v); break;
      case FP64: o.buffer.putDouble((double) v); break;
      case FP16: o.buffer.putShort(HalfFloats.floatToFp16((float) (double) v)); break;
      case BF16: o.buffer.putShort(HalfFloats.floatToBf16((float) (double) v)); break;
      default: throw NotPlain.INSTANCE;
    }
  }

  private static long range(long v, long min, long max) {
    if (v < min || v > max) {
      throw NotPlain.INSTANCE;
    }
    return v;
  }

  /**
   * The value of eight ASCII digits read as one little-endian long, or -1 when they are not all digits
   * (the SWAR conversion FastDoubleParser and simdjson use: three multiplications instead of eight steps).
   */
  static int eightDigits(long chunk) {
    long value = chunk - 0x3030_3030_3030_3030L;
    if ((((chunk + 0x4646_4646_4646_4646L) | value) & 0x8080_8080_8080_8080L) != 0) {
      return -1;
    }
    long mask = 0x0000_00FF_0000_00FFL;
    value = value * 10 + (value >>> 8);
    return (int) ((((value & mask) * (100 + (1_000_000L << 32))) + (((value >>> 16) & mask) * (1 + (10_000L << 32)))) >>> 32);
  }

  /** As {@link #eightDigits}, for four digits read as a little-endian int. */
  static int fourDigits(int chunk) {
    int value = chunk - 0x3030_3030;
    if ((((chunk + 0x4646_4646) | value) & 0x8080_8080) != 0) {
      return -1;
    }
    value = value * 10 + (value >>> 8);
    return (value & 0xFF) * 100 + ((value >>> 16) & 0xFF);
  }

  /**
   * {@code mantissa * 10^exp10} correctly rounded, or NaN when one IEEE operation cannot promise that
   * (Clinger's fast path: a mantissa below 2^53 and a power of ten a double holds exactly).
   */
  static double parseDouble(long mantissa, int exp10) {
    if (mantissa > (1L << 53) || exp10 < -22 || exp10 > 22) {
      return Double.NaN;
    }
    return exp10 < 0 ? mantissa / POW10[-exp10] : mantissa * POW10[exp10];
  }

  /**
   * Whether {@code f = (float) d} is also the float nearest the decimal {@code d} came from: rounding
   * twice can only go wrong when {@code d} itself lies exactly halfway between two floats; outside
   * the normal range the general parser decides.
   */
  static boolean roundsOnceToFloat(double d, float f) {
    double magnitude = Math.abs(d);
    if (magnitude < Float.MIN_NORMAL || magnitude >= Float.MAX_VALUE) {
      return d == 0;
    }
    // A double has 29 more mantissa bits than a float: exactly halfway is 1 followed by 28 zeros.
    return (Double.doubleToRawLongBits(d) & 0x1FFF_FFFFL) != 0x1000_0000L;
  }

  /** Whether an integer of 19 or more digits is within long's range. */
  private boolean fitsLong(int start, int length, boolean negative) {
    String bound = negative ? "-9223372036854775808" : "9223372036854775807";
    if (length != bound.length()) {
      return length < bound.length();
    }
    for (int i = 0; i < length; i++) {
      int diff = window[start + i - windowStart] - bound.charAt(i);
      if (diff != 0) {
        return diff < 0;
      }
    }
    return true;
  }

  /** An integer known to fit a long, accumulated negatively so that Long.MIN_VALUE fits too. */
  private long parseLong(int start, int length, boolean negative) {
    long v = 0;
    for (int i = start + (negative ? 1 : 0); i < start + length; i++) {
      v = v * 10 - (window[i - windowStart] - '0');
    }
    return negative ? v : -v;
  }

  private char[] text(int start, int length) {
    for (int i = 0; i < length; i++) {
      chars[i] = (char) window[start + i - windowStart];
    }
    return chars;
  }

  // ---------------------------------------------------------------- structure

  private static boolean delimiter(byte c) {
    return c == ',' || c == ']' || c == '}' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  /** The byte at {@code p} (below {@code end}), from the window when it holds it. */
  private byte at(int p) {
    return p >= windowStart && p < windowEnd ? window[p - windowStart] : bytes.get(p);
  }

  private void skipWs() {
    while (pos < end) {
      byte c = at(pos);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      pos++;
    }
  }

  /**
   * Makes the window hold the bytes from {@code pos} on: at least {@value #MAX_NUMBER_LENGTH} + 24 of
   * them, or all that are left, so a number and the byte after it never leave the window.
   */
  private void fillWindow() {
    if (pos >= windowStart && (windowEnd - pos > MAX_NUMBER_LENGTH + 24 || windowEnd == end)) {
      return;
    }
    int n = Math.min(window.length, end - pos);
    bytes.get(pos, window, 0, n);
    windowStart = pos;
    windowEnd = pos + n;
  }

  /** The next non-blank byte, not consumed; -1 at the end. */
  private int peek() {
    skipWs();
    return pos < end ? at(pos) : -1;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw NotPlain.INSTANCE;
    }
    pos++;
  }

  /** A comma, consumed; false (nothing consumed) for anything else. */
  private boolean comma() {
    if (peek() == ',') {
      pos++;
      return true;
    }
    return false;
  }

  /** A plain ASCII object key without escapes. */
  private String key() {
    expect('"');
    int start = pos;
    while (true) {
      byte c = bytes.get(pos);
      if (c == '"') {
        break;
      }
      if (c == '\\' || c < 0x20) { // escapes, control characters and non-ASCII (negative bytes)
        throw NotPlain.INSTANCE;
      }
      pos++;
    }
    byte[] name = new byte[pos - start];
    bytes.get(start, name);
    pos++;
    return new String(name, StandardCharsets.US_ASCII);
  }
}
