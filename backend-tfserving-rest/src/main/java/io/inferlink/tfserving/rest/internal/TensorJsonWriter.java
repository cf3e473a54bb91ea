package io.inferlink.tfserving.rest.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.inferlink.DataType;
import io.inferlink.HalfFloats;
import io.inferlink.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;

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

  TensorJsonWriter(JsonGenerator out) {
    this.out = out;
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
      case UINT16: out.writeNumber((float) (d.getShort(i * 2) & 0xFFFF)); break;
      case INT32: out.writeNumber(d.getInt(i * 4)); break;
      case UINT32: out.writeNumber(d.getInt(i * 4) & 0xFFFFFFFFL); break;
      case INT64: out.writeNumber(d.getLong(i * 8)); break;
      // Raw text: never through double, so all 64 bits survive.
      case UINT64: out.writeNumber(Long.toUnsignedString(d.getLong(i * 8))); break;
      case FP16: out.writeNumber(HalfFloats.fp16ToFloat(d.getShort(i * 2))); break;
      case BF16: out.writeNumber(HalfFloats.bf16ToFloat(d.getShort(i * 2))); break;
      case FP32: out.writeNumber(d.getFloat(i * 4)); break;
      case FP64: out.writeNumber(d.getDouble(i * 8)); break;
      default: throw new IllegalStateException("not a fixed-size type: " + type);
    }
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
