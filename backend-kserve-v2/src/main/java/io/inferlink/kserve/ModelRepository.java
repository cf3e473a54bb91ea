package io.inferlink.kserve;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The model repository extension of the Open Inference Protocol: list what a server can serve, and load
 * or unload models at run time. Reached with {@code client.unwrap(ModelRepository.class)} from a
 * {@code kserve-v2+http(s)} or {@code kserve-v2+grpc(s)} client, whose capabilities then include
 * {@link io.inferlink.Capability#MODEL_REPOSITORY}. Which of the two incompatible wire forms is spoken
 * (Triton's, the default, or KServe's) is chosen with {@link KServeOptions#REPOSITORY}. Triton can
 * restrict these calls to clients sending a key header it names (PyTriton does so by default); pass
 * that header with {@link io.inferlink.ClientOptions.Builder#header}.
 *
 * <p>Thread-safe. Asynchronous forms fail their future with an {@link io.inferlink.InferenceException}
 * ({@link io.inferlink.ModelNotFoundException} for a model the server does not know, and so on, through
 * the same status tables as every other call); synchronous forms throw the same.
 */
public interface ModelRepository {

  /**
   * Lists every model the server knows, loaded or not (as far as the server tells).
   *
   * @return a future of one entry per model (Triton: per version), in the server's order
   */
  default CompletableFuture<List<ModelIndexEntry>> indexAsync() {
    return indexAsync(false);
  }

  /**
   * Lists the models; with {@code readyOnly} only those ready for inference.
   *
   * @param readyOnly whether to ask the server for ready models only
   * @return a future failing with {@link io.inferlink.UnsupportedFeatureException} where the server has
   *     no such listing: KServe's gRPC API has no index call, and KServe's REST list cannot filter by
   *     readiness
   */
  CompletableFuture<List<ModelIndexEntry>> indexAsync(boolean readyOnly);

  /**
   * Runs {@link #indexAsync()} and waits.
   *
   * @return one entry per model (Triton: per version), in the server's order
   */
  default List<ModelIndexEntry> index() {
    return io.inferlink.spi.support.Futures.await(indexAsync());
  }

  /**
   * Runs {@link #indexAsync(boolean)} and waits.
   *
   * @param readyOnly whether to ask the server for ready models only
   * @return the entries, in the server's order
   */
  default List<ModelIndexEntry> index(boolean readyOnly) {
    return io.inferlink.spi.support.Futures.await(indexAsync(readyOnly));
  }

  /**
   * Loads a model, or reloads it when it is loaded already; the future completes once the server
   * reports it loaded.
   *
   * @param model the model name, validated and encoded as every model name is
   * @return a future completing when the server reports the model loaded
   */
  CompletableFuture<Void> loadAsync(String model);

  /**
   * Runs {@link #loadAsync} and waits.
   *
   * @param model the model name
   */
  default void load(String model) {
    io.inferlink.spi.support.Futures.await(loadAsync(model));
  }

  /**
   * Unloads a model; afterwards the server reports it not ready (Triton) or not found (KServe).
   *
   * @param model the model name
   * @return a future completing when the server has unloaded the model
   */
  CompletableFuture<Void> unloadAsync(String model);

  /**
   * Runs {@link #unloadAsync} and waits.
   *
   * @param model the model name
   */
  default void unload(String model) {
    io.inferlink.spi.support.Futures.await(unloadAsync(model));
  }
}
