package io.inferlink.spi.support;

import io.inferlink.Capabilities;
import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelMetadata;
import io.inferlink.ModelRef;
import io.inferlink.ServerMetadata;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.interceptor.InferenceCall;
import io.inferlink.interceptor.InferenceCall.Operation;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A client not built on {@link AbstractInferenceClient}, with its operations run through a
 * {@link CallPipeline}: each attempt calls the client's own method again. It cannot put headers on the
 * wire, so an attempt that has per-call headers fails with {@link UnsupportedFeatureException} rather
 * than going out without them. See {@link CallPipeline#around}. Thread-safe.
 */
final class PipelinedClient implements InferenceClient {
  private final InferenceClient delegate;
  private final String endpoint;
  private final ClientOptions options;
  private final CallPipeline pipeline;

  PipelinedClient(InferenceClient delegate, String endpoint, ClientOptions options, CallPipeline pipeline) {
    this.delegate = delegate;
    this.endpoint = endpoint;
    this.options = options;
    this.pipeline = pipeline;
  }

  @Override
  public CompletableFuture<InferenceResponse> inferAsync(InferenceRequest request) {
    return run(Operation.INFER, request, null, () -> delegate.inferAsync(request));
  }

  @Override
  public CompletableFuture<ModelMetadata> modelMetadataAsync(ModelRef model) {
    return run(Operation.MODEL_METADATA, null, model, () -> delegate.modelMetadataAsync(model));
  }

  @Override
  public CompletableFuture<Boolean> modelReadyAsync(ModelRef model) {
    return run(Operation.MODEL_READY, null, model, () -> delegate.modelReadyAsync(model));
  }

  @Override
  public CompletableFuture<Boolean> serverLiveAsync() {
    return run(Operation.SERVER_LIVE, null, null, delegate::serverLiveAsync);
  }

  @Override
  public CompletableFuture<Boolean> serverReadyAsync() {
    return run(Operation.SERVER_READY, null, null, delegate::serverReadyAsync);
  }

  @Override
  public CompletableFuture<ServerMetadata> serverMetadataAsync() {
    return run(Operation.SERVER_METADATA, null, null, delegate::serverMetadataAsync);
  }

  @Override
  public Capabilities capabilities() {
    return delegate.capabilities();
  }

  @Override
  public String providerName() {
    return delegate.providerName();
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    return delegate.unwrap(type);
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return delegate.toString();
  }

  private <T> CompletableFuture<T> run(Operation operation, InferenceRequest request, ModelRef model,
      Supplier<CompletableFuture<T>> call) {
    InferenceCall first;
    try {
      InferenceCall.Builder b = InferenceCall.builder(operation).provider(delegate.providerName()).endpoint(endpoint);
      if (request != null) {
        b.request(request).timeout(options.timeoutFor(request));
      } else {
        b.model(model).timeout(options.requestTimeout());
      }
      first = b.build();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return pipeline.execute(first, attempt -> attempt.headers().isEmpty() ? call.get()
        : CompletableFuture.failedFuture(new UnsupportedFeatureException(delegate.providerName()
            + " cannot send per-call headers yet (headers " + attempt.headers().keySet() + ")")));
  }
}
