package io.inferlink.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.inferlink.InferenceException;
import io.inferlink.Tensor;
import io.inferlink.spi.support.Errors;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Assertions the compatibility kit is built from; stateless and thread-safe. */
final class KitChecks {
  /** How long the kit waits for any one answer before calling the client stuck. */
  static final Duration ANSWER_WAIT = Duration.ofSeconds(30);

  private KitChecks() {}

  /** Asserts name, type, shape and every data byte are equal, saying where they first differ. */
  static void assertSameTensor(String what, Tensor expected, Tensor actual) {
    assertNotNull(actual, what + ": output '" + expected.name() + "' is missing");
    assertEquals(expected.name(), actual.name(), what + ": name");
    assertEquals(expected.dtype(), actual.dtype(), what + ": dtype of '" + expected.name() + "'");
    assertArrayEquals(expected.shape(), actual.shape(), what + ": shape of '" + expected.name() + "'");
    ByteBuffer e = expected.data();
    ByteBuffer a = actual.data();
    int mismatch = e.mismatch(a);
    if (mismatch >= 0) {
      fail(what + ": data of '" + expected.name() + "' (" + expected.dtype() + ") differs first at byte "
          + mismatch + (expected.dtype().isFixedSize() ? " (element " + mismatch / expected.dtype().byteSize() + ")" : "")
          + "; expected " + e.remaining() + " bytes, got " + a.remaining()
          + (mismatch < Math.min(e.remaining(), a.remaining())
              ? String.format("; byte 0x%02x instead of 0x%02x", a.get(mismatch), e.get(mismatch)) : ""));
    }
  }

  /** Waits for a value; a failure or a stuck future fails the test with the cause attached. */
  static <T> T await(String what, CompletableFuture<T> future, Duration wait) {
    assertNotNull(future, what + ": the async method returned null");
    try {
      return future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError(what + ": failed with " + Errors.unwrapFutureException(e), e.getCause());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new AssertionError(what + ": no answer within " + wait.toSeconds() + " s");
    } catch (CancellationException e) {
      throw new AssertionError(what + ": the future was cancelled", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(what + ": interrupted", e);
    }
  }

  /** {@link #await(String, CompletableFuture, Duration)} with the usual wait. */
  static <T> T await(String what, CompletableFuture<T> future) {
    return await(what, future, ANSWER_WAIT);
  }

  /**
   * Runs an async call that must fail and returns why (unwrapped). The async method itself must not
   * throw an {@link InferenceException}: failures travel in the future.
   */
  static Throwable failureOf(String what, Supplier<? extends CompletableFuture<?>> call) {
    CompletableFuture<?> future;
    try {
      future = call.get();
    } catch (RuntimeException e) {
      throw new AssertionError(what + ": the async method threw " + e.getClass().getSimpleName()
          + " instead of returning a failed future", e);
    }
    assertNotNull(future, what + ": the async method returned null");
    try {
      Object value = future.get(ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      throw new AssertionError(what + ": expected a failure, got " + value);
    } catch (ExecutionException e) {
      return Errors.unwrapFutureException(e);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new AssertionError(what + ": no answer within " + ANSWER_WAIT.toSeconds() + " s");
    } catch (CancellationException e) {
      throw new AssertionError(what + ": the future was cancelled instead of failing", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(what + ": interrupted", e);
    }
  }

  /** Asserts {@code failure} is an instance of {@code type}, keeping it as the cause when not. */
  static <T extends Throwable> T assertFailure(String what, Class<T> type, Throwable failure) {
    if (!type.isInstance(failure)) {
      throw new AssertionError(what + ": expected " + type.getSimpleName() + " but got " + failure, failure);
    }
    return type.cast(failure);
  }

  /** The live non-daemon threads right now. */
  static Set<Thread> nonDaemonThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !t.isDaemon())
        .collect(Collectors.toSet());
  }

  /**
   * Waits up to {@code wait} for every live non-daemon thread not in {@code before} to end, and fails
   * naming those that did not.
   */
  static void assertNoNewNonDaemonThreads(String what, Set<Thread> before, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    Set<String> left;
    do {
      left = new TreeSet<>();
      for (Thread t : nonDaemonThreads()) {
        if (!before.contains(t)) {
          left.add(t.getName());
        }
      }
      if (left.isEmpty()) {
        return;
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    fail(what + ": non-daemon threads still alive " + wait.toSeconds() + " s after close(): " + left);
  }
}
