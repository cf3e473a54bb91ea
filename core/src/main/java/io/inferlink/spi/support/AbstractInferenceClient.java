package io.inferlink.spi.support;

import io.inferlink.Capabilities;
import io.inferlink.Capability;
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
import io.inferlink.spi.Endpoint;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The skeleton of a client: provider name, endpoint, options, capabilities, the {@link CallPipeline}
 * and the closed state. Every operation runs in the order it is written: refused once closed, then
 * the capability gate, then the backend's {@code prepare...} method builds the request (a refusal
 * there fails the call and sends nothing), then the pipeline sends it and the prepared call decodes
 * the answer. A backend implements the {@code prepare...} methods of the operations its capabilities
 * list, {@link #closeTransport()}, and {@link #extensions()} for what {@code unwrap} reaches; its
 * extensions run their operations through {@link #callExtension}. Subclasses must be thread-safe.
 */
public abstract class AbstractInferenceClient implements InferenceClient {
  // Set on a thread while prepareExtensionOf runs a wrapped client's extension method: the one slot
  // that method's prepared call goes into instead of being sent.
  private static final ThreadLocal<PreparedCall<?>[]> HANDOVER = new ThreadLocal<>();

  private final String provider;
  private final Endpoint endpoint;
  private final String shownEndpoint;
  private final ClientOptions options;
  private final Capabilities capabilities;
  private final CallPipeline pipeline;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * A client of {@code provider} for {@code endpoint}, with the pipeline of the options.
   *
   * @param provider the provider's name, shown in errors and to interceptors; not null
   * @param endpoint the endpoint the client talks to; not null
   * @param options the client's options, whose interceptors and retries make the pipeline; not null
   * @param capabilities what the client can do, checked before each operation; not null
   */
  protected AbstractInferenceClient(String provider, Endpoint endpoint, ClientOptions options,
      Capabilities capabilities) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.shownEndpoint = endpoint.toString();
    this.options = Objects.requireNonNull(options, "options");
    this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
    this.pipeline = CallPipeline.of(options);
  }

  // ------------------------------------------------------------------ what backends write

  /**
   * Builds an inference call: encodes the request, ready to send.
   *
   * @param request the request, already checked against the capabilities; not null
   * @return the prepared call, nothing sent yet
   */
  protected abstract PreparedCall<InferenceResponse> prepareInfer(InferenceRequest request);

  /**
   * Builds a model metadata call; needed when the capabilities list {@link Capability#MODEL_METADATA}.
   *
   * @param model the model, already checked; not null
   * @return the prepared call, nothing sent yet
   */
  protected PreparedCall<ModelMetadata> prepareModelMetadata(ModelRef model) {
    throw unsupported("model metadata");
  }

  /**
   * Builds a model readiness call; needed with {@link Capability#MODEL_READY}.
   *
   * @param model the model, already checked; not null
   * @return the prepared call, nothing sent yet; it answers whether the model is ready
   */
  protected PreparedCall<Boolean> prepareModelReady(ModelRef model) {
    throw unsupported("model readiness");
  }

  /**
   * Builds a liveness call; needed with {@link Capability#SERVER_LIVE}.
   *
   * @return the prepared call, nothing sent yet; it answers whether the server is live
   */
  protected PreparedCall<Boolean> prepareServerLive() {
    throw unsupported("server liveness");
  }

  /**
   * Builds a readiness call; needed with {@link Capability#SERVER_READY}.
   *
   * @return the prepared call, nothing sent yet; it answers whether the server is ready
   */
  protected PreparedCall<Boolean> prepareServerReady() {
    throw unsupported("server readiness");
  }

  /**
   * Builds a server metadata call; needed with {@link Capability#SERVER_METADATA}.
   *
   * @return the prepared call, nothing sent yet
   */
  protected PreparedCall<ServerMetadata> prepareServerMetadata() {
    throw unsupported("server metadata");
  }

  /** Releases the transport (channel, connection pool); called once, by the first {@link #close()}. */
  protected abstract void closeTransport();

  /**
   * The protocol extensions {@link #unwrap} reaches besides the client itself; none by default.
   *
   * @return the extension objects, each offered by {@code unwrap} by its type; never null
   */
  protected Collection<?> extensions() {
    return List.of();
  }

  // ------------------------------------------------------------------ the operations

  @Override
  public final CompletableFuture<InferenceResponse> inferAsync(InferenceRequest request) {
    return call(Operation.INFER, request, null, () -> prepareInfer(request));
  }

  @Override
  public final InferenceResponse infer(InferenceRequest request) {
    return callBlocking(Operation.INFER, request, null, () -> prepareInfer(request));
  }

  @Override
  public final CompletableFuture<ModelMetadata> modelMetadataAsync(ModelRef model) {
    return call(Operation.MODEL_METADATA, null, model, () -> prepareModelMetadata(model));
  }

  @Override
  public final ModelMetadata modelMetadata(ModelRef model) {
    return callBlocking(Operation.MODEL_METADATA, null, model, () -> prepareModelMetadata(model));
  }

  @Override
  public final CompletableFuture<Boolean> modelReadyAsync(ModelRef model) {
    return call(Operation.MODEL_READY, null, model, () -> prepareModelReady(model));
  }

  @Override
  public final boolean modelReady(ModelRef model) {
    return callBlocking(Operation.MODEL_READY, null, model, () -> prepareModelReady(model));
  }

  @Override
  public final CompletableFuture<Boolean> serverLiveAsync() {
    return call(Operation.SERVER_LIVE, null, null, this::prepareServerLive);
  }

  @Override
  public final boolean serverLive() {
    return callBlocking(Operation.SERVER_LIVE, null, null, this::prepareServerLive);
  }

  @Override
  public final CompletableFuture<Boolean> serverReadyAsync() {
    return call(Operation.SERVER_READY, null, null, this::prepareServerReady);
  }

  @Override
  public final boolean serverReady() {
    return callBlocking(Operation.SERVER_READY, null, null, this::prepareServerReady);
  }

  @Override
  public final CompletableFuture<ServerMetadata> serverMetadataAsync() {
    return call(Operation.SERVER_METADATA, null, null, this::prepareServerMetadata);
  }

  @Override
  public final ServerMetadata serverMetadata() {
    return callBlocking(Operation.SERVER_METADATA, null, null, this::prepareServerMetadata);
  }

  /**
   * Runs one operation of a protocol extension (classify, repository load...) about {@code model}
   * through this client's pipeline: refused once closed, then built by {@code prepare} (which gates and
   * encodes; a refusal fails the future and sends nothing), then sent like every other call, with the
   * client's request timeout. For the client's extension objects; never throws.
   *
   * @param operationName the name interceptors see, e.g. {@code "repository.load"}
   * @param model the model it is about
   * @param idempotent whether sending it twice is harmless (retried after an unknown outcome)
   * @param <T> what the operation answers
   * @param prepare gates and builds the call, run once per call after the closed check; not null
   * @return the future of the answer, failed with an {@link io.inferlink.InferenceException} when the call fails
   */
  public final <T> CompletableFuture<T> callExtension(String operationName, ModelRef model, boolean idempotent,
      Supplier<PreparedCall<T>> prepare) {
    return extension(operationName, () -> model, idempotent, prepare);
  }

  /**
   * As {@link #callExtension(String, ModelRef, boolean, Supplier)} for a model named by a string, which
   * is checked as a model name before anything else (a bad one fails the future).
   *
   * @param <T> what the operation answers
   * @param operationName the name interceptors see, e.g. {@code "repository.load"}
   * @param modelName the model's name, checked before anything else
   * @param idempotent whether sending it twice is harmless (retried after an unknown outcome)
   * @param prepare gates and builds the call; not null
   * @return the future of the answer, failed with an {@link io.inferlink.InferenceException} when the call fails
   */
  public final <T> CompletableFuture<T> callExtension(String operationName, String modelName, boolean idempotent,
      Supplier<PreparedCall<T>> prepare) {
    return extension(operationName, () -> ModelRef.of(modelName), idempotent, prepare);
  }

  /**
   * As {@link #callExtension(String, ModelRef, boolean, Supplier)} for a server-level operation.
   *
   * @param <T> what the operation answers
   * @param operationName the name interceptors see, e.g. {@code "repository.load"}
   * @param idempotent whether sending it twice is harmless (retried after an unknown outcome)
   * @param prepare gates and builds the call; not null
   * @return the future of the answer, failed with an {@link io.inferlink.InferenceException} when the call fails
   */
  public final <T> CompletableFuture<T> callExtension(String operationName, boolean idempotent,
      Supplier<PreparedCall<T>> prepare) {
    return extension(operationName, () -> null, idempotent, prepare);
  }

  /**
   * As {@link #callExtension(String, ModelRef, boolean, Supplier)} for an extension that sends an
   * inference request (classify, regress, explain...): the request is checked against the capabilities
   * first, and the call carries it, its headers, its idempotency and its timeout, as an inference does.
   *
   * @param <T> what the operation answers
   * @param operationName the name interceptors see, e.g. {@code "classify"}
   * @param request the inference request the extension sends; not null
   * @param prepare gates and builds the call; not null
   * @return the future of the answer, failed with an {@link io.inferlink.InferenceException} when the call fails
   */
  public final <T> CompletableFuture<T> callExtension(String operationName, InferenceRequest request,
      Supplier<PreparedCall<T>> prepare) {
    try {
      checkOpen();
      capabilities.check(Objects.requireNonNull(request, "request"), provider);
      PreparedCall<T> prepared = prepare.get();
      if (handedToWrapper(prepared)) {
        return new CompletableFuture<>(); // the wrapping client sends it (prepareExtensionOf)
      }
      InferenceCall call = InferenceCall.extension(operationName).request(request).provider(provider)
          .endpoint(shownEndpoint).timeout(options.timeoutFor(request)).requestBytes(prepared.requestBytes()).build();
      return pipeline.execute(call, prepared);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * One operation of {@code inner}, a client this backend is built around (OVMS around KServe and TF
   * Serving), prepared to be sent by this client's pipeline rather than by {@code inner}'s: refused
   * once {@code inner} is closed, gated by its capabilities, built by its {@code prepare...} method.
   * {@code request} is for {@link Operation#INFER}, {@code model} for the model operations.
   *
   * @param <T> what the operation answers; must match {@code operation}
   * @param inner the wrapped client; not null
   * @param operation the client operation to prepare, not {@link Operation#EXTENSION}
   * @param request the request of an {@link Operation#INFER} call, else null
   * @param model the model of a model operation, else null
   * @return {@code inner}'s prepared call, nothing sent yet
   * @throws IllegalArgumentException when {@code operation} is {@link Operation#EXTENSION}
   */
  @SuppressWarnings("unchecked")
  protected static <T> PreparedCall<T> prepareOf(AbstractInferenceClient inner, Operation operation,
      InferenceRequest request, ModelRef model) {
    inner.checkOpen();
    inner.gate(operation, request, model);
    switch (operation) {
      case INFER:
        return (PreparedCall<T>) inner.prepareInfer(request);
      case MODEL_METADATA:
        return (PreparedCall<T>) inner.prepareModelMetadata(model);
      case MODEL_READY:
        return (PreparedCall<T>) inner.prepareModelReady(model);
      case SERVER_LIVE:
        return (PreparedCall<T>) inner.prepareServerLive();
      case SERVER_READY:
        return (PreparedCall<T>) inner.prepareServerReady();
      case SERVER_METADATA:
        return (PreparedCall<T>) inner.prepareServerMetadata();
      default:
        throw new IllegalArgumentException("not a client operation: " + operation);
    }
  }

  /**
   * The call an extension method of a wrapped client prepares, for the wrapping client to send through
   * its own pipeline (OVMS's TF Serving API around the TF Serving clients), as {@link #prepareOf} does
   * for the client operations: so that the wrapper's interceptors and their per-call headers (a trace
   * context) reach the wire. {@code extensionCall} must call one extension method of a client built on
   * this class, which then prepares its call and hands it over instead of sending it; when that method
   * refuses the call before preparing it, each attempt fails with its refusal.
   *
   * @param <T> what the extension call answers
   * @param extensionCall calls one extension method of a wrapped client built on this class; not null
   * @return the call that method prepared, nothing sent yet, or one whose every attempt fails with its refusal
   * @throws IllegalStateException when {@code extensionCall} sent a call without handing it over (a
   *     client not built on this class)
   */
  @SuppressWarnings("unchecked")
  protected static <T> PreparedCall<T> prepareExtensionOf(Supplier<CompletableFuture<T>> extensionCall) {
    PreparedCall<?>[] slot = new PreparedCall<?>[1];
    PreparedCall<?>[] outer = HANDOVER.get();
    HANDOVER.set(slot);
    CompletableFuture<T> refusal;
    try {
      refusal = extensionCall.get();
    } finally {
      if (outer == null) {
        HANDOVER.remove();
      } else {
        HANDOVER.set(outer);
      }
    }
    if (slot[0] != null) {
      return (PreparedCall<T>) slot[0];
    }
    if (refusal.isCompletedExceptionally()) {
      return attempt -> refusal;
    }
    refusal.cancel(true);
    throw new IllegalStateException("the extension call was sent without being handed over: its client is not"
        + " built on AbstractInferenceClient");
  }

  /** True when {@link #prepareExtensionOf} on this thread waits for this call, which it now has. */
  private static boolean handedToWrapper(PreparedCall<?> prepared) {
    PreparedCall<?>[] slot = HANDOVER.get();
    if (slot == null || slot[0] != null) {
      return false;
    }
    slot[0] = prepared;
    return true;
  }

  // ------------------------------------------------------------------ the rest of InferenceClient

  @Override
  public final Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public final String providerName() {
    return provider;
  }

  /** The client itself, or the first of its {@link #extensions()} of that type. */
  @Override
  public <T> T unwrap(Class<T> type) {
    for (Object extension : extensions()) {
      if (type.isInstance(extension)) {
        return type.cast(extension);
      }
    }
    return InferenceClient.super.unwrap(type);
  }

  /** Refuses later calls and closes the transport, once; idempotent. */
  @Override
  public final void close() {
    if (closed.compareAndSet(false, true)) {
      closeTransport();
    }
  }

  /**
   * The endpoint the client talks to.
   *
   * @return the endpoint as given to the constructor, credentials included; never log it as such
   */
  protected final Endpoint endpoint() {
    return endpoint;
  }

  /**
   * The options the client was made with.
   *
   * @return the client's options; never null
   */
  protected final ClientOptions options() {
    return options;
  }

  /**
   * The pipeline every call of this client goes through.
   *
   * @return the pipeline of the options' interceptors and retries; never null
   */
  protected final CallPipeline pipeline() {
    return pipeline;
  }

  /**
   * Whether {@link #close()} was called.
   *
   * @return whether the client was closed
   */
  protected final boolean isClosed() {
    return closed.get();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + provider + ", " + shownEndpoint + (closed.get() ? ", closed" : "") + "}";
  }

  // ------------------------------------------------------------------ the walk

  private <T> CompletableFuture<T> extension(String operationName, Supplier<ModelRef> model, boolean idempotent,
      Supplier<PreparedCall<T>> prepare) {
    try {
      ModelRef about = model.get();
      checkOpen();
      PreparedCall<T> prepared = prepare.get();
      if (handedToWrapper(prepared)) {
        return new CompletableFuture<>(); // the wrapping client sends it (prepareExtensionOf)
      }
      InferenceCall call = InferenceCall.extension(operationName).model(about).idempotent(idempotent)
          .provider(provider).endpoint(shownEndpoint).timeout(options.requestTimeout())
          .requestBytes(prepared.requestBytes()).build();
      return pipeline.execute(call, prepared);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private <T> CompletableFuture<T> call(Operation operation, InferenceRequest request, ModelRef model,
      Supplier<PreparedCall<T>> prepare) {
    InferenceCall call;
    PreparedCall<T> prepared;
    try {
      checkOpen();
      gate(operation, request, model);
      prepared = prepare.get();
      call = newCall(operation, request, model, prepared);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return pipeline.execute(call, prepared);
  }

  /**
   * The blocking form: the same walk, throwing what the future would fail with; the pipeline sends
   * the attempts this thread makes with {@link PreparedCall#sendBlocking}, interceptors or not.
   */
  private <T> T callBlocking(Operation operation, InferenceRequest request, ModelRef model,
      Supplier<PreparedCall<T>> prepare) {
    checkOpen();
    gate(operation, request, model);
    PreparedCall<T> prepared = prepare.get();
    return pipeline.executeBlocking(newCall(operation, request, model, prepared), prepared);
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException(provider + " client is closed");
    }
  }

  /**
   * A backend's own refusal of a model reference, run before the capability gate so that its
   * explanation (OVMS: "OVMS ignores version labels") is the one the caller reads. Does nothing here.
   *
   * @param model the model reference of the call; not null
   */
  protected void checkModelRef(ModelRef model) {}

  /** Refuses, before anything is built, what the capabilities say this client cannot do. */
  private void gate(Operation operation, InferenceRequest request, ModelRef model) {
    if (operation == Operation.INFER) {
      checkModelRef(Objects.requireNonNull(request, "request").model());
    } else if (model != null) {
      checkModelRef(model);
    }
    switch (operation) {
      case INFER:
        capabilities.check(Objects.requireNonNull(request, "request"), provider);
        return;
      case MODEL_METADATA:
        require(Capability.MODEL_METADATA, "model metadata");
        capabilities.check(Objects.requireNonNull(model, "model"), provider);
        return;
      case MODEL_READY:
        require(Capability.MODEL_READY, "model readiness");
        capabilities.check(Objects.requireNonNull(model, "model"), provider);
        return;
      case SERVER_LIVE:
        require(Capability.SERVER_LIVE, "server liveness");
        return;
      case SERVER_READY:
        require(Capability.SERVER_READY, "server readiness");
        return;
      case SERVER_METADATA:
        require(Capability.SERVER_METADATA, "server metadata");
        return;
      default:
        throw new IllegalArgumentException("not a client operation: " + operation);
    }
  }

  private void require(Capability capability, String what) {
    if (!capabilities.supports(capability)) {
      throw unsupported(what);
    }
  }

  private InferenceCall newCall(Operation operation, InferenceRequest request, ModelRef model, PreparedCall<?> prepared) {
    InferenceCall.Builder b = InferenceCall.builder(operation).provider(provider).endpoint(shownEndpoint)
        .requestBytes(prepared.requestBytes());
    if (request != null) {
      b.request(request).timeout(options.timeoutFor(request));
    } else {
      b.model(model).timeout(options.requestTimeout());
    }
    return b.build();
  }

  private UnsupportedFeatureException unsupported(String what) {
    return new UnsupportedFeatureException(provider + " does not support " + what);
  }
}
