package io.inferlink.examples.torchserve.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.inferlink.Tensor;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The elements of one output as they are read, typed the way {@code torch.tensor()} types a Python
 * list: integers only make INT64; once any number has a fraction, an exponent or is NaN or an
 * infinity, every number is FP32 (the integers read so far are converted, as torch does); booleans
 * make BOOL, strings BYTES; no element at all makes an empty FP32 tensor. Mixing strings, booleans
 * and numbers, {@code null} and objects are malformed. One instance per output; not thread-safe.
 */
final class JsonLeaves {
  private enum Kind { NONE, INT64, FP32, BOOL, BYTES }

  private final String name;
  private Kind kind = Kind.NONE;
  private long[] longs = new long[16];
  private float[] floats;
  private boolean[] bools;
  private final List<byte[]> strings = new ArrayList<>();
  private int count;

  JsonLeaves(String name) {
    this.name = name;
  }

  /** Adds the parser's current token, a scalar JSON value. */
  void add(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    switch (token) {
      case VALUE_NUMBER_INT:
        addInteger(p);
        break;
      case VALUE_NUMBER_FLOAT:
        // Parsed from the text, not through a double, so a float written shortest reads back exactly.
        addFloat(Float.parseFloat(p.getText()));
        break;
      case VALUE_TRUE:
      case VALUE_FALSE:
        become(Kind.BOOL);
        ensure();
        bools[count++] = token == JsonToken.VALUE_TRUE;
        break;
      case VALUE_STRING:
        become(Kind.BYTES);
        strings.add(p.getText().getBytes(StandardCharsets.UTF_8));
        count++;
        break;
      default:
        throw new MalformedAnswerException("output '" + name + "' holds " + describe(token)
            + ", which is not a tensor element");
    }
  }

  /** The tensor of the elements read, in this shape (whose element count the reader has checked). */
  Tensor toTensor(long[] shape) {
    switch (kind) {
      case INT64:
        return Tensor.ofLongs(name, Arrays.copyOf(longs, count), shape);
      case BOOL:
        return Tensor.ofBooleans(name, Arrays.copyOf(bools, count), shape);
      case BYTES:
        return Tensor.ofBytes(name, strings.toArray(new byte[0][]), shape);
      case FP32:
        return Tensor.ofFloats(name, Arrays.copyOf(floats, count), shape);
      default:
        return Tensor.ofFloats(name, new float[0], shape); // torch.tensor([]) is float32 too
    }
  }

  private void addInteger(JsonParser p) throws IOException {
    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      BigInteger big = p.getBigIntegerValue();
      if (kind != Kind.FP32) {
        // torch.tensor() overflows on such an integer too, unless the list is float already.
        throw new MalformedAnswerException("output '" + name + "' holds " + big + ", beyond INT64");
      }
      addFloat(big.floatValue());
      return;
    }
    if (kind == Kind.FP32) {
      addFloat(p.getLongValue());
      return;
    }
    become(Kind.INT64);
    ensure();
    longs[count++] = p.getLongValue();
  }

  private void addFloat(float value) {
    if (kind == Kind.INT64) {
      floats = new float[longs.length];
      for (int i = 0; i < count; i++) {
        floats[i] = longs[i];
      }
      kind = Kind.FP32;
    }
    become(Kind.FP32);
    ensure();
    floats[count++] = value;
  }

  private void become(Kind wanted) {
    if (kind == Kind.NONE) {
      kind = wanted;
    } else if (kind != wanted) {
      throw new MalformedAnswerException("output '" + name + "' mixes " + kind + " and " + wanted
          + " elements, which no tensor holds");
    }
  }

  private void ensure() {
    switch (kind) {
      case INT64:
        longs = count < longs.length ? longs : Arrays.copyOf(longs, longs.length * 2);
        break;
      case FP32:
        floats = floats == null ? new float[16] : count < floats.length ? floats : Arrays.copyOf(floats, floats.length * 2);
        break;
      case BOOL:
        bools = bools == null ? new boolean[16] : count < bools.length ? bools : Arrays.copyOf(bools, bools.length * 2);
        break;
      default:
        break;
    }
  }

  private static String describe(JsonToken token) {
    switch (token) {
      case VALUE_NULL: return "null";
      case START_OBJECT: return "an object";
      default: return token.toString();
    }
  }
}
