package io.inferlink.internal;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The one wait of every blocking method: the API's default ones and, through
 * {@code io.inferlink.spi.support.Futures}, the backends' and extensions'. Stateless and thread-safe.
 */
public final class Await {
  private Await() {}

  /**
   * Waits for the future and returns its value, or throws the very exception instance it failed
   * with. An interrupt cancels the future, keeps the thread's interrupt flag and throws
   * {@link ErrorCode#CANCELLED}.
   */
  public static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new InferenceException(ErrorCode.CANCELLED, "interrupted while waiting for the server", e);
    } catch (ExecutionException e) {
      Throwable cause = Failures.unwrapFutureException(e);
      if (cause instanceof RuntimeException) {
        // The same instance the async caller sees: identical types and messages both ways.
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw Failures.wrap(cause, null);
    } catch (CancellationException e) {
      throw new InferenceException(ErrorCode.CANCELLED, "the call was cancelled", e);
    }
  }
}
