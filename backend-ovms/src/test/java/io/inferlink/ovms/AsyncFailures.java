package io.inferlink.ovms;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import io.inferlink.spi.support.Errors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** What an asynchronous call failed with. */
final class AsyncFailures {
  private AsyncFailures() {}

  /** The exception the future fails with (wrappers removed); fails the test if it succeeds. */
  static <T extends Throwable> T failure(Class<T> expected, Supplier<CompletableFuture<?>> call) {
    try {
      Object value = call.get().get(60, TimeUnit.SECONDS);
      return fail("expected " + expected.getSimpleName() + ", got a result: " + value);
    } catch (ExecutionException e) {
      return assertInstanceOf(expected, Errors.unwrapFutureException(e));
    } catch (InterruptedException | TimeoutException e) {
      return fail("no answer", e);
    }
  }
}
