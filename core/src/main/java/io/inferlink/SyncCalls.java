package io.inferlink;

import io.inferlink.spi.Errors;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Turns the asynchronous primitive into the blocking form, with the same exception types. */
final class SyncCalls {
  private SyncCalls() {}

  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new InferenceException(ErrorCode.CANCELLED, "interrupted while waiting for the server", e);
    } catch (ExecutionException e) {
      Throwable cause = Errors.unwrapFutureException(e);
      if (cause instanceof RuntimeException) {
        // The same instance as the async caller sees: identical types and messages both ways.
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
}
