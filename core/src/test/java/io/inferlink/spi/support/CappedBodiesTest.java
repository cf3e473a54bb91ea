package io.inferlink.spi.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ResourceExhaustedException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/** {@link CappedBodies}: the subscriber fed as the JDK's HTTP client feeds it. */
class CappedBodiesTest {
  /** Records what the subscriber asks of its subscription. */
  private static final class Subscription implements Flow.Subscription {
    long requested;
    boolean cancelled;

    @Override
    public void request(long n) {
      requested += n;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  private static ByteBuffer bytes(int n) {
    return ByteBuffer.wrap(new byte[n]);
  }

  @Test
  void aBodyWithinTheCapIsCollectedWhole() throws Exception {
    CappedBodies.Capped capped = new CappedBodies.Capped(-1, 10, "p");
    Subscription s = new Subscription();
    capped.onSubscribe(s);
    capped.onNext(List.of(ByteBuffer.wrap(new byte[] {1, 2, 3}), ByteBuffer.wrap(new byte[] {4})));
    capped.onNext(List.of(bytes(6)));
    capped.onComplete();
    assertTrue(s.requested > 0);
    assertArrayEquals(new byte[] {1, 2, 3, 4, 0, 0, 0, 0, 0, 0}, capped.getBody().toCompletableFuture().get());
  }

  @Test
  void readingStopsOnceTheBytesPassTheCap() {
    CappedBodies.Capped capped = new CappedBodies.Capped(-1, 10, "p");
    Subscription s = new Subscription();
    capped.onSubscribe(s);
    capped.onNext(List.of(bytes(8), bytes(8)));
    assertTrue(s.cancelled, "the read must stop, so the rest is never received");
    ResourceExhaustedException e = refusal(capped.getBody().toCompletableFuture());
    assertTrue(e.getMessage().contains("maxMessageSize (10)"), e.getMessage());
    assertEquals("p", e.provider());
  }

  @Test
  void aDeclaredLengthPastTheCapIsRefusedBeforeReading() {
    CappedBodies.Capped capped = new CappedBodies.Capped(1_000_000, 10, "p");
    Subscription s = new Subscription();
    capped.onSubscribe(s);
    assertEquals(0, s.requested);
    assertTrue(s.cancelled);
    assertTrue(refusal(capped.getBody().toCompletableFuture()).getMessage().contains("1000000"));
  }

  @Test
  void theCapsFailureIsKeptByTheConnectionFailureMapping() {
    CappedBodies.Capped capped = new CappedBodies.Capped(100, 10, "p");
    capped.onSubscribe(new Subscription());
    ExecutionException wrapped = assertThrows(ExecutionException.class, () -> capped.getBody().toCompletableFuture().get());
    assertInstanceOf(ResourceExhaustedException.class,
        Errors.connectionFailure(new java.io.IOException("body failed", wrapped.getCause()), "http://h", SecretScrubber.NONE, "p"));
  }

  private static ResourceExhaustedException refusal(CompletableFuture<byte[]> body) {
    ExecutionException e = assertThrows(ExecutionException.class, body::get);
    return assertInstanceOf(ResourceExhaustedException.class, e.getCause());
  }
}
