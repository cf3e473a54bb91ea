package io.inferlink.spi.support;

import io.inferlink.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Size-capped answer bodies for a backend on the JDK's {@code java.net.http.HttpClient}, whose own
 * {@code BodyHandlers.ofByteArray()} has no limit, so a runaway or hostile server could fill the heap.
 * Stateless and thread-safe.
 */
public final class CappedBodies {
  private CappedBodies() {}

  /**
   * A body handler that collects each answer into a byte array, but fails it with
   * {@link ErrorCode#RESOURCE_EXHAUSTED} (an {@link io.inferlink.InferenceException} among the causes
   * of the exchange's failure, which {@link Errors#connectionFailure} returns as it is) and stops
   * reading as soon as its declared length or the bytes received pass {@code maxBytes}, usually
   * {@link io.inferlink.ClientOptions#maxMessageSize()}.
   *
   * @param maxBytes the largest body accepted, in bytes
   * @param provider the provider's name, for the error's message
   * @return a handler that owns nothing; one may serve every request of a client
   */
  public static HttpResponse.BodyHandler<byte[]> handler(int maxBytes, String provider) {
    return info -> new Capped(info.headers().firstValueAsLong("content-length").orElse(-1), maxBytes, provider);
  }

  /** One answer's subscriber; the JDK calls it for one response at a time. */
  static final class Capped implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream collected = new ByteArrayOutputStream();
    private final long declaredLength;
    private final int maxBytes;
    private final String provider;
    private Flow.Subscription subscription;

    Capped(long declaredLength, int maxBytes, String provider) {
      this.declaredLength = declaredLength;
      this.maxBytes = maxBytes;
      this.provider = provider;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (declaredLength > maxBytes) {
        tooLarge(declaredLength);
      } else {
        s.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer b : buffers) {
        if (body.isDone()) {
          return;
        }
        long size = (long) collected.size() + b.remaining();
        if (size > maxBytes) {
          tooLarge(size);
          return;
        }
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        collected.writeBytes(chunk);
      }
    }

    @Override
    public void onError(Throwable error) {
      body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      body.complete(collected.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    private void tooLarge(long bytes) {
      subscription.cancel();
      body.completeExceptionally(Errors.create(ErrorCode.RESOURCE_EXHAUSTED, "the answer has at least " + bytes
          + " bytes, more than maxMessageSize (" + maxBytes + "); raise ClientOptions.maxMessageSize", provider, null));
    }
  }
}
