package io.inferlink.codec.json;

import com.fasterxml.jackson.core.io.NumberInput;
import io.inferlink.DataType;
import io.inferlink.half.HalfFloats;
import io.inferlink.spi.support.JsonLimits;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@link JsonColumn}'s reader of what almost every tensor is: nested lists of plain JSON numbers. It reads the
 * bytes itself, without a tokenizer and mostly without a String or a parse call per number: a decimal of up to
 * 18 significant digits and a small exponent is one correctly rounded division (Clinger's fast path, checked for
 * the one double-rounding case of floats), digits go eight at a time (SWAR), and when the element type is known
 * the first pass only counts commas. It reads lists of {@code true}/{@code false} and lists of plain strings
 * (printable ASCII, no escapes, copied as they are) too, the other element kinds servers send in bulk.
 *
 * <p>It gives up, throwing {@link NotPlain}, on anything else (other strings, objects, ragged lists,
 * malformed or overlong numbers, a number the element type cannot hold, nesting past the limit): the caller then
 * reads the same list token by token, which gives the exact error or accepts what it may. Giving up leaves no
 * trace but the position, so both roads give the same tensor for every list both read (a differential test
 * compares them). One per document; not thread-safe.
 */
final class NumberLists {
  private static final double[] POW10 = new double[23];
  /** For {@link #count}: ',' and ']' as themselves, 1 for what cannot be in a list of numbers, 0 for the rest. */
  private static final byte[] COUNTING = new byte[256];
  private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle FLOAT_LE =
      MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
  /** 10^0 to 10^8, for {@link #firstDigits} runs. */
  private static final long[] LONG_POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};
  private static final long[] EMPTY = {0};
  /** {@code true} and the first four bytes of {@code false}, as one little-endian int each. */
  private static final int TRUE_LE = 't' | 'r' << 8 | 'u' << 16 | 'e' << 24;
  private static final int FALS_LE = 'f' | 'a' << 8 | 'l' << 16 | 's' << 24;

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
  static final class NotPlain extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final NotPlain INSTANCE = new NotPlain();

    private NotPlain() {
      super(null, null, false, false);
    }
  }

  private final ChunkStream bytes;
  private final int end;
  private final boolean nonNumericNumbers;
  /** A number's text for the slow road; made when first needed, which most answers never are. */
  private char[] chars;
  /** The most a window holds: big enough that the number loops rarely reload it. */
  private static final int MAX_WINDOW = 64 * 1024;

  /**
   * Bytes {@code [windowStart, windowEnd)} of the document, copied in blocks for the number loops; no
   * longer than the document, so a small answer does not pay for zeroing 64 KiB (twice: measure and fill).
   */
  private final byte[] window;
  private int windowStart;
  private int windowEnd;
  private int pos;

  // What measure() learns, and how fill() works, for the list at hand.
  private boolean countOnly;
  /** Whether measure() expects strings only (a BYTES list): their lengths are counted in one tight loop. */
  private boolean textOnly;
  private boolean nullIsNumber;
  private long leaves;
  private int kinds;
  /** What the list's strings take in a BYTES tensor: a 4-byte length and the bytes, each. */
  private long textBytes;
  /** The document offset of the first byte of the string {@link #plainString} last read. */
  private int stringStart;
  private DataType dtype;
  private ByteBuffer out;
  /** Where the number {@link #floating} last read starts (-1 when it read null, NaN or Infinity). */
  private int numberStart;
  /** Whether that number has a minus sign, which its magnitude does not. */
  private boolean numberNegative;

  NumberLists(ChunkStream bytes, boolean nonNumericNumbers) {
    if (bytes.size() > Integer.MAX_VALUE - 1) {
      throw NotPlain.INSTANCE; // positions are ints; such a body is far beyond any message limit anyway
    }
    this.bytes = bytes;
    this.end = (int) bytes.size();
    this.window = new byte[Math.max(1, Math.min(MAX_WINDOW, end))];
    this.nonNumericNumbers = nonNumericNumbers;
    this.windowStart = -1;
    this.windowEnd = -1;
  }

  /** The document offset just after the list last measured or filled. */
  int end() {
    return pos;
  }

  long leaves() {
    return leaves;
  }

  long textBytes() {
    return textBytes;
  }

  /** The {@link LeafKinds} bits of the list last measured (nothing when only counted). */
  int kinds() {
    return kinds;
  }

  /**
   * First pass over the list whose {@code [} ends just before {@code start}, itself {@code depth} lists deep:
   * its shape, leaves and (unless {@code countOnly}, where the second pass checks every number) their kinds.
   *
   * @param nullIsNumber whether {@code null} is a leaf (a float's NaN) rather than a reason to give up
   */
  long[] measure(long start, int depth, boolean countOnly, boolean nullIsNumber) {
    return measure(start, depth, countOnly, false, nullIsNumber);
  }

  /** As above; {@code textOnly}: the element type is BYTES, and a list of anything but plain strings is given up. */
  long[] measure(long start, int depth, boolean countOnly, boolean textOnly, boolean nullIsNumber) {
    this.pos = (int) start;
    this.countOnly = countOnly;
    this.textOnly = textOnly;
    this.nullIsNumber = nullIsNumber;
    this.leaves = 0;
    this.kinds = 0;
    this.textBytes = 0;
    this.out = null;
    return list(depth);
  }

  /** Second pass: the list's values, as {@code dtype}, into {@code out} (which is left as it was on giving up). */
  void fill(long start, int depth, DataType dtype, boolean nullIsNaN, ByteBuffer out) {
    this.pos = (int) start;
    this.dtype = dtype;
    this.nullIsNumber = nullIsNaN;
    this.out = out;
    int mark = out.position();
    try {
      list(depth);
    } catch (RuntimeException e) { // NotPlain, or the buffer over- or underflowing a list that is not plain
      out.position(mark);
      throw NotPlain.INSTANCE;
    }
  }

  /** The rest of a list after its {@code [}: its shape when measuring, null when filling. */
  private long[] list(int depth) {
    if (depth > JsonLimits.MAX_NESTING_DEPTH) {
      throw NotPlain.INSTANCE; // the parser refuses it with its own message
    }
    int first = peek();
    if (first == ']') {
      pos++;
      return EMPTY;
    }
    if (first != '[') {
      return innermost();
    }
    long n = 0;
    long[] element = null;
    do {
      expect('[');
      long[] s = list(depth + 1);
      if (out == null) {
        if (element == null) {
          element = s;
        } else if (!java.util.Arrays.equals(element, s)) {
          throw NotPlain.INSTANCE; // ragged: the token reader says where
        }
      }
      n++;
    } while (comma());
    expect(']');
    if (out != null) {
      return null;
    }
    long[] shape = new long[element.length + 1];
    shape[0] = n;
    System.arraycopy(element, 0, shape, 1, element.length);
    return shape;
  }

  /** A list of numbers (or of booleans or strings), the hot loop. */
  private long[] innermost() {
    if (out != null) {
      if (dtype == DataType.FP32 && out.hasArray()) {
        floatList();
      } else if (dtype == DataType.FP64) {
        do {
          out.putDouble(float64Value());
        } while (comma());
      } else if (dtype.isFloatingPoint()) {
        do {
          putHalf(float32Value());
        } while (comma());
      } else if (dtype == DataType.BOOL) {
        boolList();
      } else if (dtype == DataType.BYTES && out.hasArray()) {
        stringList();
      } else if (dtype == DataType.BYTES) {
        do {
          stringValue();
        } while (comma());
      } else if ((dtype == DataType.INT32 || dtype == DataType.INT64) && out.hasArray()) {
        intList();
      } else {
        do {
          integerValue();
        } while (comma());
      }
      expect(']');
      return null;
    }
    if (countOnly) {
      return new long[] {count()};
    }
    if (textOnly) {
      long n = stringList();
      expect(']');
      leaves += n;
      return new long[] {n};
    }
    long n = 0;
    do {
      scan();
      n++;
    } while (comma());
    expect(']');
    leaves += n;
    return new long[] {n};
  }

  // ---------------------------------------------------------------- first pass

  /** The length of a list of numbers, from its commas up to its closing bracket; the numbers wait for the fill. */
  private long count() {
    long n = 1;
    boolean letters = false;
    int p = pos;
    while (true) {
      pos = p;
      fillWindow();
      byte[] w = window;
      int base = windowStart;
      int limit = windowEnd;
      for (; p < limit; p++) {
        // Eight bytes at a time while none of them can end the list or leave it: their commas are counted at once.
        // What is flagged is then looked at one by one through COUNTING. Until the list shows a letter, every
        // byte from ':' up is flagged (the brackets and braces; the letters of exponents, NaN, Infinity and
        // null are rare in lists of numbers), and every non-ASCII byte, and '"': two tests. The digits, '.',
        // '-', '+' and blanks of plain numbers are all below ':'. From the first letter on (lists of booleans
        // are all letters) the structural bytes are flagged each, in three tests. (The addition can carry out of
        // a non-ASCII byte, but only into higher bytes: the lowest flagged byte, the only one used, is exact.)
        while (p + 8 <= limit) {
          long chunk = (long) LONG_LE.get(w, p - base);
          long flagged = letters ? structuralBytes(chunk)
              : ((chunk + 0x4646_4646_4646_4646L) | chunk) & 0x8080_8080_8080_8080L | zeroBytes(chunk ^ 0x2222_2222_2222_2222L);
          long commas = zeroBytes(chunk ^ 0x2C2C_2C2C_2C2C_2C2CL);
          if (flagged == 0) {
            n += Long.bitCount(commas);
            p += 8;
          } else {
            // The commas before the first flagged byte, then that byte itself below.
            long first = flagged & -flagged;
            n += Long.bitCount(commas & (first - 1));
            p += Long.numberOfTrailingZeros(first) >>> 3;
            break;
          }
        }
        if (p >= limit) {
          break;
        }
        int b = w[p - base] & 0xFF;
        byte kind = COUNTING[b];
        if (kind == 0) {
          letters |= b >= ':';
        } else {
          if (kind == ',') {
            n++;
          } else if (kind == ']') {
            pos = p + 1;
            leaves += n;
            return n;
          } else {
            throw NotPlain.INSTANCE; // a string, an object or a nested list
          }
        }
      }
      if (limit == end) {
        throw NotPlain.INSTANCE;
      }
    }
  }

  /**
   * Checks a number against JSON's grammar, {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?} (or NaN,
   * Infinity, -Infinity where allowed, or null where it counts), and notes its kind; the value waits.
   */
  private void scan() {
    skipWhitespace();
    fillWindow();
    byte[] w = window;
    int base = windowStart;
    int e = windowEnd;
    int p = pos;
    int start = p;
    if (p + 1 >= e) {
      throw NotPlain.INSTANCE; // a number is never the last byte of a document
    }
    byte c = w[p - base];
    if (c == 'n') {
      word("null", !nullIsNumber);
      kinds |= LeafKinds.NULL;
      return;
    }
    if (c == 't' || c == 'f') {
      word(c == 't' ? "true" : "false", false);
      kinds |= LeafKinds.BOOLEAN;
      return;
    }
    if (c == '"') {
      textBytes += 4 + plainString();
      kinds |= LeafKinds.STRING;
      return;
    }
    boolean negative = c == '-';
    if (negative) {
      c = w[++p - base];
    }
    if (c == 'N' || c == 'I') {
      pos = p;
      nonFinite(negative);
      kinds |= LeafKinds.NON_FINITE;
      return;
    }
    int intStart = p;
    p = digits(w, base, e, p, c);
    int intDigits = p - intStart;
    boolean fraction = false;
    if (p < e && w[p - base] == '.') {
      fraction = true;
      int from = ++p;
      while (p + 8 <= e && eightDigits((long) LONG_LE.get(w, p - base)) >= 0) {
        p += 8;
      }
      while (p < e && (c = w[p - base]) >= '0' && c <= '9') {
        p++;
      }
      if (p == from) {
        throw NotPlain.INSTANCE;
      }
    }
    if (p < e && ((c = w[p - base]) == 'e' || c == 'E')) {
      fraction = true;
      p = exponentEnd(w, base, e, p + 1);
    }
    if (p - start > JsonTensors.MAX_NUMBER_LENGTH || (p < e && !delimiter(w[p - base]))) {
      throw NotPlain.INSTANCE;
    }
    pos = p;
    if (fraction) {
      kinds |= LeafKinds.FRACTION;
    } else {
      kinds |= LeafKinds.INTEGER | (negative ? LeafKinds.NEGATIVE : 0);
      if (intDigits > 18 && !fitsLong(start, p - start, negative)) {
        kinds |= LeafKinds.BEYOND_INT64;
      }
    }
  }

  /** The end of the integer digits starting with {@code c} at {@code p}: {@code 0} or {@code [1-9][0-9]*}. */
  private static int digits(byte[] w, int base, int e, int p, byte c) {
    if (c == '0') {
      return p + 1;
    }
    if (c < '1' || c > '9') {
      throw NotPlain.INSTANCE;
    }
    do {
      p++;
    } while (p < e && (c = w[p - base]) >= '0' && c <= '9');
    return p;
  }

  /** The end of an exponent's {@code [+-]?[0-9]+}, which starts at {@code p}. */
  private static int exponentEnd(byte[] w, int base, int e, int p) {
    byte c;
    if (p < e && ((c = w[p - base]) == '-' || c == '+')) {
      p++;
    }
    int from = p;
    while (p < e && (c = w[p - base]) >= '0' && c <= '9') {
      p++;
    }
    if (p == from) {
      throw NotPlain.INSTANCE;
    }
    return p;
  }

  // ---------------------------------------------------------------- second pass: integer types

  /** One integer into the buffer, range-checked for the element type. */
  private void integerValue() {
    skipWhitespace();
    fillWindow();
    byte[] w = window;
    int base = windowStart;
    int e = windowEnd;
    int p = pos;
    if (p + 1 >= e) {
      throw NotPlain.INSTANCE;
    }
    byte c = w[p - base];
    boolean negative = c == '-';
    if (negative) {
      c = w[++p - base];
    }
    // Up to 20 digits as an unsigned long: eight at a time while they last, then one by one.
    long v;
    int start = p;
    if (c == '0') {
      v = 0;
      p++;
    } else if (c >= '1' && c <= '9') {
      v = 0;
      int some;
      while (p - start <= 8 && p + 8 <= e && (some = eightDigits((long) LONG_LE.get(w, p - base))) >= 0) {
        v = v * 100_000_000 + some;
        p += 8;
      }
      while (p < e && (c = w[p - base]) >= '0' && c <= '9') {
        int digit = c - '0';
        if (p - start >= 19
            && (p - start > 19 || Long.compareUnsigned(v, 1844674407370955161L) > 0 || v == 1844674407370955161L && digit > 5)) {
          throw NotPlain.INSTANCE; // beyond UINT64
        }
        v = v * 10 + digit;
        p++;
      }
    } else {
      throw NotPlain.INSTANCE;
    }
    // A fraction or exponent for an integer type (or an overlong number): the token reader decides.
    if (p >= e || !delimiter(w[p - base])) {
      throw NotPlain.INSTANCE;
    }
    pos = p;
    if (dtype == DataType.UINT64) {
      if (negative) {
        throw NotPlain.INSTANCE;
      }
      out.putLong(v);
      return;
    }
    // Signed range: a magnitude up to 2^63 when negative, 2^63 - 1 otherwise.
    if (negative ? Long.compareUnsigned(v, Long.MIN_VALUE) > 0 : v < 0) {
      throw NotPlain.INSTANCE;
    }
    long value = negative ? -v : v;
    switch (dtype) {
      case INT8: out.put((byte) range(value, Byte.MIN_VALUE, Byte.MAX_VALUE)); break;
      case UINT8: out.put((byte) range(value, 0, 0xFF)); break;
      case INT16: out.putShort((short) range(value, Short.MIN_VALUE, Short.MAX_VALUE)); break;
      case UINT16: out.putShort((short) range(value, 0, 0xFFFF)); break;
      case INT32: out.putInt((int) range(value, Integer.MIN_VALUE, Integer.MAX_VALUE)); break;
      case UINT32: out.putInt((int) range(value, 0, 0xFFFFFFFFL)); break;
      case INT64: out.putLong(value); break;
      default: throw NotPlain.INSTANCE; // BOOL, BYTES: not numbers
    }
  }

  /**
   * The elements of a list of INT32 or INT64 values up to its {@code ]}, as {@link #boolList} does booleans:
   * runs without spaces straight into the buffer's array, each number's digits eight at a time; the rest, and
   * whatever is unusual (leading zeros, fractions, values out of range), through {@link #integerValue}, which
   * gives up where it must.
   */
  private void intList() {
    boolean wide = dtype == DataType.INT64;
    int size = wide ? 8 : 4;
    byte[] dst = out.array();
    int offset = out.arrayOffset();
    int limit = out.limit();
    int q = out.position();
    // The largest magnitude, as an unsigned long, for each sign.
    long maxPositive = wide ? Long.MAX_VALUE : Integer.MAX_VALUE;
    long maxNegative = wide ? Long.MIN_VALUE : -(long) Integer.MIN_VALUE;
    while (true) {
      skipWhitespace();
      fillWindow();
      byte[] w = window;
      int base = windowStart;
      int safe = windowEnd - 24; // a sign, 19 digits, and the two bytes after are in the window from below here
      int p = pos;
      boolean afterValue = false;
      while (p < safe) {
        boolean negative = w[p - base] == '-';
        if (negative) {
          p++;
        }
        int digitsStart = p;
        byte c = w[p - base];
        long v;
        if (c == '0') {
          v = 0;
          p++;
        } else if (c >= '1' && c <= '9') {
          int some = eightDigits((long) LONG_LE.get(w, p - base));
          if (some >= 0) {
            v = some;
            p += 8;
            some = eightDigits((long) LONG_LE.get(w, p - base));
            if (some >= 0) {
              v = v * 100_000_000 + some;
              p += 8;
            }
          } else {
            v = 0;
          }
          // At most 19 digits here: their value fits 64 bits unsigned; a 20th is beyond both types anyway.
          while ((c = w[p - base]) >= '0' && c <= '9' && p - digitsStart < 19) {
            v = v * 10 + (c - '0');
            p++;
          }
        } else {
          throw NotPlain.INSTANCE;
        }
        c = w[p - base];
        if (!delimiter(c) || Long.compareUnsigned(v, negative ? maxNegative : maxPositive) > 0 || q + size > limit) {
          throw NotPlain.INSTANCE; // a fraction, an exponent, a 20th digit, out of range: the token road's
        }
        long value = negative ? -v : v;
        if (wide) {
          LONG_LE.set(dst, offset + q, value);
        } else {
          INT_LE.set(dst, offset + q, (int) value);
        }
        q += size;
        afterValue = true;
        if (c != ',' || w[p + 1 - base] <= ' ') {
          break; // the end, or spaces (or what is not JSON): the general path
        }
        p++;
        afterValue = false;
      }
      pos = p;
      out.position(q);
      if (!afterValue) { // at the window's end: one value the general way
        integerValue();
        q = out.position();
      }
      if (!comma()) {
        return;
      }
    }
  }

  private static long range(long v, long min, long max) {
    if (v < min || v > max) {
      throw NotPlain.INSTANCE;
    }
    return v;
  }

  // ---------------------------------------------------------------- second pass: BOOL and BYTES

  /**
   * The elements of a list of booleans up to its {@code ]}. Runs written without spaces ({@code true,false,...},
   * what servers write) go straight into the buffer's array, a literal and its comma at a time; anything else
   * (spaces, the window's end) goes through {@link #boolValue} and {@link #comma}.
   */
  private void boolList() {
    if (!out.hasArray()) {
      do {
        boolValue();
      } while (comma());
      return;
    }
    byte[] dst = out.array();
    int offset = out.arrayOffset();
    int limit = out.limit();
    int q = out.position();
    while (true) {
      skipWhitespace();
      fillWindow();
      byte[] w = window;
      int base = windowStart;
      int safe = windowEnd - 6; // "false" and two bytes after it are in the window from below here
      int p = pos;
      boolean afterValue = false;
      while (p < safe) {
        int head = (int) INT_LE.get(w, p - base);
        int next;
        byte value;
        if (head == TRUE_LE) {
          next = p + 4;
          value = 1;
        } else if (head == FALS_LE && w[p + 4 - base] == 'e') {
          next = p + 5;
          value = 0;
        } else {
          throw NotPlain.INSTANCE;
        }
        if (!delimiter(w[next - base]) || q >= limit) {
          throw NotPlain.INSTANCE;
        }
        dst[offset + q++] = value;
        p = next;
        afterValue = true;
        if (w[p - base] != ',' || w[p + 1 - base] <= ' ') {
          break; // the end, or spaces (or what is not JSON): the general path
        }
        p++;
        afterValue = false;
      }
      pos = p;
      out.position(q);
      if (!afterValue) { // at the window's end: one value the general way
        boolValue();
        q = out.position();
      }
      if (!comma()) {
        return;
      }
    }
  }

  /** {@code true} or {@code false} into the buffer as 1 or 0; anything else (0 and 1 too) is the token road's. */
  private void boolValue() {
    skipWhitespace();
    fillWindow();
    byte[] w = window;
    int base = windowStart;
    int p = pos;
    // The literal and the byte after it must be in the window, which holds at least 1000 bytes or the rest.
    if (p + 5 < windowEnd) {
      int head = (int) INT_LE.get(w, p - base);
      if (head == TRUE_LE && delimiter(w[p + 4 - base])) {
        pos = p + 4;
        out.put((byte) 1);
        return;
      }
      if (head == FALS_LE && w[p + 4 - base] == 'e' && delimiter(w[p + 5 - base])) {
        pos = p + 5;
        out.put((byte) 0);
        return;
      }
    } else if (p + 4 < windowEnd && (int) INT_LE.get(w, p - base) == TRUE_LE && delimiter(w[p + 4 - base])) {
      pos = p + 4;
      out.put((byte) 1);
      return;
    }
    throw NotPlain.INSTANCE;
  }

  /**
   * The plain strings of a list up to its {@code ]}: measuring, their number (their sizes added to
   * {@link #textBytes}); filling, each into the buffer's array as a BYTES element. Runs written as
   * {@code "a","b",...} are read in one loop over the window; the rest (spaces, a string reaching past the
   * window) through {@link #plainString}.
   */
  private long stringList() {
    boolean filling = out != null;
    byte[] dst = filling ? out.array() : null;
    int offset = filling ? out.arrayOffset() : 0;
    int limit = filling ? out.limit() : 0;
    int q = filling ? out.position() : 0;
    long n = 0;
    long sizes = 0;
    while (true) {
      skipWhitespace();
      fillWindow();
      byte[] w = window;
      int base = windowStart;
      int e = windowEnd;
      int p = pos;
      boolean afterValue = false;
      while (p < e) {
        if (w[p - base] != '"') {
          throw NotPlain.INSTANCE;
        }
        int from = p + 1;
        int close = from;
        byte c;
        // Eight bytes at a time: the first quote, and nothing the fast road refuses before it.
        while (close + 8 <= e) {
          long chunk = (long) LONG_LE.get(w, close - base);
          long quotes = zeroBytes(chunk ^ 0x2222_2222_2222_2222L);
          long refused = zeroBytes(chunk ^ 0x5C5C_5C5C_5C5C_5C5CL) // a backslash
              | zeroBytes(chunk & 0xE0E0_E0E0_E0E0_E0E0L) // a control character
              | (chunk & 0x8080_8080_8080_8080L); // not ASCII
          if (quotes != 0) {
            long first = quotes & -quotes;
            if ((refused & (first - 1)) != 0) {
              throw NotPlain.INSTANCE;
            }
            close += Long.numberOfTrailingZeros(first) >>> 3;
            break;
          }
          if (refused != 0) {
            throw NotPlain.INSTANCE;
          }
          close += 8;
        }
        while (close < e && (c = w[close - base]) != '"') {
          if (c == '\\' || c < 0x20) { // as plainString: escapes, control characters, non-ASCII
            throw NotPlain.INSTANCE;
          }
          close++;
        }
        if (close >= e) {
          break; // the string goes on past the window: plainString reloads it
        }
        int length = close - from;
        if (filling) {
          if (q + 4 + length > limit) {
            throw NotPlain.INSTANCE;
          }
          INT_LE.set(dst, offset + q, length);
          if (length <= 8 && q + 12 <= limit && from + 8 <= e) {
            // A short string as one eight-byte store; what lands past it is overwritten by the next element.
            LONG_LE.set(dst, offset + q + 4, (long) LONG_LE.get(w, from - base));
          } else {
            System.arraycopy(w, from - base, dst, offset + q + 4, length);
          }
          q += 4 + length;
        } else {
          sizes += 4 + length;
        }
        n++;
        p = close + 1;
        afterValue = true;
        if (p + 1 >= e || w[p - base] != ',' || w[p + 1 - base] != '"') {
          break; // the end, spaces, the window's end: the general path
        }
        p++;
        afterValue = false;
      }
      pos = p;
      if (!afterValue) {
        int length = plainString();
        if (filling) {
          out.position(q);
          out.putInt(length).put(window, stringStart - windowStart, length);
          q = out.position();
        } else {
          sizes += 4 + length;
        }
        n++;
      }
      if (!comma()) {
        if (filling) {
          out.position(q);
        } else {
          textBytes += sizes;
        }
        return n;
      }
    }
  }

  /** A plain string into the buffer as a BYTES element: its length (little-endian), then its bytes as they are. */
  private void stringValue() {
    int length = plainString();
    out.putInt(length).put(window, stringStart - windowStart, length);
  }

  /**
   * The length of the string at {@code pos} when it is plain: printable ASCII without a backslash, whose bytes
   * are then exactly its UTF-8 form (and its raw-byte form, {@link RawByteText}); escapes, other UTF-8 (which
   * Jackson validates) and control characters (which JSON forbids) are the token road's. Leaves {@code pos} after
   * the closing quote and the whole string in the window, from {@link #stringStart}.
   */
  private int plainString() {
    skipWhitespace();
    fillWindow();
    if (pos >= windowEnd || window[pos - windowStart] != '"') {
      throw NotPlain.INSTANCE;
    }
    int p = pos + 1;
    while (true) {
      byte[] w = window;
      int base = windowStart;
      int e = windowEnd;
      for (; p < e; p++) {
        byte c = w[p - base];
        if (c == '"') {
          stringStart = pos + 1;
          pos = p + 1;
          return p - stringStart;
        }
        if (c == '\\' || c < 0x20) { // bytes are signed: every non-ASCII byte is below 0x20 too
          throw NotPlain.INSTANCE;
        }
      }
      if (e == end || (base == pos && e - base == w.length)) {
        throw NotPlain.INSTANCE; // unterminated, or longer than the window: the token road reads it
      }
      load(); // from the opening quote, so that the string so far stays in the window
    }
  }

  // ---------------------------------------------------------------- second pass: floating-point types

  /**
   * The elements of an FP32 list up to its {@code ]}, stored straight into the buffer's array (one bounds
   * check of ours per value instead of the buffer's position bookkeeping).
   */
  private void floatList() {
    byte[] dst = out.array();
    int offset = out.arrayOffset();
    int limit = out.limit();
    int q = out.position();
    do {
      float f = float32Value();
      if (q + 4 > limit) {
        throw NotPlain.INSTANCE; // more values than measured: fill() restores the position
      }
      FLOAT_LE.set(dst, offset + q, f);
      q += 4;
    } while (comma());
    out.position(q);
  }

  /** One number as a float, the nearest to its decimal text (null and the non-finite names as they read). */
  private float float32Value() {
    double d = floating();
    if (numberStart < 0) {
      return (float) d;
    }
    float f = (float) d;
    if (Double.isNaN(d) || !roundsOnceToFloat(d, f)) {
      return NumberInput.parseFloat(text(numberStart, pos - numberStart), 0, pos - numberStart, true);
    }
    return numberNegative ? -f : f;
  }

  /** One number as a double, the nearest to its decimal text. */
  private double float64Value() {
    double d = floating();
    if (numberStart < 0) {
      return d;
    }
    if (Double.isNaN(d)) {
      return NumberInput.parseDouble(text(numberStart, pos - numberStart), 0, pos - numberStart, true);
    }
    return numberNegative ? -d : d;
  }

  /**
   * Reads one number (or null, NaN, Infinity where they count) and leaves {@code pos} after it. For a number:
   * its magnitude correctly rounded to a double, or NaN when the fast path cannot promise that (the text from
   * {@link #numberStart} then decides), with its sign in {@link #numberNegative}. For the others
   * {@link #numberStart} is -1 and the value is final.
   */
  private double floating() {
    skipWhitespace();
    fillWindow();
    byte[] w = window;
    int base = windowStart;
    int e = windowEnd;
    int p = pos;
    int start = p;
    if (p + 1 >= e) {
      throw NotPlain.INSTANCE;
    }
    byte c = w[p - base];
    if (c == 'n') {
      word("null", !nullIsNumber);
      numberStart = -1;
      return Double.NaN;
    }
    boolean negative = c == '-';
    if (negative) {
      c = w[++p - base];
    }
    if (c == 'N' || c == 'I') {
      pos = p;
      numberStart = -1;
      return nonFinite(negative);
    }
    // Up to 18 significant digits in a long; the rest only moves the exponent (and makes it inexact).
    long mantissa = 0;
    int significant = 0;
    int exp10 = 0;
    boolean truncated = false;
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
    if (p < e && w[p - base] == '.') {
      int from = ++p;
      if (significant == 0) {
        while (p < e && w[p - base] == '0') { // zeros right after "0." are not significant
          exp10--;
          p++;
        }
      }
      // The digits eight bytes at a time: how many of the eight are digits, from one mask, and their value at
      // once (a float's shortest text has up to 9, a double's 17), so the digit run's end costs no extra test.
      while (p + 8 <= e) {
        long chunk = (long) LONG_LE.get(w, p - base);
        int k = leadingDigits(chunk);
        if (k == 0 || significant + k > 18) {
          break; // the byte loop below ends the run, or keeps 18 significant digits and drops the rest
        }
        mantissa = mantissa * LONG_POW10[k] + firstDigits(chunk, k);
        significant += k;
        exp10 -= k;
        p += k;
        if (k < 8) {
          break;
        }
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
      if (p == from) {
        throw NotPlain.INSTANCE;
      }
    }
    if (p < e && ((c = w[p - base]) == 'e' || c == 'E')) {
      int q = p + 1;
      boolean negativeExponent = false;
      if (q < e && ((c = w[q - base]) == '-' || c == '+')) {
        negativeExponent = c == '-';
        q++;
      }
      int exponent = 0;
      int from = q;
      while (q < e && (c = w[q - base]) >= '0' && c <= '9') {
        exponent = Math.min(exponent * 10 + (c - '0'), 100_000);
        q++;
      }
      if (q == from) {
        throw NotPlain.INSTANCE;
      }
      exp10 += negativeExponent ? -exponent : exponent;
      p = q;
    }
    // The number must end here, inside the window: a longer one is beyond the length limit anyway.
    if (p - start > JsonTensors.MAX_NUMBER_LENGTH || p >= e || !delimiter(w[p - base])) {
      throw NotPlain.INSTANCE;
    }
    pos = p;
    numberStart = start;
    numberNegative = negative;
    return truncated ? Double.NaN : parseDouble(mantissa, exp10);
  }

  /** Stores a value of FP32 (without an array), FP16 or BF16; the halves round the float, as the token reader does. */
  private void putHalf(float value) {
    switch (dtype) {
      case FP32: out.putFloat(value); break;
      case FP16: out.putShort(HalfFloats.floatToFp16(value)); break;
      case BF16: out.putShort(HalfFloats.floatToBf16(value)); break;
      default: throw NotPlain.INSTANCE;
    }
  }

  /** {@code NaN}, {@code Infinity} or {@code -Infinity} at {@code pos} (after the sign), where the dialect has them. */
  private double nonFinite(boolean negative) {
    if (!nonNumericNumbers) {
      throw NotPlain.INSTANCE; // the parser says what is wrong
    }
    boolean nan = at(pos) == 'N';
    if (nan && negative) {
      throw NotPlain.INSTANCE;
    }
    word(nan ? "NaN" : "Infinity", false);
    return nan ? Double.NaN : negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
  }

  /** Consumes {@code word}, which must end at a delimiter; gives up instead when {@code refuse}. */
  private void word(String word, boolean refuse) {
    if (refuse) {
      throw NotPlain.INSTANCE;
    }
    for (int i = 0; i < word.length(); i++) {
      if (pos >= end || at(pos++) != word.charAt(i)) {
        throw NotPlain.INSTANCE;
      }
    }
    if (pos >= end || !delimiter(at(pos))) {
      throw NotPlain.INSTANCE;
    }
  }

  // ---------------------------------------------------------------- number helpers

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

  /**
   * How many of the eight bytes of {@code chunk} (little-endian: the first byte lowest) are ASCII digits before
   * the first that is not. A byte below '0' borrows from the bytes above it and one above '9' may carry into
   * them, but both only disturb bytes after the first non-digit, which is always flagged exactly.
   */
  static int leadingDigits(long chunk) {
    long notDigit = ((chunk + 0x4646_4646_4646_4646L) | (chunk - 0x3030_3030_3030_3030L)) & 0x8080_8080_8080_8080L;
    return Long.numberOfTrailingZeros(notDigit) >>> 3;
  }

  /** The value of the first {@code k} (1 to 8) bytes of {@code chunk}, all digits: the rest become leading '0's. */
  static int firstDigits(long chunk, int k) {
    if (k == 8) {
      return eightDigits(chunk);
    }
    return eightDigits(chunk << (64 - 8 * k) | 0x3030_3030_3030_3030L >>> (8 * k));
  }

  /**
   * The high bit of each byte of {@code chunk} that is {@code [ ] { } " :} (or one of {@code Y _ y} and DEL,
   * which share the first four's pattern under the mask and are merely looked at once more), and no other bit
   * (exact per byte, as {@link #zeroBytes}).
   */
  static long structuralBytes(long chunk) {
    return zeroBytes((chunk & 0xD9D9_D9D9_D9D9_D9D9L) ^ 0x5959_5959_5959_5959L) | zeroBytes(chunk ^ 0x2222_2222_2222_2222L)
        | zeroBytes(chunk ^ 0x3A3A_3A3A_3A3A_3A3AL);
  }

  /** The high bit of each byte of {@code v} that is zero, and no other bit (exact: no carry crosses bytes). */
  static long zeroBytes(long v) {
    long low7 = 0x7F7F_7F7F_7F7F_7F7FL;
    return ~(((v & low7) + low7) | v | low7);
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
   * Whether {@code f = (float) d} is also the float nearest the decimal {@code d} came from: rounding twice can
   * only go wrong when {@code d} itself lies exactly halfway between two floats; outside the normal range the
   * general parser decides.
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

  private char[] text(int start, int length) {
    if (chars == null) {
      chars = new char[JsonTensors.MAX_NUMBER_LENGTH + 1];
    }
    for (int i = 0; i < length; i++) {
      chars[i] = (char) window[start + i - windowStart];
    }
    return chars;
  }

  // ---------------------------------------------------------------- structure

  private static boolean delimiter(byte c) {
    return c == ',' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  /** The byte at {@code p} (below {@code end}). */
  private byte at(int p) {
    if (p < windowStart || p >= windowEnd) {
      int keep = pos;
      pos = p;
      load();
      pos = keep;
    }
    return window[p - windowStart];
  }

  private void skipWhitespace() {
    int p = pos;
    if (p >= windowStart && p < windowEnd && window[p - windowStart] > ' ') {
      return; // the usual case, nothing to skip
    }
    while (pos < end) {
      byte c = at(pos);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      pos++;
    }
  }

  /**
   * Makes the window hold the bytes from {@code pos} on: at least {@code MAX_NUMBER_LENGTH} + 24 of them, or
   * all that are left, so a number and the byte after it never leave the window.
   */
  private void fillWindow() {
    if (pos >= windowStart && (windowEnd - pos > JsonTensors.MAX_NUMBER_LENGTH + 24 || windowEnd == end)) {
      return;
    }
    load();
  }

  private void load() {
    int n = bytes.copy(pos, window, 0, Math.min(window.length, end - pos));
    windowStart = pos;
    windowEnd = pos + n;
  }

  /** The next non-blank byte, not consumed; -1 at the end. */
  private int peek() {
    skipWhitespace();
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
    int p = pos;
    if (p >= windowStart && p < windowEnd) { // the usual case: the byte right after the value
      byte c = window[p - windowStart];
      if (c == ',') {
        pos = p + 1;
        return true;
      }
      if (c == ']') {
        return false;
      }
    }
    if (peek() == ',') {
      pos++;
      return true;
    }
    return false;
  }
}
