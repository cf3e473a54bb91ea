package io.inferlink.examples.torchserve.internal;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.spi.support.Errors;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into a byte array, but stops reading (and fails the call with
 * RESOURCE_EXHAUSTED) as soon as it exceeds {@link io.inferlink.ClientOptions#maxMessageSize()}: the
 * JDK's own {@code BodySubscribers.ofByteArray()} has no limit, so a runaway server could fill the
 * heap. Used by one response at a time, as the JDK's subscriber contract guarantees.
 */
final class CappedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private final ByteArrayOutputStream collected = new ByteArrayOutputStream();
  private final long declaredLength;
  private final int maxBytes;
  private final String provider;
  private Flow.Subscription subscription;

  private CappedBodySubscriber(long declaredLength, int maxBytes, String provider) {
    this.declaredLength = declaredLength;
    this.maxBytes = maxBytes;
    this.provider = provider;
  }

  /** A body handler whose every response is read by a new capped subscriber. */
  static HttpResponse.BodyHandler<byte[]> handler(int maxBytes, String provider) {
    return info -> new CappedBodySubscriber(
        info.headers().firstValueAsLong("content-length").orElse(-1L), maxBytes, provider);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (declaredLength > maxBytes) {
      tooLarge(declaredLength);
      return;
    }
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    for (ByteBuffer b : buffers) {
      if (body.isDone()) {
        return;
      }
      if ((long) collected.size() + b.remaining() > maxBytes) {
        tooLarge((long) collected.size() + b.remaining());
        return;
      }
      byte[] chunk = new byte[b.remaining()];
      b.get(chunk);
      collected.write(chunk, 0, chunk.length);
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
    InferenceException e = Errors.create(ErrorCode.RESOURCE_EXHAUSTED, "the answer has at least " + bytes
        + " bytes, more than maxMessageSize (" + maxBytes + "); raise ClientOptions.maxMessageSize", provider, null);
    body.completeExceptionally(e);
  }
}
