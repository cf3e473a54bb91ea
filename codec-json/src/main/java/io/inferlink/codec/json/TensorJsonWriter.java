package io.inferlink.codec.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.NumberOutput;
import io.inferlink.DataType;
import io.inferlink.half.HalfFloats;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a tensor's elements as JSON straight from its buffer, the one element writer of every JSON protocol:
 * BOOL as {@code true}/{@code false}; integers exact, unsigned ones unsigned (UINT64 never through a double);
 * FP32 by {@link FloatText} (the shortest text that reads back to the same float, in {@code Float.toString}'s
 * layout, so always with a point or an exponent); FP16 and BF16 as the float they widen to exactly; FP64 by
 * Jackson's Schubfach writer (the shortest text that reads back); NaN and the infinities as the
 * {@link NonFinite} policy says; BYTES as JSON strings when an element is well-formed UTF-8, otherwise as
 * {@code {"b64": ...}} or refused, as the caller says.
 *
 * <p>Three layouts: nested lists following the shape ({@link #writeNested}, a bare value for a scalar), the
 * sub-tensor at one index of the first dimension ({@link #writeRow}, a row of TF Serving's and KServe V1's
 * {@code instances}), or one flat list in row-major order ({@link #writeFlat}, the OIP's {@code data}). A list of
 * numbers is built as ASCII here and handed to the generator's output stream in one piece (the generator places
 * the brackets and the commas between lists), which spares a generator call and a String per element.
 * Not thread-safe: one per document.
 */
public final class TensorJsonWriter {
  private final JsonGenerator out;
  private final OutputStream stream;
  private final NonFinite nonFinite;
  private final boolean b64Objects;
  /** ASCII of the list of numbers being written, passed on a piece at a time. */
  private byte[] run; // made when the first tensor is written: binary requests write none
  /** The longest element text: an FP64's is 24 characters, a non-finite string's 11. */
  private static final int MAX_ELEMENT = 32;
  /** Values read from the tensor at a time by the BOOL, INT32, INT64 and FP32 loops. */
  private static final int BLOCK = 512;
  private byte[] boolBlock; // made on first use: most documents hold a few small tensors
  private int[] intBlock;
  private long[] longBlock;
  private float[] floatBlock;
  /** "true" and the first four letters of "false", as little-endian ints: one store each. */
  private static final int TRUE = 't' | 'r' << 8 | 'u' << 16 | 'e' << 24;
  private static final int FALS = 'f' | 'a' << 8 | 'l' << 16 | 's' << 24;
  private byte[] listBytes; // a BYTES list's part of the tensor, for plainStrings
  private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  /** 1 for a byte a JSON string cannot hold as it is (control, DEL, quote, backslash, not ASCII), else 0. */
  private static final byte[] NOT_PLAIN = new byte[256];

  static {
    for (int b = 0; b < 256; b++) {
      NOT_PLAIN[b] = (byte) (b < 0x20 || b >= 0x7F || b == '"' || b == '\\' ? 1 : 0);
    }
  }

  /**
   * A writer for one document.
   *
   * @param out the document's generator; when it writes to an {@link OutputStream}, lists of numbers go there
   *     directly after a flush
   * @param nonFinite how NaN and the infinities are written
   * @param b64Objects whether a BYTES element that is not UTF-8 is written as {@code {"b64": ...}}; refused with
   *     {@link UnsupportedFeatureException} otherwise
   */
  public TensorJsonWriter(JsonGenerator out, NonFinite nonFinite, boolean b64Objects) {
    this.out = out;
    this.stream = out.getOutputTarget() instanceof OutputStream ? (OutputStream) out.getOutputTarget() : null;
    this.nonFinite = nonFinite;
    this.b64Objects = b64Objects;
  }

  /**
   * Why the tensor cannot be written without changing, or {@code null} when it can: a non-finite float under
   * {@link NonFinite#REFUSE}, or a BYTES element that is not well-formed UTF-8 without {@code b64Objects}.
   *
   * @param t the tensor to write
   * @param nonFinite what the writer would do with NaN and the infinities
   * @param b64Objects whether the writer would write bytes as {@code {"b64": ...}} objects
   * @return the reason, naming the first element in the way, or {@code null}
   */
  public static String whyNot(Tensor t, NonFinite nonFinite, boolean b64Objects) {
    ByteBuffer d = t.data();
    int n = (int) t.elementCount();
    if (t.dtype().isFloatingPoint() && nonFinite == NonFinite.REFUSE) {
      for (int i = 0; i < n; i++) {
        double v = floating(t.dtype(), d, i);
        if (!Double.isFinite(v)) {
          return "element " + i + " is " + (t.dtype() == DataType.FP64 ? String.valueOf(v) : String.valueOf((float) v))
              + ", which JSON cannot carry";
        }
      }
    }
    if (t.dtype() == DataType.BYTES && !b64Objects) {
      int pos = 0;
      for (int i = 0; i < n; i++) {
        int len = d.getInt(pos);
        if (RawByteText.strictUtf8(d.duplicate().position(pos + 4).limit(pos + 4 + len)) == null) {
          return "element " + i + " is not valid UTF-8, which a JSON string cannot carry";
        }
        pos += 4 + len;
      }
    }
    return null;
  }

  /**
   * Writes {@code {"b64": "<standard base64 of raw>"}}, TF Serving's form of bytes that are not text.
   *
   * @param g the generator the object is written to
   * @param raw the bytes
   * @throws IOException when the generator cannot write
   */
  public static void writeB64(JsonGenerator g, byte[] raw) throws IOException {
    g.writeStartObject();
    g.writeStringField(Base64Text.KEY, Base64Text.encode(raw));
    g.writeEndObject();
  }

  /**
   * The whole tensor as nested lists following its shape; a scalar is a bare value.
   *
   * @param t the tensor
   * @throws IOException when the generator cannot write
   */
  public void writeNested(Tensor t) throws IOException {
    new Elements(t, 0).nested(t.shape(), 0);
  }

  /**
   * The sub-tensor at index {@code row} of the first dimension, as nested lists (a bare value for rank 1).
   *
   * @param t the tensor, of rank 1 or more
   * @param row an index into the first dimension
   * @throws IOException when the generator cannot write
   */
  public void writeRow(Tensor t, long row) throws IOException {
    long[] shape = t.shape();
    long[] rowShape = Arrays.copyOfRange(shape, 1, shape.length);
    long rowElements = 1;
    for (long d : rowShape) {
      rowElements *= d;
    }
    new Elements(t, row * rowElements).nested(rowShape, 0);
  }

  /**
   * The whole tensor as one flat list, in row-major order.
   *
   * @param t the tensor
   * @throws IOException when the generator cannot write
   */
  public void writeFlat(Tensor t) throws IOException {
    Elements e = new Elements(t, 0);
    out.writeStartArray();
    e.list(t.elementCount());
    out.writeEndArray();
  }

  /** Walks one tensor's elements in order from a first one; BYTES elements have no fixed offsets. */
  private final class Elements {
    private final Tensor tensor;
    private final DataType type;
    private final ByteBuffer data;
    private int index;
    private int bytePos;

    Elements(Tensor tensor, long first) {
      if (run == null) {
        run = new byte[8192];
      }
      this.tensor = tensor;
      this.type = tensor.dtype();
      this.data = tensor.data();
      this.index = (int) first;
      if (type == DataType.BYTES) {
        for (long i = 0; i < first; i++) {
          bytePos += 4 + data.getInt(bytePos);
        }
      }
    }

    void nested(long[] shape, int dim) throws IOException {
      if (dim == shape.length) {
        single();
        return;
      }
      out.writeStartArray();
      if (stream != null && type != DataType.BYTES) {
        // Everything inside this list goes into the run, inner brackets and commas included: one generator
        // flush per tensor instead of one per innermost list (an image's 672 rows of 224 values), and the run
        // reaches the stream in full pieces. The generator sees an empty list, so it places no comma inside it.
        out.flush(); // the generator's bytes first: its '[' and what came before it
        emit(contents(shape, dim, 0));
      } else if (dim == shape.length - 1) {
        list(shape[dim]);
      } else {
        for (long i = 0; i < shape[dim]; i++) {
          nested(shape, dim + 1);
        }
      }
      out.writeEndArray();
    }

    /** The inside of the list at {@code dim}, its sub-lists with their brackets, at {@code run[used]}. */
    private int contents(long[] shape, int dim, int used) throws IOException {
      if (dim == shape.length - 1) {
        return values(shape[dim], used);
      }
      for (long i = 0; i < shape[dim]; i++) {
        if (used > run.length - 3) {
          emit(used);
          used = 0;
        }
        if (i > 0) {
          run[used++] = ',';
        }
        run[used++] = '[';
        used = contents(shape, dim + 1, used);
        if (used == run.length) {
          emit(used);
          used = 0;
        }
        run[used++] = ']';
      }
      return used;
    }

    /** One element as a value of its own (a scalar, or a rank-1 row). */
    void single() throws IOException {
      if (type == DataType.BYTES) {
        bytes();
        return;
      }
      int used = element(0);
      out.writeRawValue(new String(run, 0, used, StandardCharsets.ISO_8859_1));
    }

    /** The next {@code length} elements, inside a list the caller has opened. */
    void list(long length) throws IOException {
      if (type == DataType.BYTES) {
        if (stream != null && length > 0 && plainStrings(length)) {
          return;
        }
        for (long k = 0; k < length; k++) {
          bytes();
        }
        return;
      }
      if (length == 0) {
        return;
      }
      if (stream != null) {
        out.flush(); // the generator's bytes first: its '[' and what came before it
      }
      emit(values(length, 0));
    }

    /**
     * The next {@code length} elements (not BYTES), comma-separated, at {@code run[used]}, passing full runs on;
     * returns the run's new length.
     */
    private int values(long length, int used) throws IOException {
      // The common types get a loop of their own: one switch per list instead of one per element, which
      // is what lets them keep up with databind's per-type array serializers.
      switch (type) {
        case BOOL: return bools(length, used);
        case INT32: return ints(length, used);
        case INT64: return longs(length, used);
        case FP32: return floats(length, used);
        default: break;
      }
      for (long k = 0; k < length; k++) {
        if (used > run.length - MAX_ELEMENT - 1) {
          emit(used);
          used = 0;
        }
        if (k > 0) {
          run[used++] = ',';
        }
        used = element(used);
      }
      return used;
    }

    // BOOL, INT32, INT64 and FP32 lists read their values a block at a time with one bulk get (a plain copy),
    // then loop over a Java array as databind's array serializers do, instead of one checked buffer access per
    // value. Each value is written as a comma (stepped over for the first) and its text; the room check is made
    // once per stretch of values that surely fits, not per value.

    private int bools(long length, int used) throws IOException {
      byte[] r = run;
      byte[] v = boolBlock != null ? boolBlock : (boolBlock = new byte[BLOCK]);
      int comma = 0;
      for (long done = 0; done < length; ) {
        int n = (int) Math.min(BLOCK, length - done);
        data.get(index, v, 0, n);
        for (int k = 0; k < n; ) {
          int fits = Math.min(n - k, (r.length - used) / 6 - 1); // ",false" is 6; one spare for the extra 'e'
          if (fits <= 0) {
            emit(used);
            used = 0;
            continue;
          }
          for (int stop = k + fits; k < stop; k++) {
            r[used] = ',';
            used += comma;
            comma = 1;
            boolean b = v[k] != 0;
            INT_LE.set(r, used, b ? TRUE : FALS);
            r[used + 4] = 'e'; // "fals" + 'e'; after "true" it is overwritten or past the end
            used += b ? 4 : 5;
          }
        }
        index += n;
        done += n;
      }
      return used;
    }

    // ints, longs and floats share one shape (a block of primitives, then stretches of values that surely fit the
    // run); each keeps its own loop over its own primitive array so that the JIT compiles a tight, monomorphic
    // loop per element type, where a shared loop would reach the per-value writer through an interface call.
    private int ints(long length, int used) throws IOException {
      byte[] r = run;
      int[] v = intBlock != null ? intBlock : (intBlock = new int[BLOCK]);
      IntBuffer values = data.asIntBuffer(); // the tensor's byte order, element i at index i
      int comma = 0;
      for (long done = 0; done < length; ) {
        int n = (int) Math.min(BLOCK, length - done);
        values.get(index, v, 0, n);
        for (int k = 0; k < n; ) {
          int fits = Math.min(n - k, (r.length - used) / LongText.ROOM - 1);
          if (fits <= 0) {
            emit(used);
            used = 0;
            continue;
          }
          for (int stop = k + fits; k < stop; k++) {
            r[used] = ',';
            used += comma;
            comma = 1;
            used = LongText.write(v[k], r, used);
          }
        }
        index += n;
        done += n;
      }
      return used;
    }

    private int longs(long length, int used) throws IOException {
      byte[] r = run;
      long[] v = longBlock != null ? longBlock : (longBlock = new long[BLOCK]);
      LongBuffer values = data.asLongBuffer();
      int comma = 0;
      for (long done = 0; done < length; ) {
        int n = (int) Math.min(BLOCK, length - done);
        values.get(index, v, 0, n);
        for (int k = 0; k < n; ) {
          int fits = Math.min(n - k, (r.length - used) / (LongText.ROOM + 1) - 1);
          if (fits <= 0) {
            emit(used);
            used = 0;
            continue;
          }
          for (int stop = k + fits; k < stop; k++) {
            r[used] = ',';
            used += comma;
            comma = 1;
            used = LongText.write(v[k], r, used);
          }
        }
        index += n;
        done += n;
      }
      return used;
    }

    private int floats(long length, int used) throws IOException {
      byte[] r = run;
      float[] v = floatBlock != null ? floatBlock : (floatBlock = new float[BLOCK]);
      FloatBuffer values = data.asFloatBuffer();
      int comma = 0;
      for (long done = 0; done < length; ) {
        int n = (int) Math.min(BLOCK, length - done);
        values.get(index, v, 0, n);
        for (int k = 0; k < n; ) {
          int fits = Math.min(n - k, (r.length - used) / (MAX_ELEMENT + 1) - 1);
          if (fits <= 0) {
            emit(used);
            used = 0;
            continue;
          }
          for (int stop = k + fits; k < stop; k++) {
            r[used] = ',';
            used += comma;
            comma = 1;
            float f = v[k];
            used = Float.isFinite(f) ? FloatText.write(f, r, used) : nonFinite(f, used, index + k);
          }
        }
        index += n;
        done += n;
      }
      return used;
    }

    /**
     * Writes the next {@code length} BYTES elements as their bytes between quotes when every one is printable
     * ASCII without a quote or a backslash (such a string's JSON is exactly that), with no String per element;
     * returns false, having written nothing, when one is not, for the generator's road. The list's part of the
     * tensor is copied out once and read from the copy, which costs less than a checked buffer read per byte.
     */
    private boolean plainStrings(long length) throws IOException {
      int end = bytePos;
      for (long k = 0; k < length; k++) {
        end += 4 + data.getInt(end);
      }
      int size = end - bytePos;
      if (listBytes == null || listBytes.length < size + 8) { // 8 spare: short strings are read a word at a time
        listBytes = new byte[Math.max(size + 8, 4096)];
      }
      byte[] from = listBytes;
      data.get(bytePos, from, 0, size);
      int notPlain = 0; // OR of every byte's table entry: one look-up per byte, no branch
      for (int p = 0; p < size; ) {
        int len = (int) INT_LE.get(from, p);
        p += 4;
        for (int stop = p + len; p < stop; p++) {
          notPlain |= NOT_PLAIN[from[p] & 0xFF];
        }
      }
      if (notPlain != 0) {
        return false;
      }
      out.flush(); // the generator's bytes first: its '[' and what came before it
      byte[] r = run;
      int used = 0;
      int comma = 0;
      for (int p = 0; p < size; ) {
        int len = (int) INT_LE.get(from, p);
        p += 4;
        if (used + len + 3 + 8 > r.length) { // with the word copy's spare
          emit(used);
          used = 0;
        }
        r[used] = ',';
        used += comma;
        comma = 1;
        r[used++] = '"';
        if (len <= 8) {
          // A word copy instead of an arraycopy call for a string of a few bytes; what it writes past the
          // string is overwritten by the quote and what follows.
          LONG_LE.set(r, used, (long) LONG_LE.get(from, p));
          used += len;
        } else if (len + 3 + 8 > r.length) { // longer than the run: straight from the copy
          emit(used);
          used = 0;
          stream.write(from, p, len);
        } else {
          System.arraycopy(from, p, r, used, len);
          used += len;
        }
        p += len;
        r[used++] = '"';
      }
      emit(used);
      bytePos = end;
      index += (int) length;
      return true;
    }

    private void emit(int used) throws IOException {
      if (stream != null) {
        stream.write(run, 0, used);
      } else {
        out.writeRaw(new String(run, 0, used, StandardCharsets.ISO_8859_1));
      }
    }

    /** The next element's text at {@code run[pos]}; returns the position after it. */
    private int element(int pos) {
      int i = index++;
      switch (type) {
        case BOOL: return ascii(data.get(i) != 0 ? "true" : "false", pos);
        case INT8: return NumberOutput.outputInt(data.get(i), run, pos);
        case UINT8: return NumberOutput.outputInt(data.get(i) & 0xFF, run, pos);
        case INT16: return NumberOutput.outputInt(data.getShort(i * 2), run, pos);
        case UINT16: return NumberOutput.outputInt(data.getShort(i * 2) & 0xFFFF, run, pos);
        case INT32: return LongText.write(data.getInt(i * 4), run, pos);
        case UINT32: return LongText.write(data.getInt(i * 4) & 0xFFFFFFFFL, run, pos);
        case INT64: return LongText.write(data.getLong(i * 8), run, pos);
        case UINT64: {
          long v = data.getLong(i * 8);
          // Unsigned text, never through a double: all 64 bits survive.
          return v >= 0 ? LongText.write(v, run, pos) : ascii(Long.toUnsignedString(v), pos);
        }
        case FP16: case BF16: case FP32: {
          float v = (float) floating(type, data, i);
          return Float.isFinite(v) ? FloatText.write(v, run, pos) : nonFinite(v, pos, i);
        }
        case FP64: {
          double v = data.getDouble(i * 8);
          return Double.isFinite(v) ? ascii(NumberOutput.toString(v, true), pos) : nonFinite(v, pos, i);
        }
        default: throw new IllegalStateException("not a fixed-size type: " + type);
      }
    }

    private int nonFinite(double v, int pos, int i) {
      String text = nonFinite.text(v);
      if (text == null) {
        throw new UnsupportedFeatureException("tensor '" + tensor.name() + "': element " + i + " is " + v
            + ", which JSON cannot carry");
      }
      return ascii(text, pos);
    }

    private int ascii(String text, int pos) {
      for (int k = 0; k < text.length(); k++) {
        run[pos++] = (byte) text.charAt(k);
      }
      return pos;
    }

    private void bytes() throws IOException {
      int len = data.getInt(bytePos);
      ByteBuffer element = data.duplicate().position(bytePos + 4).limit(bytePos + 4 + len);
      bytePos += 4 + len;
      int i = index++;
      String text = RawByteText.strictUtf8(element.duplicate());
      if (text != null) {
        out.writeString(text);
      } else if (b64Objects) {
        byte[] raw = new byte[len];
        element.get(raw);
        writeB64(out, raw);
      } else {
        throw new UnsupportedFeatureException("tensor '" + tensor.name() + "': element " + i
            + " is not valid UTF-8, which a JSON string cannot carry");
      }
    }
  }

  /** Element {@code i} of a floating-point tensor, widened exactly to double (FP16 and BF16 through core's one conversion). */
  private static double floating(DataType type, ByteBuffer d, int i) {
    switch (type) {
      case FP16: return HalfFloats.fp16ToFloat(d.getShort(i * 2));
      case BF16: return HalfFloats.bf16ToFloat(d.getShort(i * 2));
      case FP32: return d.getFloat(i * 4);
      default: return d.getDouble(i * 8);
    }
  }
}
