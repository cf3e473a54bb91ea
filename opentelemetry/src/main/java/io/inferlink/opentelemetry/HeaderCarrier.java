package io.inferlink.opentelemetry;

import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects the headers a propagator writes ({@code traceparent}, {@code tracestate}, a baggage
 * header...), so that they can go onto the call with {@code withHeader}, which checks each one.
 */
final class HeaderCarrier {
  static final TextMapSetter<HeaderCarrier> SETTER = (carrier, name, value) -> {
    if (carrier != null) {
      carrier.headers.put(name, value);
    }
  };

  final Map<String, String> headers = new LinkedHashMap<>();
}
