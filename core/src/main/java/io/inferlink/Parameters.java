package io.inferlink;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Checks and copies request/response parameters; values are String, Boolean, Long or Double. */
final class Parameters {
  private Parameters() {}

  static Object checkValue(String key, Object value) {
    Objects.requireNonNull(key, "parameter key");
    Objects.requireNonNull(value, "parameter '" + key + "'");
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float) {
      return ((Float) value).doubleValue();
    }
    if (value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof Double) {
      return value;
    }
    throw new IllegalArgumentException("parameter '" + key + "' must be a String, Boolean, integer or"
        + " floating-point number, not " + value.getClass().getName());
  }

  static Map<String, Object> freeze(Map<String, Object> params) {
    return params.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }
}
