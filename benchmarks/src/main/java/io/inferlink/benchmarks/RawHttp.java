package io.inferlink.benchmarks;

import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;

/**
 * The transport's ceiling: one POST of pre-encoded bytes with a bare Apache HttpClient 5, the answer
 * collected into one array sized by its Content-Length. Stateless.
 */
public final class RawHttp {
  private RawHttp() {}

  /** POSTs {@code body} to {@code url} and returns the answer's bytes; a non-200 answer is an error. */
  public static byte[] post(CloseableHttpAsyncClient client, String url, byte[] body, ContentType type,
      String headerName, String headerValue) throws ExecutionException, InterruptedException {
    AsyncRequestBuilder b = AsyncRequestBuilder.post(url).setEntity(AsyncEntityProducers.create(body, type));
    if (headerName != null) {
      b.addHeader(headerName, headerValue);
    }
    AsyncRequestProducer producer = b.build();
    return client.execute(producer, new Collect(), null).get();
  }

  /** Collects a body into an array sized once from Content-Length. */
  private static final class Collect extends AbstractBinResponseConsumer<byte[]> {
    private byte[] bytes;
    private int filled;

    @Override
    protected void start(HttpResponse response, ContentType contentType) throws HttpException {
      if (response.getCode() != 200) {
        throw new HttpException("status " + response.getCode());
      }
      Header length = response.getFirstHeader("Content-Length");
      bytes = new byte[length != null ? Integer.parseInt(length.getValue()) : 0];
      filled = 0;
    }

    @Override
    protected int capacityIncrement() {
      return Integer.MAX_VALUE;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) {
      int n = src.remaining();
      if (filled + n > bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, Math.max(filled + n, bytes.length * 2));
      }
      src.get(bytes, filled, n);
      filled += n;
    }

    @Override
    protected byte[] buildResult() {
      return filled == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, filled);
    }

    @Override
    public void releaseResources() {
      // nothing held
    }
  }
}
