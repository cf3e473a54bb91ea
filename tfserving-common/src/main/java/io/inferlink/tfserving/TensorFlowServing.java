package io.inferlink.tfserving;

import io.inferlink.InferenceClient;
import io.inferlink.ModelRef;
import io.inferlink.UnsupportedFeatureException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * TensorFlow Serving's operations beyond predict, reached with
 * {@code client.unwrap(TensorFlowServing.class)} on a {@code tfserving+...} or {@code paperspace}
 * client. Implementations are thread-safe. Asynchronous forms fail their future with an
 * {@link io.inferlink.InferenceException}; synchronous forms throw the same types.
 */
public interface TensorFlowServing {

  /**
   * Classifies examples with a model's classification signature.
   *
   * @param model the model (version or label as the protocol allows)
   * @param signatureName the signature, or {@code null} for {@code serving_default}
   * @param input the examples
   * @return per example, its classes and scores in the server's order
   */
  CompletableFuture<List<List<Classification>>> classifyAsync(ModelRef model, String signatureName, ExampleInput input);

  /**
   * Classifies examples and waits; see {@link #classifyAsync}.
   *
   * @param model the model (version or label as the protocol allows)
   * @param signatureName the signature, or {@code null} for {@code serving_default}
   * @param input the examples
   * @return per example, its classes and scores in the server's order
   */
  default List<List<Classification>> classify(ModelRef model, String signatureName, ExampleInput input) {
    return io.inferlink.spi.support.Futures.await(classifyAsync(model, signatureName, input));
  }

  /**
   * Runs a model's regression signature on examples.
   *
   * @param model the model (version or label as the protocol allows)
   * @param signatureName the signature, or {@code null} for {@code serving_default}
   * @param input the examples
   * @return one value per example
   */
  CompletableFuture<List<Float>> regressAsync(ModelRef model, String signatureName, ExampleInput input);

  /**
   * Regresses and waits; see {@link #regressAsync}.
   *
   * @param model the model (version or label as the protocol allows)
   * @param signatureName the signature, or {@code null} for {@code serving_default}
   * @param input the examples
   * @return one value per example
   */
  default List<Float> regress(ModelRef model, String signatureName, ExampleInput input) {
    return io.inferlink.spi.support.Futures.await(regressAsync(model, signatureName, input));
  }

  /**
   * The state of a model's versions: all of them, or the one the reference names. (TF Serving does
   * not resolve labels for status; a label gives all versions.)
   *
   * @param model the model, with or without a version
   * @return a future of the versions' states
   */
  CompletableFuture<List<ModelVersionStatus>> modelStatusAsync(ModelRef model);

  /**
   * Fetches model status and waits; see {@link #modelStatusAsync}.
   *
   * @param model the model, with or without a version
   * @return the versions' states
   */
  default List<ModelVersionStatus> modelStatus(ModelRef model) {
    return io.inferlink.spi.support.Futures.await(modelStatusAsync(model));
  }

  /**
   * Forgets what the client remembers of a model's metadata (REST clients type JSON outputs by it),
   * so the next call fetches it again; after a model update, say. A no-op where nothing is cached.
   *
   * @param model the model whose metadata is forgotten
   */
  default void refreshMetadata(ModelRef model) {}

  /**
   * The client this extension belongs to.
   *
   * @return the client {@code unwrap} was called on
   */
  InferenceClient client();

  /**
   * Helper for implementations: a failed future saying the operation is not available.
   *
   * @param <T> the type the future would have held
   * @param provider the provider's name, which starts the message
   * @param what the operation, e.g. {@code "classify"}
   * @return a future failed with {@link UnsupportedFeatureException}
   */
  static <T> CompletableFuture<T> unsupported(String provider, String what) {
    return CompletableFuture.failedFuture(new UnsupportedFeatureException(provider + " does not support " + what));
  }
}
