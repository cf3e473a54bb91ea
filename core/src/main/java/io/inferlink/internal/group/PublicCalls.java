package io.inferlink.internal.group;

import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.ModelRef;
import io.inferlink.interceptor.InferenceCall.Operation;
import java.util.concurrent.CompletableFuture;

/**
 * An operation sent through a client's public methods: for members of a third-party provider not built on
 * {@link io.inferlink.spi.support.AbstractInferenceClient}, which cannot hand the group a prepared call.
 */
final class PublicCalls {
  private PublicCalls() {}

  @SuppressWarnings("unchecked")
  static <T> CompletableFuture<T> send(InferenceClient client, Operation operation, InferenceRequest request,
      ModelRef model) {
    switch (operation) {
      case INFER: return (CompletableFuture<T>) client.inferAsync(request);
      case MODEL_METADATA: return (CompletableFuture<T>) client.modelMetadataAsync(model);
      case MODEL_READY: return (CompletableFuture<T>) client.modelReadyAsync(model);
      case SERVER_LIVE: return (CompletableFuture<T>) client.serverLiveAsync();
      case SERVER_READY: return (CompletableFuture<T>) client.serverReadyAsync();
      case SERVER_METADATA: return (CompletableFuture<T>) client.serverMetadataAsync();
      default: throw new IllegalArgumentException("not a client operation: " + operation);
    }
  }
}
