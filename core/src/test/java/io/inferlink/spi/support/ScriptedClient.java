package io.inferlink.spi.support;

import io.inferlink.Capabilities;
import io.inferlink.Capability;
import io.inferlink.ClientOptions;
import io.inferlink.DataType;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelMetadata;
import io.inferlink.ModelRef;
import io.inferlink.ServerMetadata;
import io.inferlink.spi.Endpoint;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A client on the skeleton whose "transport" is a script: every attempt is recorded (how it was sent,
 * its number and headers) and answered by {@link #answer}. For the pipeline and skeleton tests.
 */
final class ScriptedClient extends AbstractInferenceClient {
  static final Endpoint ENDPOINT = Endpoint.parse("scripted+http://user:secret@h:1/base?token=abc");

  /** One attempt as the transport saw it. */
  record Sent(String how, Attempt attempt) {}

  final List<Sent> sent = new CopyOnWriteArrayList<>();
  final List<CompletableFuture<?>> returned = new CopyOnWriteArrayList<>();
  final AtomicInteger prepared = new AtomicInteger();
  final AtomicInteger transportsClosed = new AtomicInteger();
  final Object extension = new StringBuilder("an extension object");
  /** The answer to attempt n (1-based) of any operation; completed with the operation's value type. */
  volatile Function<Integer, CompletableFuture<Object>> answer = n -> CompletableFuture.completedFuture(null);

  ScriptedClient(ClientOptions options) {
    this(options, Capabilities.of(EnumSet.allOf(Capability.class), EnumSet.allOf(DataType.class)));
  }

  ScriptedClient(ClientOptions options, Capabilities capabilities) {
    super("scripted", ENDPOINT, options, capabilities);
  }

  @SuppressWarnings("unchecked")
  private <T> PreparedCall<T> scripted(T fallback, long bytes) {
    prepared.incrementAndGet();
    return new PreparedCall<T>() {
      @Override
      public CompletableFuture<T> send(Attempt attempt) {
        sent.add(new Sent("async", attempt));
        CompletableFuture<Object> f = answer.apply(attempt.number());
        returned.add(f);
        return Futures.cancelling((CompletableFuture<T>) f.thenApply(v -> v == null ? fallback : v), f);
      }

      @Override
      public T sendBlocking(Attempt attempt) {
        sent.add(new Sent("blocking", attempt));
        Object v = Futures.await(answer.apply(attempt.number()));
        return v == null ? fallback : (T) v;
      }

      @Override
      public long requestBytes() {
        return bytes;
      }
    };
  }

  @Override
  protected PreparedCall<InferenceResponse> prepareInfer(InferenceRequest request) {
    return scripted(InferenceResponse.builder().modelName(request.model().name()).build(), 8);
  }

  @Override
  protected PreparedCall<ModelMetadata> prepareModelMetadata(ModelRef model) {
    return scripted(new ModelMetadata(model.name(), List.of(), "p", List.of(), List.of()), -1);
  }

  @Override
  protected PreparedCall<Boolean> prepareModelReady(ModelRef model) {
    return scripted(true, -1);
  }

  @Override
  protected PreparedCall<Boolean> prepareServerLive() {
    return scripted(true, -1);
  }

  @Override
  protected PreparedCall<Boolean> prepareServerReady() {
    return scripted(true, -1);
  }

  @Override
  protected PreparedCall<ServerMetadata> prepareServerMetadata() {
    return scripted(new ServerMetadata("s", "1", List.of()), -1);
  }

  /** An extension operation through the pipeline, as a backend's extension object runs one. */
  CompletableFuture<String> load(String model) {
    return callExtension("repository.load", model, false, () -> scripted("loaded " + model, 2));
  }

  @Override
  protected Collection<?> extensions() {
    return List.of(extension);
  }

  @Override
  protected void closeTransport() {
    transportsClosed.incrementAndGet();
  }
}
