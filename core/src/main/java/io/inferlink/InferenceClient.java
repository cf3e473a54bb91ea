package io.inferlink;

import io.inferlink.internal.Await;
import io.inferlink.internal.EndpointBridge;
import java.util.concurrent.CompletableFuture;

/**
 * A connection to one model server, whatever its protocol. Create one per server with
 * {@link #create(String)} and share it: clients are thread-safe, long-lived and pool their
 * connections. Close it when done.
 *
 * <p>Every operation has an asynchronous form returning a {@link CompletableFuture} (the primitive;
 * cancelling the future cancels the network call) and a blocking form that throws the very same
 * {@link InferenceException} types. Operations a protocol lacks throw
 * {@link UnsupportedFeatureException}; {@link #capabilities()} tells which those are.
 */
public interface InferenceClient extends AutoCloseable {

  /**
   * Connects to an endpoint such as {@code kserve-v2+grpc://host:8081} or
   * {@code tfserving+http://host:8501/prefix} with default options. The provider is found through
   * {@link java.util.ServiceLoader}; see {@code io.inferlink.spi.ProviderRegistry} for how one is chosen.
   *
   * @throws ProviderConfigurationException when no provider serves the scheme, or it refuses
   * @throws IllegalArgumentException when the endpoint string is malformed
   * @param endpoint the endpoint URI; its scheme picks the provider
   * @return a new client, which the caller closes
   */
  static InferenceClient create(String endpoint) {
    return create(endpoint, ClientOptions.defaults());
  }

  /**
   * Connects to an endpoint with the given options; see {@link #create(String)}.
   *
   * @param endpoint the endpoint URI; its scheme picks the provider
   * @param options timeouts, credentials, TLS and the other settings; not null
   * @return a new client, which the caller closes
   */
  static InferenceClient create(String endpoint, ClientOptions options) {
    return EndpointBridge.createClient(endpoint, options);
  }

  /**
   * Connects to the endpoint named in the options themselves, as read by
   * {@link ClientOptions#fromProperties} or {@link ClientOptions#fromEnvironment()}.
   *
   * @throws ProviderConfigurationException when the options name no endpoint
   * @param options the options, including the endpoint; not null
   * @return a new client, which the caller closes
   */
  static InferenceClient create(ClientOptions options) {
    if (options.endpoint() == null) {
      throw new ProviderConfigurationException(
          "no endpoint configured: set inferlink.endpoint or INFERLINK_ENDPOINT");
    }
    return create(options.endpoint(), options);
  }

  /**
   * Runs a model; the future fails with an {@link InferenceException}.
   *
   * @param request the inputs and the model to run; not null
   * @return a future of the response
   */
  CompletableFuture<InferenceResponse> inferAsync(InferenceRequest request);

  /**
   * Runs a model and waits for the result.
   *
   * @param request the inputs and the model to run; not null
   * @return the response
   */
  default InferenceResponse infer(InferenceRequest request) {
    return Await.await(inferAsync(request));
  }

  /**
   * Fetches a model's inputs, outputs and versions.
   *
   * @param model the model (and version) to describe
   * @return a future of the metadata
   */
  default CompletableFuture<ModelMetadata> modelMetadataAsync(ModelRef model) {
    return CompletableFuture.failedFuture(unsupported("model metadata"));
  }

  /**
   * Fetches a model's metadata and waits for it.
   *
   * @param model the model (and version) to describe
   * @return the metadata
   */
  default ModelMetadata modelMetadata(ModelRef model) {
    return Await.await(modelMetadataAsync(model));
  }

  /**
   * Asks whether a model (version) is loaded and ready; {@code false} also for a model the server
   * does not know.
   *
   * @param model the model (and version) asked about
   * @return a future of whether it is ready
   */
  default CompletableFuture<Boolean> modelReadyAsync(ModelRef model) {
    return CompletableFuture.failedFuture(unsupported("model readiness"));
  }

  /**
   * Asks whether a model is ready and waits for the answer.
   *
   * @param model the model (and version) asked about
   * @return whether it is ready
   */
  default boolean modelReady(ModelRef model) {
    return Await.await(modelReadyAsync(model));
  }

  /**
   * Asks whether the server is alive.
   *
   * @return a future of whether the server is live
   */
  default CompletableFuture<Boolean> serverLiveAsync() {
    return CompletableFuture.failedFuture(unsupported("server liveness"));
  }

  /**
   * Asks whether the server is alive and waits for the answer.
   *
   * @return whether the server is live
   */
  default boolean serverLive() {
    return Await.await(serverLiveAsync());
  }

  /**
   * Asks whether the server is ready for inference.
   *
   * @return a future of whether the server is ready
   */
  default CompletableFuture<Boolean> serverReadyAsync() {
    return CompletableFuture.failedFuture(unsupported("server readiness"));
  }

  /**
   * Asks whether the server is ready and waits for the answer.
   *
   * @return whether the server is ready
   */
  default boolean serverReady() {
    return Await.await(serverReadyAsync());
  }

  /**
   * Fetches the server's name, version and extensions.
   *
   * @return a future of the server's metadata
   */
  default CompletableFuture<ServerMetadata> serverMetadataAsync() {
    return CompletableFuture.failedFuture(unsupported("server metadata"));
  }

  /**
   * Fetches the server's metadata and waits for it.
   *
   * @return the server's metadata
   */
  default ServerMetadata serverMetadata() {
    return Await.await(serverMetadataAsync());
  }

  /**
   * What this client can do: features and element types.
   *
   * @return the client's capabilities; the same for every call
   */
  Capabilities capabilities();

  /**
   * The name of the provider behind this client, e.g. {@code kserve-v2-grpc}.
   *
   * @return the provider's name; never null
   */
  String providerName();

  /**
   * Reaches a protocol-specific extension (TF classify/regress, KServe V1 explain, OVMS config...).
   *
   * @throws UnsupportedFeatureException when this client has no such extension
   * @param <T> the extension's type
   * @param type the extension interface wanted, e.g. a TF Serving classify client
   * @return this client seen as {@code type}
   */
  default <T> T unwrap(Class<T> type) {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new UnsupportedFeatureException(
        providerName() + " has no extension " + type.getName());
  }

  /**
   * Releases connections and threads. Idempotent; calls made afterwards fail with
   * {@link IllegalStateException}.
   */
  @Override
  void close();

  private UnsupportedFeatureException unsupported(String what) {
    return new UnsupportedFeatureException(providerName() + " does not support " + what);
  }
}
