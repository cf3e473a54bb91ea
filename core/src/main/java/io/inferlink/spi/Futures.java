package io.inferlink.spi;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Turns an asynchronous call into its blocking form with the same exception types: the one place
 * every blocking method (the client's and the protocol extensions') waits. Stateless and thread-safe.
 */
public final class Futures {
  private Futures() {}

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
      Throwable cause = Errors.unwrapFutureException(e);
      if (cause instanceof RuntimeException) {
        // The same instance the async caller sees: identical types and messages both ways.
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw Errors.wrap(cause, null);
    } catch (CancellationException e) {
      throw new InferenceException(ErrorCode.CANCELLED, "the call was cancelled", e);
    }
  }

  /**
   * Makes cancelling {@code result} (a future derived from {@code source}) cancel {@code source}
   * too, so a caller's {@code cancel(true)} reaches the network call; returns {@code result}.
   */
  public static <T> CompletableFuture<T> cancelling(CompletableFuture<T> result, CompletableFuture<?> source) {
    result.whenComplete((value, error) -> {
      if (result.isCancelled()) {
        source.cancel(true);
      }
    });
    return result;
  }
}
