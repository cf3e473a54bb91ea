package io.inferlink.emulator.tfserving;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Map;

/**
 * Reads request bodies as Jackson trees the way TF Serving's rapidjson does ({@code
 * kParseNanAndInfFlag}: bare {@code NaN}, {@code Inf}, {@code Infinity}, with an optional minus), and
 * shows JSON values in error messages as TF does. Thread-safe (the mapper is).
 */
final class TfsJson {
  /** 2^64 - 1: rapidjson reads larger integers as doubles. */
  static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  // Multi-MiB base64 strings are normal for tensors: lift Jackson's default string length cap.
  private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
          .build())
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private TfsJson() {}

  /**
   * The body's JSON object.
   *
   * @throws TfsError INVALID_ARGUMENT for an empty body, a parse error, or a top level that is not an object
   */
  static JsonNode parseObject(byte[] body) {
    if (body.length == 0) {
      throw TfsError.invalid("JSON Parse error: The document is empty");
    }
    JsonNode doc;
    try {
      doc = MAPPER.readTree(rapidjsonTokens(body));
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      long offset = where == null ? 0 : Math.max(0, where.getByteOffset() >= 0 ? where.getByteOffset() : where.getCharOffset());
      throw TfsError.invalid("JSON Parse error: " + e.getOriginalMessage() + " at offset: " + offset);
    } catch (IOException e) {
      throw TfsError.invalid("JSON Parse error: " + e.getMessage());
    }
    if (doc == null || doc.isMissingNode()) {
      throw TfsError.invalid("JSON Parse error: The document is empty. at offset: " + body.length);
    }
    if (!doc.isObject()) {
      throw TfsError.invalid("JSON Value: " + describe(doc) + " Is not object");
    }
    return doc;
  }

  /** rapidjson's name of a value's type, as TF's messages show it. */
  static String typeName(JsonNode v) {
    if (v.isNull()) {
      return "Null";
    }
    if (v.isBoolean()) {
      return v.booleanValue() ? "True" : "False";
    }
    if (v.isObject()) {
      return "Object";
    }
    if (v.isArray()) {
      return "Array";
    }
    return v.isTextual() ? "String" : "Number";
  }

  /** True for an integer rapidjson also reads as one (up to 2^64 - 1 in magnitude on the positive side). */
  static boolean isRapidjsonInteger(JsonNode v) {
    if (!v.isIntegralNumber()) {
      return false;
    }
    BigInteger i = v.bigIntegerValue();
    return i.bitLength() < 64 || (i.signum() > 0 && i.compareTo(UINT64_MAX) <= 0);
  }

  /** A value as TF's {@code JsonValueToString} shows it: pretty-printed, decimals as {@code WriteDecimal}. */
  static String describe(JsonNode v) {
    TfsJsonWriter w = new TfsJsonWriter();
    write(w, v);
    return w.text();
  }

  private static void write(TfsJsonWriter w, JsonNode v) {
    if (v.isObject()) {
      w.beginObject();
      for (Map.Entry<String, JsonNode> e : v.properties()) {
        w.key(e.getKey());
        write(w, e.getValue());
      }
      w.endObject();
    } else if (v.isArray()) {
      w.beginArray();
      v.forEach(e -> write(w, e));
      w.endArray();
    } else if (v.isTextual()) {
      w.string(v.textValue());
    } else if (v.isNumber()) {
      w.literal(number(v));
    } else {
      w.literal(v.isNull() ? "null" : String.valueOf(v.booleanValue()));
    }
  }

  private static String number(JsonNode v) {
    if (isRapidjsonInteger(v)) {
      return v.bigIntegerValue().toString();
    }
    double d = v.doubleValue();
    // rapidjson's IsFloat() is a range check, and TF then writes the value as a float.
    return Math.abs(d) <= Float.MAX_VALUE || !Double.isFinite(d) ? TfsDecimal.format((float) d) : TfsDecimal.format(d);
  }

  /**
   * Rewrites rapidjson's extra tokens that Jackson lacks, outside strings only: {@code Inf} (not
   * followed by {@code inity}) becomes {@code Infinity}, {@code -NaN} becomes {@code NaN}.
   */
  static byte[] rapidjsonTokens(byte[] body) {
    ByteArrayOutputStream out = null;
    boolean inString = false;
    int copied = 0;
    for (int i = 0; i < body.length; i++) {
      byte b = body[i];
      if (inString) {
        if (b == '\\') {
          i++;
        } else if (b == '"') {
          inString = false;
        }
        continue;
      }
      if (b == '"') {
        inString = true;
      } else if (b == 'I' && startsWith(body, i, "Inf") && !startsWith(body, i, "Infinity")) {
        out = out == null ? new ByteArrayOutputStream(body.length + 16) : out;
        out.write(body, copied, i + 3 - copied);
        out.writeBytes("inity".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        copied = i + 3;
      } else if (b == '-' && startsWith(body, i + 1, "NaN")) {
        out = out == null ? new ByteArrayOutputStream(body.length) : out;
        out.write(body, copied, i - copied);
        copied = i + 1;
      }
    }
    if (out == null) {
      return body;
    }
    out.write(body, copied, body.length - copied);
    return out.toByteArray();
  }

  private static boolean startsWith(byte[] body, int at, String token) {
    if (at + token.length() > body.length) {
      return false;
    }
    for (int k = 0; k < token.length(); k++) {
      if (body[at + k] != token.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
