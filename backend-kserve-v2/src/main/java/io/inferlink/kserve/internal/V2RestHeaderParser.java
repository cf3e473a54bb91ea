package io.inferlink.kserve.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.inferlink.DataType;
import io.inferlink.spi.support.MalformedAnswerException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Walks a V2 infer response's JSON header once, collecting everything but the {@code data} arrays,
 * which it hands to a visitor (so one walk can measure them and a second one fill buffers). Members
 * that are {@code null} are absent ({@link OptionalMembers}).
 */
final class V2RestHeaderParser {
  /** Receives each output's {@code data}; the parser is at its START_ARRAY and must be left at the matching END_ARRAY. */
  interface DataVisitor {
    void data(V2RestOutputHeader output, JsonParser p) throws IOException;
  }

  private V2RestHeaderParser() {}

  /** Parses the header; Jackson failures come out as {@link IOException} for the caller to wrap. */
  static V2RestResponseHeader parse(V2RestJsonText json, DataVisitor visitor) throws IOException {
    V2RestResponseHeader h = new V2RestResponseHeader();
    try (JsonParser p = json.parser()) {
      expect(p.nextToken(), JsonToken.START_OBJECT, "the response");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        if (OptionalMembers.absent(t)) {
          continue; // e.g. KServe's "model_version": null; a missing 'outputs' is reported below
        }
        switch (field) {
          case "model_name": h.modelName = text(p, t, "model_name"); break;
          case "model_version": h.modelVersion = text(p, t, "model_version"); break;
          case "id": h.id = text(p, t, "id"); break;
          case "parameters": h.parameters = V2JsonParameters.read(p, "the response"); break;
          case "outputs":
            expect(t, JsonToken.START_ARRAY, "'outputs'");
            h.sawOutputs = true;
            while (p.nextToken() != JsonToken.END_ARRAY) {
              h.outputs.add(output(p, h.outputs.size(), visitor));
            }
            break;
          default:
            p.skipChildren(); // fields of later protocol versions
        }
      }
      if (p.nextToken() != null) {
        throw new MalformedAnswerException("content after the JSON object of the response");
      }
    }
    if (!h.sawOutputs) {
      throw new MalformedAnswerException("the response has no 'outputs'");
    }
    return h;
  }

  private static V2RestOutputHeader output(JsonParser p, int index, DataVisitor visitor) throws IOException {
    V2RestOutputHeader o = new V2RestOutputHeader(index);
    expect(p.currentToken(), JsonToken.START_OBJECT, "output " + index);
    String datatype = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      if (OptionalMembers.absent(t)) {
        continue; // e.g. KServe's "parameters": null; missing required members are reported below
      }
      switch (field) {
        case "name": o.name = text(p, t, "output name"); break;
        case "datatype":
          datatype = text(p, t, "datatype");
          o.dtype = exactType(datatype); // known before 'data' in the usual member order, so it is only counted
          break;
        case "shape": o.shape = shape(p, t, index); break;
        case "parameters": o.parameters = V2JsonParameters.read(p, "output " + index); break;
        case "data":
          expect(t, JsonToken.START_ARRAY, "'data' of output " + index);
          o.hasData = true;
          visitor.data(o, p);
          break;
        default:
          p.skipChildren();
      }
    }
    if (o.name == null || datatype == null || o.shape == null) {
      throw new MalformedAnswerException("output " + index + " lacks 'name', 'datatype' or 'shape'");
    }
    o.dtype = dataType(datatype, o.where());
    Object size = o.parameters.get(V2RestRequestWriter.BINARY_DATA_SIZE);
    if (size != null) {
      if (!(size instanceof Long) || (Long) size < 0) {
        throw new MalformedAnswerException(o.where() + ": binary_data_size is " + size + ", not a size");
      }
      o.binarySize = (Long) size;
      Map<String, Object> rest = new LinkedHashMap<>(o.parameters);
      rest.remove(V2RestRequestWriter.BINARY_DATA_SIZE);
      o.parameters = rest;
    }
    return o;
  }

  /** Exact, case-sensitive wire names, as the protocol says. */
  private static DataType dataType(String name, String where) {
    DataType t = exactType(name);
    if (t == null) {
      throw new MalformedAnswerException(where + ": unknown datatype '" + name + "'");
    }
    return t;
  }

  private static DataType exactType(String name) {
    for (DataType t : DataType.values()) {
      if (t.wireName().equals(name)) {
        return t;
      }
    }
    return null;
  }

  private static long[] shape(JsonParser p, JsonToken t, int index) throws IOException {
    expect(t, JsonToken.START_ARRAY, "'shape' of output " + index);
    long[] dims = new long[8];
    int n = 0;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
          || p.getLongValue() < 0) {
        throw new MalformedAnswerException("'shape' of output " + index + " holds " + p.getText()
            + ", not a dimension");
      }
      if (n == dims.length) {
        dims = java.util.Arrays.copyOf(dims, n * 2);
      }
      dims[n++] = p.getLongValue();
    }
    return java.util.Arrays.copyOf(dims, n);
  }

  private static String text(JsonParser p, JsonToken t, String what) throws IOException {
    // Some servers write the version as a number; its text is the version string.
    if (t == JsonToken.VALUE_STRING || (t == JsonToken.VALUE_NUMBER_INT && what.equals("model_version"))) {
      return p.getText();
    }
    throw new MalformedAnswerException(what + " is " + t + ", not a string");
  }

  private static void expect(JsonToken actual, JsonToken expected, String what) {
    if (actual != expected) {
      throw new MalformedAnswerException(what + " starts with " + actual + ", expected " + expected);
    }
  }
}
