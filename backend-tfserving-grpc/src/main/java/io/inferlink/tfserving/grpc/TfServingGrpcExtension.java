package io.inferlink.tfserving.grpc;

import io.inferlink.tfserving.ExampleInput;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * TF Serving operations that only its gRPC API has, reached with
 * {@code client.unwrap(TfServingGrpcExtension.class)}. Thread-safe; asynchronous forms fail their
 * future with an {@link io.inferlink.InferenceException}, synchronous forms throw the same.
 */
public interface TfServingGrpcExtension {

  /**
   * Runs several classify/regress tasks on the same examples in one call ({@code MultiInference}).
   *
   * @param tasks the tasks, each naming its model, signature and method
   * @param input the examples every task reads
   * @return a future of one result per task, in the order of the tasks
   */
  CompletableFuture<List<MultiInferenceResult>> multiInferenceAsync(List<MultiInferenceTask> tasks, ExampleInput input);

  /**
   * Runs {@link #multiInferenceAsync} and waits.
   *
   * @param tasks the tasks, each naming its model, signature and method
   * @param input the examples every task reads
   * @return one result per task, in the order of the tasks
   */
  default List<MultiInferenceResult> multiInference(List<MultiInferenceTask> tasks, ExampleInput input) {
    return io.inferlink.spi.support.Futures.await(multiInferenceAsync(tasks, input));
  }

  /**
   * Replaces the server's whole model configuration ({@code HandleReloadConfigRequest}): models not
   * listed are unloaded. TF Serving answers a refused configuration with a gRPC error, which fails the
   * future with the matching exception; a server that instead reports it in the response's status
   * gives a {@link ReloadResult} that is not {@link ReloadResult#isOk() ok}.
   *
   * @param models every model the server should serve afterwards
   * @return a future of the server's verdict
   */
  CompletableFuture<ReloadResult> reloadConfigAsync(List<ModelConfigEntry> models);

  /**
   * Runs {@link #reloadConfigAsync} and waits.
   *
   * @param models every model the server should serve afterwards
   * @return the server's verdict
   */
  default ReloadResult reloadConfig(List<ModelConfigEntry> models) {
    return io.inferlink.spi.support.Futures.await(reloadConfigAsync(models));
  }
}
