package io.inferlink.transport.http.internal;

import io.inferlink.ClientOptions;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.spi.support.Errors;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers of one call: User-Agent, then the options' headers (fixed, supplied, credentials; they
 * may replace User-Agent), then the call's own (a request's or its interceptors'), then the protocol's;
 * a later name replaces an earlier one in any case.
 */
final class RequestHeaders {
  private RequestHeaders() {}

  /** Fails fast, at transport creation, on fixed headers the transport owns. */
  static void checkFixed(ClientOptions options, String provider) {
    for (String name : options.headers().keySet()) {
      String owned = HeaderRules.ownedByTransport(name);
      if (owned != null) {
        throw new ProviderConfigurationException(
            new InferenceException.Details(ErrorCode.FAILED_PRECONDITION).message(owned).provider(provider));
      }
    }
  }

  /**
   * Computes the headers from {@code optionHeaders}, the call's {@link ClientOptions#requestHeaders()}
   * (its supplier run once for this call).
   *
   * @throws io.inferlink.InvalidRequestException when a supplied header or one of the call's is not allowed
   */
  static Map<String, String> forCall(ClientOptions options, Map<String, String> optionHeaders,
      HttpRequestSpec request, String provider) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("User-Agent", options.userAgent());
    for (Map.Entry<String, String> h : optionHeaders.entrySet()) {
      String owned = HeaderRules.ownedByTransport(h.getKey());
      if (owned != null) {
        throw Errors.create(ErrorCode.INVALID_ARGUMENT, owned, provider, null);
      }
      put(out, h.getKey(), h.getValue());
    }
    for (Map.Entry<String, String> h : request.callHeaders().entrySet()) {
      String owned = HeaderRules.ownedByTransport(h.getKey());
      if (owned != null) {
        throw Errors.create(ErrorCode.INVALID_ARGUMENT, owned, provider, null);
      }
      put(out, h.getKey(), h.getValue());
    }
    request.headers().forEach((name, value) -> put(out, name, value));
    return out;
  }

  private static void put(Map<String, String> headers, String name, String value) {
    headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
    headers.put(name, value);
  }
}
