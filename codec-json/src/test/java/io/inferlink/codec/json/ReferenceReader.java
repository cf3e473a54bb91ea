package io.inferlink.codec.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.inferlink.DataType;
import io.inferlink.half.HalfFloats;
import io.inferlink.Tensor;
import io.inferlink.spi.support.JsonLimits;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simplest reader of one JSON tensor value that could be right, for the differential test: the whole value as
 * a tree of plain Java objects (numbers kept as their text), flattened, each element converted on its own from its
 * text by the JDK ({@code Float.parseFloat}, {@code Double.parseDouble}, {@code BigInteger}). Slow and obvious; it
 * shares no code with {@link JsonColumn}. Types are inferred by TF Serving's rule. Returns null for a value
 * without a tensor form.
 */
final class ReferenceReader {
  /** A number as written, and whether it was written as an integer. */
  private record Num(String text, boolean integral) {}

  private static final Object NULL = new Object();

  private ReferenceReader() {}

  static Tensor read(String json, DataType dtype, LeafRules rules, boolean nonNumericNumbers) {
    JsonFactory factory = JsonFactory.builder().configure(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, nonNumericNumbers).build();
    Object root;
    try (JsonParser p = factory.createParser(json)) {
      p.nextToken();
      root = tree(p, 1);
      if (p.nextToken() != null) {
        return null;
      }
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
    long[] dims = shapeOf(root);
    if (dims == null) {
      return null;
    }
    List<Object> leaves = new ArrayList<>();
    collect(root, leaves);
    DataType type = dtype != null ? dtype : infer(leaves, rules);
    if (type == null) {
      return null;
    }
    List<byte[]> strings = new ArrayList<>();
    ByteBuffer out = ByteBuffer.allocate(type.isFixedSize() ? leaves.size() * type.byteSize() : 0).order(ByteOrder.LITTLE_ENDIAN);
    for (Object leaf : leaves) {
      if (!put(leaf, type, rules, out, strings)) {
        return null;
      }
    }
    if (type == DataType.BYTES) {
      return Tensor.ofBytes("y", strings.toArray(new byte[0][]), dims);
    }
    return Tensor.wrap("y", type, out.flip(), dims);
  }

  private static Object tree(JsonParser p, int depth) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_ARRAY: {
        if (depth > JsonLimits.MAX_NESTING_DEPTH) {
          throw new IllegalArgumentException("too deep");
        }
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(tree(p, depth + 1));
        }
        return list;
      }
      case START_OBJECT: {
        Map<String, Object> object = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          object.put(name, tree(p, depth + 1));
        }
        return object;
      }
      case VALUE_NUMBER_INT: return new Num(p.getText(), true);
      case VALUE_NUMBER_FLOAT: return new Num(p.getText(), false);
      case VALUE_TRUE: return Boolean.TRUE;
      case VALUE_FALSE: return Boolean.FALSE;
      case VALUE_NULL: return NULL;
      default: return p.getText();
    }
  }

  /** The shape of a value, or null when its lists are not rectangular. */
  private static long[] shapeOf(Object n) {
    if (!(n instanceof List)) {
      return new long[0];
    }
    List<?> list = (List<?>) n;
    long[] element = new long[0];
    for (int i = 0; i < list.size(); i++) {
      long[] s = shapeOf(list.get(i));
      if (s == null || (i > 0 && !Arrays.equals(element, s))) {
        return null;
      }
      element = s;
    }
    long[] shape = new long[element.length + 1];
    shape[0] = list.size();
    System.arraycopy(element, 0, shape, 1, element.length);
    return shape;
  }

  private static void collect(Object n, List<Object> leaves) {
    if (n instanceof List) {
      ((List<?>) n).forEach(c -> collect(c, leaves));
    } else {
      leaves.add(n);
    }
  }

  private static DataType infer(List<Object> leaves, LeafRules rules) {
    boolean ints = false;
    boolean floats = false;
    boolean beyond = false;
    boolean negative = false;
    boolean bools = false;
    boolean text = false;
    for (Object n : leaves) {
      if (n instanceof Num && ((Num) n).integral()) {
        ints = true;
        beyond |= new BigInteger(((Num) n).text()).bitLength() > 63;
        negative |= ((Num) n).text().startsWith("-");
      } else if (n instanceof Num || (n == NULL && rules.nullAsNaN())) {
        floats = true;
      } else if (n instanceof Boolean) {
        bools = true;
      } else if (n instanceof String || (n instanceof Map && rules.b64Objects())) {
        text = true;
      } else {
        return null;
      }
    }
    int kinds = (ints || floats ? 1 : 0) + (bools ? 1 : 0) + (text ? 1 : 0);
    if (kinds > 1) {
      return null;
    }
    if (text) {
      return DataType.BYTES;
    }
    if (bools) {
      return DataType.BOOL;
    }
    if (floats || !ints) {
      return DataType.FP32;
    }
    if (beyond) {
      return negative ? null : DataType.UINT64;
    }
    return DataType.INT64;
  }

  private static boolean put(Object n, DataType type, LeafRules rules, ByteBuffer out, List<byte[]> strings) {
    switch (type) {
      case BOOL:
        if (!(n instanceof Boolean)) {
          return false;
        }
        out.put((byte) ((Boolean) n ? 1 : 0));
        return true;
      case BYTES:
        if (n instanceof String) {
          strings.add(((String) n).getBytes(StandardCharsets.UTF_8));
          return true;
        }
        if (rules.b64Objects() && n instanceof Map && ((Map<?, ?>) n).size() == 1 && ((Map<?, ?>) n).get("b64") instanceof String) {
          try {
            strings.add(Base64.getDecoder().decode((String) ((Map<?, ?>) n).get("b64")));
            return true;
          } catch (IllegalArgumentException e) {
            return false;
          }
        }
        return false;
      case FP16: case BF16: case FP32: case FP64: {
        String text;
        if (n == NULL && rules.nullAsNaN()) {
          text = "NaN";
        } else if (n instanceof Num) {
          text = ((Num) n).text();
        } else {
          return false;
        }
        switch (type) {
          case FP16: out.putShort(HalfFloats.floatToFp16(Float.parseFloat(text))); break;
          case BF16: out.putShort(HalfFloats.floatToBf16(Float.parseFloat(text))); break;
          case FP32: out.putFloat(Float.parseFloat(text)); break;
          default: out.putDouble(Double.parseDouble(text));
        }
        return true;
      }
      default: {
        if (!(n instanceof Num) || !((Num) n).integral()) {
          return false;
        }
        String text = ((Num) n).text();
        BigInteger v = new BigInteger(text);
        int bits = type.byteSize() * 8;
        BigInteger min = type.isUnsigned() ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits - 1).negate();
        BigInteger max = type.isUnsigned() ? BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
            : BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0 || (type == DataType.UINT64 && text.startsWith("-"))) {
          return false;
        }
        long bitsValue = v.longValue();
        switch (type.byteSize()) {
          case 1: out.put((byte) bitsValue); break;
          case 2: out.putShort((short) bitsValue); break;
          case 4: out.putInt((int) bitsValue); break;
          default: out.putLong(bitsValue);
        }
        return true;
      }
    }
  }
}
