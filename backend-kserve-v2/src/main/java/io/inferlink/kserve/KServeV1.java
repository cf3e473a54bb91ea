package io.inferlink.kserve;

import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.spi.support.Futures;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * KServe V1's operations beyond predict, reached with {@code client.unwrap(KServeV1.class)} on a
 * {@code kserve-v1+http(s)} client: {@code :explain} and the list of models. Implementations are
 * thread-safe. Asynchronous forms fail their future with an {@link io.inferlink.InferenceException}
 * (cancelling the future cancels the call); synchronous forms throw the same types.
 */
public interface KServeV1 {

  /**
   * Asks the model's explainer about the request's inputs ({@code POST /v1/models/<m>:explain}). The
   * inputs travel as {@code instances} exactly as for predict, with the same checks. KServe answers
   * 501 for a model without an explainer, which fails with
   * {@link io.inferlink.UnsupportedFeatureException} carrying the server's message.
   *
   * @param request the model and the inputs to explain
   * @return the explainer's whole answer, with its predictions as tensors when they have that form
   */
  CompletableFuture<KServeExplanation> explainAsync(InferenceRequest request);

  /**
   * Explains and waits; see {@link #explainAsync(InferenceRequest)}.
   *
   * @param request the model and the inputs to explain
   * @return the explainer's whole answer
   */
  default KServeExplanation explain(InferenceRequest request) {
    return Futures.await(explainAsync(request));
  }

  /**
   * Explains these inputs of the model's latest (only) version; see {@link #explainAsync(InferenceRequest)}.
   *
   * @param model the model name
   * @param inputs the inputs, sent as {@code instances}
   * @return a future of the explainer's whole answer
   */
  default CompletableFuture<KServeExplanation> explainAsync(String model, Tensor... inputs) {
    InferenceRequest request;
    try {
      request = InferenceRequest.builder(model).inputs(inputs).build();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return explainAsync(request);
  }

  /**
   * Explains these inputs and waits; see {@link #explainAsync(InferenceRequest)}.
   *
   * @param model the model name
   * @param inputs the inputs, sent as {@code instances}
   * @return the explainer's whole answer
   */
  default KServeExplanation explain(String model, Tensor... inputs) {
    return Futures.await(explainAsync(model, inputs));
  }

  /**
   * The names of the models the server hosts ({@code GET /v1/models}).
   *
   * @return a future of the names, in the server's order
   */
  CompletableFuture<List<String>> listModelsAsync();

  /**
   * Lists the models and waits; see {@link #listModelsAsync()}.
   *
   * @return the names, in the server's order
   */
  default List<String> listModels() {
    return Futures.await(listModelsAsync());
  }

  /**
   * The client this extension belongs to.
   *
   * @return the client {@code unwrap} was called on
   */
  InferenceClient client();
}
