package io.inferlink.emulator.tfserving;

import io.inferlink.DataType;
import io.inferlink.Tensor;
import java.util.Base64;
import java.util.List;

/**
 * Writes predict outputs as TF Serving does (PROTOCOLS.md §1.4, §1.7): {@code {"outputs": ...}} for
 * the columnar format, {@code {"predictions": [...]}} (one entry per row) for the row format;
 * int64/uint64 as bare integers, floats through {@link TfsDecimal}, strings raw or as
 * {@code {"b64": ...}} when the output name ends with {@code _bytes}. Stateless.
 */
final class TfsPredictResponse {
  private TfsPredictResponse() {}

  /**
   * Writes the answer. {@code named} says whether outputs carry their names: TF Serving leaves the
   * name out when the model has one output tensor. That is decided by the signature, as a real model
   * always produces all its signature outputs; identity, which answers with a subset of its many
   * declared outputs, therefore always names them.
   */
  static byte[] write(List<Tensor> outputs, boolean rowFormat, boolean named) {
    if (outputs.isEmpty()) {
      throw TfsError.invalid("Cannot convert empty tensor map to JSON");
    }
    return rowFormat ? rows(outputs, named) : columns(outputs, named);
  }

  private static byte[] columns(List<Tensor> outputs, boolean named) {
    TfsJsonWriter w = new TfsJsonWriter().beginObject().key("outputs");
    if (named) {
      w.beginObject();
    }
    for (Tensor t : outputs) {
      if (named) {
        w.key(t.name());
      }
      new Values(t).write(w, 0, new int[] {0});
    }
    if (named) {
      w.endObject();
    }
    return w.endObject().toBytes();
  }

  private static byte[] rows(List<Tensor> outputs, boolean named) {
    long batch = -1;
    for (Tensor t : outputs) {
      if (t.rank() == 0) {
        throw TfsError.invalid("Tensor name: " + t.name() + " has no shape information");
      }
      if (batch >= 0 && t.shape()[0] != batch) {
        throw TfsError.invalid("Tensor name: " + t.name() + " has inconsistent batch size: " + t.shape()[0]
            + " expecting: " + batch);
      }
      batch = t.shape()[0];
    }
    Values[] values = new Values[outputs.size()];
    int[][] offsets = new int[outputs.size()][1];
    for (int i = 0; i < values.length; i++) {
      values[i] = new Values(outputs.get(i));
    }
    TfsJsonWriter w = new TfsJsonWriter().beginObject().key("predictions").beginArray();
    for (long row = 0; row < batch; row++) {
      if (named) {
        w.beginObject();
      }
      // TF writes each row's values on one line.
      w.singleLineArrays(true);
      for (int i = 0; i < values.length; i++) {
        if (named) {
          w.key(outputs.get(i).name());
        }
        values[i].write(w, 1, offsets[i]);
      }
      w.singleLineArrays(false);
      if (named) {
        w.endObject();
      }
    }
    return w.endArray().endObject().toBytes();
  }

  /** One output's elements, readable by flat index, and its nesting. */
  private static final class Values {
    private final Tensor tensor;
    private final boolean asBase64;
    private Object elements;

    Values(Tensor tensor) {
      this.tensor = tensor;
      this.asBase64 = tensor.dtype() == DataType.BYTES && tensor.name().endsWith("_bytes");
    }

    /** Writes the dimensions from {@code dim} on, starting at element {@code offset[0]}, advancing it. */
    void write(TfsJsonWriter w, int dim, int[] offset) {
      long[] shape = tensor.shape();
      if (dim >= shape.length) {
        single(w, offset[0]++);
        return;
      }
      w.beginArray();
      for (long i = 0; i < shape[dim]; i++) {
        write(w, dim + 1, offset);
      }
      w.endArray();
    }

    private void single(TfsJsonWriter w, int index) {
      if (elements == null) {
        elements = elements();
      }
      switch (tensor.dtype()) {
        case FP32: w.literal(TfsDecimal.format(((float[]) elements)[index])); break;
        case FP64: w.literal(TfsDecimal.format(((double[]) elements)[index])); break;
        case BOOL: w.literal(String.valueOf(((boolean[]) elements)[index])); break;
        case UINT64: w.literal(Long.toUnsignedString(((long[]) elements)[index])); break;
        case BYTES: {
          byte[] bytes = (byte[]) ((List<?>) elements).get(index);
          if (asBase64) {
            w.beginObject().key("b64").string(Base64.getEncoder().encodeToString(bytes)).endObject();
          } else {
            w.rawString(bytes);
          }
          break;
        }
        default: w.literal(Long.toString(((long[]) elements)[index]));
      }
    }

    private Object elements() {
      switch (tensor.dtype()) {
        case FP32: return tensor.toFloatArray();
        case FP64: return tensor.toDoubleArray();
        case BOOL: return tensor.toBooleanArray();
        case BYTES: return tensor.toBytesList();
        case FP16:
        case BF16:
        case UINT16:
          throw TfsError.invalid("Failed to write JSON value for tensor type: " + TfsTypes.shortName(tensor.dtype()));
        default: return tensor.toLongArray(); // signed sign-extended, UINT8/UINT32 zero-extended, UINT64 raw bits
      }
    }
  }
}
