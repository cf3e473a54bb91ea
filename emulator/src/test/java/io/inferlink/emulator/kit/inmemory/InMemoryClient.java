package io.inferlink.emulator.kit.inmemory;

import io.inferlink.Capabilities;
import io.inferlink.Capability;
import io.inferlink.ClientOptions;
import io.inferlink.DataType;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceException;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelMetadata;
import io.inferlink.ModelRef;
import io.inferlink.ServerMetadata;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.ModelCall;
import io.inferlink.emulator.ScriptedFailure;
import io.inferlink.spi.support.Errors;
import io.inferlink.spi.support.SecretScrubber;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A client whose "server" is an {@link Emulator}'s script run in-process on the client's own small
 * pool of daemon threads. Tensors are copied both ways, as a wire would, so the client never shares
 * buffers with the script. Thread-safe.
 */
final class InMemoryClient implements InferenceClient {
  private static final AtomicInteger CLIENTS = new AtomicInteger();

  private final String provider;
  private final Emulator server;
  private final ClientOptions options;
  private final Capabilities capabilities;
  private final Fault fault;
  private final ThreadPoolExecutor executor;
  private final ScheduledThreadPoolExecutor deadlines;
  private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Map<String, String> staleHeaders;

  InMemoryClient(String provider, Emulator server, ClientOptions options, Capabilities capabilities, Fault fault) {
    this.provider = provider;
    this.server = server;
    this.options = options;
    this.capabilities = capabilities;
    this.fault = fault;
    String prefix = "inmemory-client-" + CLIENTS.incrementAndGet() + "-";
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory daemons = r -> {
      Thread t = new Thread(r, prefix + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.executor = new ThreadPoolExecutor(16, 16, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemons);
    this.deadlines = new ScheduledThreadPoolExecutor(1, daemons);
    // A finished call's deadline is dropped at once, so it does not keep the call's tensors alive.
    deadlines.setRemoveOnCancelPolicy(true);
    executor.allowCoreThreadTimeOut(true);
  }

  @Override
  public CompletableFuture<InferenceResponse> inferAsync(InferenceRequest request) {
    if (closed.get()) {
      return CompletableFuture.failedFuture(closedException());
    }
    Map<String, String> headers;
    try {
      if (fault != Fault.SENDS_UNSUPPORTED) {
        capabilities.check(request, provider);
      }
      headers = headers();
    } catch (InferenceException e) {
      return CompletableFuture.failedFuture(e);
    }
    // From here on the call has "reached the server", which records it first, as a real one would.
    ModelCall call;
    try {
      if (fault == Fault.SENDS_UNSUPPORTED) {
        serverRefusesUnsupported(() -> capabilities.check(request, provider));
      }
      List<Tensor> inputs = new ArrayList<>();
      request.inputs().values().forEach(t -> inputs.add(copy(t)));
      call = ModelCall.builder(server.script().resolve(request.model())).inputs(inputs)
          .requestedOutputs(request.requestedOutputs())
          .requestId(capabilities.supports(Capability.REQUEST_ID) ? request.id() : null)
          .parameters(request.parameters()).headers(headers).build();
    } catch (ScriptedFailure f) {
      server.recorder().recordHeaders(headers);
      if (fault == Fault.THROWS_FROM_ASYNC) {
        throw toException(f, headers);
      }
      return CompletableFuture.failedFuture(toException(f, headers));
    }
    server.recorder().track(call);
    CompletableFuture<InferenceResponse> result = new CompletableFuture<>();
    inFlight.add(result);
    result.whenComplete((r, e) -> {
      inFlight.remove(result);
      if (result.isCancelled() && fault != Fault.IGNORES_CANCEL) {
        call.cancel();
      }
    });
    try {
      executor.execute(() -> run(call, request, result));
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(closedException());
      return result;
    }
    Duration timeout = options.timeoutFor(request);
    try {
      ScheduledFuture<?> deadline = deadlines.schedule(() -> {
        if (result.completeExceptionally(Errors.create(ErrorCode.DEADLINE_EXCEEDED,
            "no answer within " + timeout.toMillis() + " ms", provider, null))) {
          call.cancel(); // as with a gRPC deadline, the server stops working on it
        }
      }, timeout.toNanos(), TimeUnit.NANOSECONDS);
      result.whenComplete((r, e) -> deadline.cancel(false));
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(closedException());
    }
    return result;
  }

  private void run(ModelCall call, InferenceRequest request, CompletableFuture<InferenceResponse> result) {
    try {
      List<Tensor> outputs = server.script().infer(call);
      InferenceResponse.Builder response = InferenceResponse.builder()
          .modelName(call.modelName()).modelVersion(call.version()).id(call.requestId());
      outputs.forEach(t -> response.output(received(t)));
      complete(result, response.build(), null);
    } catch (ScriptedFailure f) {
      complete(result, null, toException(f, call.headers()));
    } catch (RuntimeException e) {
      complete(result, null, Errors.create(ErrorCode.INTERNAL, "in-memory model failed: " + e, provider, e));
    }
  }

  @Override
  public CompletableFuture<ModelMetadata> modelMetadataAsync(ModelRef model) {
    return serverCall(Capability.MODEL_METADATA, model,
        () -> server.script().metadata(model.name(), model.version(), model.label()));
  }

  @Override
  public CompletableFuture<Boolean> modelReadyAsync(ModelRef model) {
    return serverCall(Capability.MODEL_READY, model,
        () -> server.script().isReady(model.name(), model.version(), model.label()));
  }

  @Override
  public CompletableFuture<Boolean> serverLiveAsync() {
    return serverCall(Capability.SERVER_LIVE, null, server::isRunning);
  }

  @Override
  public CompletableFuture<Boolean> serverReadyAsync() {
    return serverCall(Capability.SERVER_READY, null, server::isRunning);
  }

  @Override
  public CompletableFuture<ServerMetadata> serverMetadataAsync() {
    return serverCall(Capability.SERVER_METADATA, null, server::serverMetadata);
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public String providerName() {
    return provider;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (fault == Fault.LEAKS_THREAD) {
      Thread leak = new Thread(() -> sleepQuietly(8_000), "inmemory-leaked-thread");
      leak.setDaemon(false);
      leak.start();
      return;
    }
    // Interrupting the workers wakes sleeping models; the script counts that as a cancellation.
    executor.shutdownNow();
    deadlines.shutdownNow();
    InferenceException closing = Errors.create(ErrorCode.CANCELLED, "the client was closed", provider, null);
    inFlight.forEach(f -> f.completeExceptionally(closing));
  }

  /** A small synchronous "server" operation, gated and recorded like an inference call. */
  private <T> CompletableFuture<T> serverCall(Capability needed, ModelRef model, Supplier<T> answer) {
    if (closed.get()) {
      return CompletableFuture.failedFuture(closedException());
    }
    Runnable gate = () -> {
      capabilities.require(needed, provider);
      if (model != null) {
        capabilities.check(model, provider);
      }
    };
    Map<String, String> headers;
    try {
      if (fault != Fault.SENDS_UNSUPPORTED) {
        gate.run();
      }
      headers = headers();
    } catch (InferenceException e) {
      return CompletableFuture.failedFuture(e);
    }
    server.recorder().recordHeaders(headers);
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      if (fault == Fault.SENDS_UNSUPPORTED) {
        serverRefusesUnsupported(gate);
      }
      complete(result, answer.get(), null);
    } catch (ScriptedFailure f) {
      complete(result, null, toException(f, headers));
    }
    return result;
  }

  private Map<String, String> headers() {
    if (fault == Fault.STALE_HEADERS) {
      if (staleHeaders == null) {
        staleHeaders = options.requestHeaders();
      }
      return staleHeaders;
    }
    return options.requestHeaders();
  }

  private <T> void complete(CompletableFuture<T> future, T value, Throwable error) {
    Runnable completion = () -> {
      if (error == null) {
        future.complete(value);
      } else {
        future.completeExceptionally(error);
      }
    };
    Executor callbacks = options.executor();
    if (callbacks == null) {
      completion.run();
    } else {
      callbacks.execute(completion);
    }
  }

  /** The "server's" failure, scrubbed of the secrets among the headers the call sent, as every backend must. */
  private InferenceException toException(ScriptedFailure f, Map<String, String> sent) {
    ErrorCode code = fault == Fault.ALL_SERVER_ERRORS ? ErrorCode.INTERNAL : f.code();
    return Errors.create(new InferenceException.Details(code)
        .message("in-memory server answered " + f.code())
        .serverMessage(SecretScrubber.forCall(sent, options).scrub(f.getMessage()))
        .provider(provider));
  }

  private IllegalStateException closedException() {
    return new IllegalStateException(provider + " client is closed");
  }

  private static void serverRefusesUnsupported(Runnable gate) {
    try {
      gate.run();
    } catch (UnsupportedFeatureException e) {
      throw new ScriptedFailure(ErrorCode.UNIMPLEMENTED, e.getMessage());
    }
  }

  private static Tensor copy(Tensor t) {
    ByteBuffer bytes = ByteBuffer.allocate(t.byteSize());
    bytes.put(t.data()).flip();
    return Tensor.wrap(t.name(), t.dtype(), bytes, t.shape());
  }

  private Tensor received(Tensor t) {
    Tensor copy = copy(t);
    if (fault == Fault.CORRUPT_FP64 && t.dtype() == DataType.FP64 && t.byteSize() > 0) {
      ByteBuffer bytes = ByteBuffer.allocate(t.byteSize());
      bytes.put(t.data()).flip();
      bytes.put(0, (byte) (bytes.get(0) ^ 1));
      return Tensor.wrap(t.name(), t.dtype(), bytes, t.shape());
    }
    return copy;
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
