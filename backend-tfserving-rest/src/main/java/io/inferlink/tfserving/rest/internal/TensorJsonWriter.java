package io.inferlink.tfserving.rest.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.inferlink.DataType;
import io.inferlink.half.HalfFloats;
import io.inferlink.Tensor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes tensor values as TF Serving JSON straight from the tensor's buffer: nested lists following
 * the shape, integers without a fraction, unsigned values as unsigned, floats in a form that reads
 * back to the same float, non-finite values bare; BYTES elements that are valid UTF-8 as JSON
 * strings (TF Serving turns a string into exactly its UTF-8 bytes, so this is lossless), any other
 * bytes as {@code {"b64": ...}}. FP16, BF16 and UINT16 are written as FP32 numbers; callers only get here with them when
 * the conversion was asked for.
 */
final class TensorJsonWriter {
  private final JsonGenerator out;
  private final OutputStream stream;
  /** ASCII of the innermost list being written, passed to the stream a piece at a time. */
  private final byte[] row = new byte[4096];

  /** Writes with {@code out}, whose target is {@code stream} (float lists go to the stream directly). */
  TensorJsonWriter(JsonGenerator out, OutputStream stream) {
    this.out = out;
    this.stream = stream;
  }

  /** Writes the whole tensor (a bare value for a scalar). */
  void write(Tensor t) throws IOException {
    ByteBuffer data = t.data();
    long[] shape = t.shape();
    if (t.dtype() == DataType.BYTES) {
      new BytesCursor(data).writeNested(shape, 0);
      return;
    }
    writeNested(t.dtype(), data, shape, 0, 0);
  }

  /** Writes the sub-tensor at index {@code row} of the first dimension (row format). */
  void writeRow(Tensor t, long row) throws IOException {
    long[] shape = t.shape();
    long[] rowShape = java.util.Arrays.copyOfRange(shape, 1, shape.length);
    long rowElements = 1;
    for (long d : rowShape) {
      rowElements *= d;
    }
    if (t.dtype() == DataType.BYTES) {
      BytesCursor cursor = new BytesCursor(t.data());
      cursor.skip(row * rowElements);
      cursor.writeNested(rowShape, 0);
      return;
    }
    writeNested(t.dtype(), t.data(), rowShape, 0, row * rowElements);
  }

  private long writeNested(DataType type, ByteBuffer data, long[] shape, int dim, long index) throws IOException {
    if (dim == shape.length) {
      writeElement(type, data, (int) index);
      return index + 1;
    }
    if (dim == shape.length - 1 && writesRows(type)) {
      return writeRow(type, data, index, shape[dim]);
    }
    out.writeStartArray();
    long next = index;
    for (long i = 0; i < shape[dim]; i++) {
      next = writeNested(type, data, shape, dim + 1, next);
    }
    out.writeEndArray();
    return next;
  }

  private void writeElement(DataType type, ByteBuffer d, int i) throws IOException {
    switch (type) {
      case BOOL: out.writeBoolean(d.get(i) != 0); break;
      case INT8: out.writeNumber(d.get(i)); break;
      case UINT8: out.writeNumber(d.get(i) & 0xFF); break;
      case INT16: out.writeNumber(d.getShort(i * 2)); break;
      case UINT16: writeFloat(d.getShort(i * 2) & 0xFFFF); break;
      case INT32: out.writeNumber(d.getInt(i * 4)); break;
      case UINT32: out.writeNumber(d.getInt(i * 4) & 0xFFFFFFFFL); break;
      case INT64: out.writeNumber(d.getLong(i * 8)); break;
      // Raw text: never through double, so all 64 bits survive.
      case UINT64: out.writeNumber(Long.toUnsignedString(d.getLong(i * 8))); break;
      case FP16: writeFloat(HalfFloats.fp16ToFloat(d.getShort(i * 2))); break;
      case BF16: writeFloat(HalfFloats.bf16ToFloat(d.getShort(i * 2))); break;
      case FP32: writeFloat(d.getFloat(i * 4)); break;
      case FP64: out.writeNumber(d.getDouble(i * 8)); break;
      default: throw new IllegalStateException("not a fixed-size type: " + type);
    }
  }

  /** A float in {@link FloatText}'s shortest form; NaN and the infinities bare, as TF Serving writes them. */
  private void writeFloat(float v) throws IOException {
    if (Float.isFinite(v)) {
      out.writeNumber(new String(row, 0, FloatText.write(v, row, 0), StandardCharsets.ISO_8859_1));
    } else {
      out.writeNumber(v);
    }
  }

  /** The types written as floats, whose innermost lists {@link #writeRow} writes: images, embeddings. */
  private static boolean writesRows(DataType type) {
    return type == DataType.FP32 || type == DataType.FP16 || type == DataType.BF16 || type == DataType.UINT16;
  }

  /**
   * The innermost list: brackets through the generator (which places the commas between lists), the
   * values as ASCII built here and written to the stream directly, after flushing what the generator
   * holds. The same text as one {@code writeNumber} per value, without the generator's per-value work
   * and a String per float, which on a 224-wide image row are most of the cost after the digits.
   */
  private long writeRow(DataType type, ByteBuffer d, long index, long length) throws IOException {
    out.writeStartArray();
    out.flush();
    int used = 0;
    for (long k = 0; k < length; k++) {
      if (used > row.length - FloatText.MAX_CHARS - 1) {
        stream.write(row, 0, used);
        used = 0;
      }
      if (k > 0) {
        row[used++] = ',';
      }
      int i = (int) (index + k);
      float v;
      switch (type) {
        case UINT16: v = d.getShort(i * 2) & 0xFFFF; break;
        case FP16: v = HalfFloats.fp16ToFloat(d.getShort(i * 2)); break;
        case BF16: v = HalfFloats.bf16ToFloat(d.getShort(i * 2)); break;
        default: v = d.getFloat(i * 4); break;
      }
      used = Float.isFinite(v) ? FloatText.write(v, row, used) : bare(v, used);
    }
    stream.write(row, 0, used);
    out.writeEndArray();
    return index + length;
  }

  /** NaN, Infinity or -Infinity, as the generator writes them in TF Serving's dialect. */
  private int bare(float v, int pos) {
    String text = Float.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
    for (int i = 0; i < text.length(); i++) {
      row[pos++] = (byte) text.charAt(i);
    }
    return pos;
  }

  /** Walks BYTES elements in order; their sizes vary, so no random access. */
  private final class BytesCursor {
    private final ByteBuffer data;
    private int pos;

    BytesCursor(ByteBuffer data) {
      this.data = data;
    }

    void skip(long elements) {
      for (long i = 0; i < elements; i++) {
        pos += 4 + data.getInt(pos);
      }
    }

    void writeNested(long[] shape, int dim) throws IOException {
      if (dim == shape.length) {
        int len = data.getInt(pos);
        byte[] raw = new byte[len];
        data.get(pos + 4, raw);
        pos += 4 + len;
        String text = Utf8.decodeStrict(raw);
        if (text != null) {
          out.writeString(text);
        } else {
          out.writeStartObject();
          out.writeStringField(B64.KEY, B64.encode(raw));
          out.writeEndObject();
        }
        return;
      }
      out.writeStartArray();
      for (long i = 0; i < shape[dim]; i++) {
        writeNested(shape, dim + 1);
      }
      out.writeEndArray();
    }
  }
}
