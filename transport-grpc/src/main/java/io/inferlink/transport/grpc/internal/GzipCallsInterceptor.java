package io.inferlink.transport.grpc.internal;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;

/**
 * Sends every request message of a channel gzip-compressed ({@code grpc-encoding: gzip}), for
 * {@link io.inferlink.ClientOptions#compression()}. Answers need nothing of ours: grpc-java advertises
 * the codings it decodes in {@code grpc-accept-encoding} and inflates a compressed answer itself, with
 * the channel's inbound limit counted on the inflated message. Stateless and thread-safe.
 */
final class GzipCallsInterceptor implements ClientInterceptor {
  /** grpc-java's name of its built-in gzip codec. */
  static final String GZIP = "gzip";

  @Override
  public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
    return next.newCall(method, options.withCompression(GZIP));
  }
}
