package io.inferlink.transport.grpc.internal;

import io.grpc.Codec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * gzip for gRPC messages at deflate's fastest level, the level transport-http compresses REST bodies
 * with: grpc-java's built-in gzip uses the default level (6), several times the CPU per message for
 * tensors that gain little from it. The wire format is the same gzip, so any server inflates it.
 * Stateless and thread-safe.
 */
final class FastGzipCodec implements Codec {
  static final FastGzipCodec INSTANCE = new FastGzipCodec();

  private FastGzipCodec() {}

  @Override
  public String getMessageEncoding() {
    return GzipCallsInterceptor.GZIP;
  }

  @Override
  public OutputStream compress(OutputStream os) throws IOException {
    return new GZIPOutputStream(os, 64 * 1024) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    };
  }

  @Override
  public InputStream decompress(InputStream is) throws IOException {
    return new GZIPInputStream(is);
  }
}
