package io.inferlink.spi.support;

import io.inferlink.ErrorCode;
import io.inferlink.internal.Await;
import io.inferlink.internal.Failures;
import java.util.concurrent.CompletableFuture;

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
   *
   * @param <T> the future's value type
   * @param future the future to wait for; not null
   * @return the future's value
   */
  public static <T> T await(CompletableFuture<T> future) {
    return Await.await(future);
  }

  /**
   * The failure a future's exception stands for, under the {@code CompletionException} and
   * {@code ExecutionException} wrappers that stages add (for interceptors that report a call's outcome).
   *
   * @param futureException the exception a stage or {@code get()} gave, or null
   * @return the innermost cause under those wrappers, or {@code futureException} when it is not one
   */
  public static Throwable cause(Throwable futureException) {
    return Failures.unwrapFutureException(futureException);
  }

  /**
   * Makes cancelling {@code result} (a future derived from {@code source}) cancel {@code source}
   * too, so a caller's {@code cancel(true)} reaches the network call; returns {@code result}.
   *
   * @param <T> the value type
   * @param result the future given to the caller; not null
   * @param source the future of the network call that {@code result} derives from; not null
   * @return {@code result}, for chaining
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
