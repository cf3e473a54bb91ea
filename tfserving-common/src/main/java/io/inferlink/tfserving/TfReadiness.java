package io.inferlink.tfserving;

import io.inferlink.ModelNotFoundException;
import io.inferlink.spi.support.Errors;
import io.inferlink.spi.support.Futures;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Model readiness as TF Serving tells it, for both of its APIs (it has no ready endpoint): a model
 * is ready when a version it reports is AVAILABLE, and a model it does not know is not ready.
 * Stateless and thread-safe.
 */
public final class TfReadiness {
  private TfReadiness() {}

  /**
   * Readiness from a model-status call; cancelling the result cancels that call.
   *
   * @param status the pending model-status call
   * @param provider the provider's name, for errors
   * @return a future of whether a version is AVAILABLE; false for a model the server does not know
   */
  public static CompletableFuture<Boolean> fromStatus(CompletableFuture<List<ModelVersionStatus>> status, String provider) {
    return Futures.cancelling(status.handle((list, error) -> {
      if (error == null) {
        return list.stream().anyMatch(ModelVersionStatus::isAvailable);
      }
      if (Errors.unwrapFutureException(error) instanceof ModelNotFoundException) {
        return false;
      }
      throw Errors.wrap(error, provider);
    }), status);
  }
}
