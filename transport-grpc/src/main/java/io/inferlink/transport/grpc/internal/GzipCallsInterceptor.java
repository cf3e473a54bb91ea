package io.inferlink.transport.grpc.internal;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.CompressorRegistry;
import io.grpc.MethodDescriptor;

/**
 * Sends every request message of a channel gzip-compressed ({@code grpc-encoding: gzip}), for
 * {@link io.inferlink.ClientOptions#compression()}, with {@link FastGzipCodec} as the channel's gzip
 * ({@link #compressors()}). Answers need nothing of ours: grpc-java advertises the codings it decodes
 * in {@code grpc-accept-encoding} and inflates a compressed answer itself, with the channel's inbound
 * limit counted on the inflated message. Stateless and thread-safe.
 */
final class GzipCallsInterceptor implements ClientInterceptor {
  /** The coding's name in {@code grpc-encoding}. */
  static final String GZIP = "gzip";
  /** The compressors of a channel with compression on: gzip at the fastest level ({@link FastGzipCodec}). */
  static CompressorRegistry compressors() {
    CompressorRegistry registry = CompressorRegistry.newEmptyInstance();
    registry.register(FastGzipCodec.INSTANCE);
    return registry;
  }

  @Override
  public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
    return next.newCall(method, options.withCompression(GZIP));
  }
}
