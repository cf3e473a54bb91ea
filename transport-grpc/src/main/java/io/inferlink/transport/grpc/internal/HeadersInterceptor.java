package io.inferlink.transport.grpc.internal;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.inferlink.ClientOptions;
import io.inferlink.InvalidRequestException;
import io.inferlink.spi.support.SecretScrubber;
import java.util.Locale;
import java.util.Map;

/**
 * Adds the options' headers (fixed, supplied per call for rotating tokens, and credentials as
 * {@code authorization}) to every call's metadata, then the call's own headers ({@link #CALL_HEADERS},
 * replacing options' headers of the same name), and records in the call's {@link SentSecrets} what
 * it sent, so the call's exception can be scrubbed of it. gRPC metadata keys are lower-case ASCII;
 * values were checked by core's header rule, so none can smuggle in another header.
 */
final class HeadersInterceptor implements ClientInterceptor {
  /** The headers of one call (a request's and its interceptors'), set by {@link GrpcCalls}. */
  static final CallOptions.Key<Map<String, String>> CALL_HEADERS = CallOptions.Key.createWithDefault(
      "inferlink-call-headers", Map.of());

  private final ClientOptions options;

  HeadersInterceptor(ClientOptions options) {
    this.options = options;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions callOptions, Channel next) {
    return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, callOptions)) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        Map<String, String> extra = options.requestHeaders();
        Map<String, String> own = callOptions.getOption(CALL_HEADERS);
        SentSecrets.record(callOptions, SecretScrubber.forCall(extra, options).andSecretHeaders(own));
        for (Map.Entry<String, String> e : extra.entrySet()) {
          headers.put(key(e.getKey()), e.getValue());
        }
        for (Map.Entry<String, String> e : own.entrySet()) {
          Metadata.Key<String> key = key(e.getKey());
          headers.removeAll(key);
          headers.put(key, e.getValue());
        }
        super.start(listener, headers);
      }
    };
  }

  private static Metadata.Key<String> key(String header) {
    String name = header.toLowerCase(Locale.ROOT);
    if (name.endsWith(Metadata.BINARY_HEADER_SUFFIX) || name.startsWith(":")) {
      throw new InvalidRequestException("header '" + header + "' cannot be sent as gRPC metadata");
    }
    return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
  }
}
