package io.inferlink.benchmarks.server;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Answers a gRPC call gzip-compressed when its request came compressed ({@code grpc-encoding: gzip}),
 * so that a compressed call is compressed both ways, as with HTTP's {@code Accept-Encoding}. grpc-java
 * inflates requests by itself. Stateless and thread-safe.
 */
final class GzipAnswers implements ServerInterceptor {
  private static final Metadata.Key<String> ENCODING = Metadata.Key.of("grpc-encoding", Metadata.ASCII_STRING_MARSHALLER);

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
      ServerCallHandler<Q, A> next) {
    if ("gzip".equals(headers.get(ENCODING))) {
      call.setCompression("gzip");
    }
    return next.startCall(call, headers);
  }
}
