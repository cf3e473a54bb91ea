package io.inferlink.spi.support;

import io.inferlink.ClientOptions;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceException;
import io.inferlink.interceptor.InferenceCall;
import io.inferlink.interceptor.InferenceInterceptor;
import io.inferlink.interceptor.InferenceInterceptor.Chain;
import io.inferlink.spi.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The one way every call of a client goes: through the options' interceptors (first added outermost),
 * then the retries of the options' {@link io.inferlink.interceptor.RetryPolicy} (within the call's one deadline and
 * the client's retry budget, see {@link RetryInterceptor}), then the options'
 * attempt interceptors, then one {@link PreparedCall#send} per attempt. With neither, {@link #execute} is a single call to
 * {@code send}. Cancelling the future it returns cancels the attempt in flight and stops retries,
 * whatever futures the interceptors derived. An exception an interceptor throws fails the call with an
 * {@link InferenceException} (the same instance when it is one, else {@link ErrorCode#UNKNOWN} caused by
 * it). One per client, built by {@link AbstractInferenceClient}; immutable and thread-safe.
 */
public final class CallPipeline {
  private static final CallPipeline EMPTY = new CallPipeline(List.of(), CallLog.client(), null);

  private final List<InferenceInterceptor> interceptors;
  private final CallLog log;
  private final RetryBudgetTracker retryBudget;

  private CallPipeline(List<InferenceInterceptor> interceptors, CallLog log, RetryBudgetTracker retryBudget) {
    this.interceptors = List.copyOf(interceptors);
    this.log = log;
    this.retryBudget = retryBudget;
  }

  /**
   * The pipeline of the options' interceptors and retry policy.
   *
   * @param options the client's options, for their interceptors, retry policy and retry budget; not null
   * @return the pipeline, a shared empty one when there is nothing to run
   */
  public static CallPipeline of(ClientOptions options) {
    return of(options, CallLog.client());
  }

  /** As {@link #of(ClientOptions)}, logging to {@code log} (tests). */
  static CallPipeline of(ClientOptions options, CallLog log) {
    List<InferenceInterceptor> all = new ArrayList<>(options.interceptors());
    RetryBudgetTracker budget = new RetryBudgetTracker(options.retryBudget());
    if (options.retryPolicy().isEnabled()) {
      all.add(new RetryInterceptor(options.retryPolicy(), budget));
    }
    all.addAll(options.attemptInterceptors());
    return all.isEmpty() && log == CallLog.client() ? EMPTY : new CallPipeline(all, log, budget);
  }

  /**
   * The client's retry budget, which its retries and hedged attempts share, or {@code null} when the pipeline
   * is empty (no retries).
   *
   * @return the budget's tracker, or {@code null} for an empty pipeline
   */
  public RetryBudgetTracker retryBudget() {
    return retryBudget;
  }

  /**
   * True when no interceptor runs (no retries either): calls go straight to the transport.
   *
   * @return whether calls skip the interceptors
   */
  public boolean isEmpty() {
    return interceptors.isEmpty();
  }

  /**
   * Runs the call through the interceptors and sends each attempt with {@code prepared}. Never throws.
   * With DEBUG on for {@link Loggers#CLIENT}, logs the call's start and end.
   *
   * @param <T> what the operation answers
   * @param call the call, for the interceptors to see; not null
   * @param prepared sends and decodes each attempt; not null
   * @return the future of the answer, failed with an {@link io.inferlink.InferenceException} when the call fails
   */
  public <T> CompletableFuture<T> execute(InferenceCall call, PreparedCall<T> prepared) {
    return run(call, prepared, null);
  }

  /** {@code blockingCaller}: the thread waiting in {@link #executeBlocking}, or {@code null} for an async call. */
  private <T> CompletableFuture<T> run(InferenceCall call, PreparedCall<T> prepared, Thread blockingCaller) {
    Supplier<CompletableFuture<T>> run = interceptors.isEmpty()
        ? () -> send(call, prepared)
        : () -> new Execution<>(call.provider(), prepared, blockingCaller).start(call);
    return log.enabled() ? log.around(call, run) : run.get();
  }

  /**
   * As {@code execute(...)} and waits. An attempt sent from this thread goes out with
   * {@link PreparedCall#sendBlocking}, which may read the answer on this thread, with or without
   * interceptors: handing each call to an I/O thread and back cost a blocking caller about 60 µs per call
   * as soon as one interceptor was added (measured with {@code ObservabilityBench}). Attempts that an
   * interceptor sends from another thread (a retry after its backoff) are sent asynchronously.
   *
   * @param <T> what the operation answers
   * @param call the call, for the interceptors to see; not null
   * @param prepared sends and decodes each attempt; not null
   * @return the answer
   * @throws io.inferlink.InferenceException when the call fails
   */
  public <T> T executeBlocking(InferenceCall call, PreparedCall<T> prepared) {
    if (!interceptors.isEmpty()) {
      return Futures.await(run(call, prepared, Thread.currentThread()));
    }
    if (log.enabled()) {
      return log.aroundBlocking(call, () -> prepared.sendBlocking(Attempt.of(call)));
    }
    return prepared.sendBlocking(Attempt.of(call));
  }

  /**
   * Transitional, until every backend is built on {@link AbstractInferenceClient}: a client of a
   * provider that is not, with its operations run through the interceptors and retries of
   * {@code options} (extensions reached with {@code unwrap} are not), as {@link
   * io.inferlink.spi.ProviderRegistry} does for every client it creates. Such a client cannot send
   * per-call headers, so through the pipeline a call that has some fails with
   * {@link io.inferlink.UnsupportedFeatureException} rather than going out without them. Returns
   * {@code client} itself when it is built on the skeleton (it has its pipeline), already wrapped, or
   * when the options have no interceptor and no retries (so it stays the very object its extensions
   * name with {@code client()}).
   *
   * @param client the provider's client; not null, still owned by the caller through the returned client
   * @param endpoint the client's endpoint, shown masked on each call; not null
   * @param options the options whose interceptors and retries apply; not null
   * @return {@code client} itself, or a client that runs its calls through the pipeline and closes {@code client}
   *     when closed
   */
  public static InferenceClient around(InferenceClient client, Endpoint endpoint, ClientOptions options) {
    CallPipeline pipeline = of(options);
    if (client instanceof AbstractInferenceClient || client instanceof PipelinedClient || pipeline.isEmpty()) {
      return client;
    }
    return new PipelinedClient(client, endpoint.toString(), options, pipeline);
  }

  private static <T> CompletableFuture<T> send(InferenceCall call, PreparedCall<T> prepared) {
    Attempt attempt = Attempt.of(call);
    if (attempt.expired()) {
      return expired(call, attempt);
    }
    try {
      CompletableFuture<T> f = prepared.send(attempt);
      return f != null ? f : CompletableFuture.failedFuture(new IllegalStateException("the exchange returned no future"));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** As {@link #send}, answered on this thread; the outcome as a completed future. */
  private static <T> CompletableFuture<T> sendBlocking(InferenceCall call, PreparedCall<T> prepared) {
    Attempt attempt = Attempt.of(call);
    if (attempt.expired()) {
      return expired(call, attempt);
    }
    try {
      return CompletableFuture.completedFuture(prepared.sendBlocking(attempt));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static <T> CompletableFuture<T> expired(InferenceCall call, Attempt attempt) {
    return CompletableFuture.failedFuture(Errors.create(new InferenceException.Details(ErrorCode.DEADLINE_EXCEEDED)
        .message("the deadline passed before attempt " + attempt.number() + " was sent")
        .provider(call.provider()).delivery(InferenceException.Delivery.NOT_SENT)));
  }

  /** One call through the interceptors: knows the attempts in flight, so cancelling reaches them. */
  private final class Execution<T> {
    private final String provider;
    private final PreparedCall<T> prepared;
    private final Thread blockingCaller;
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    Execution(String provider, PreparedCall<T> prepared, Thread blockingCaller) {
      this.provider = provider;
      this.prepared = prepared;
      this.blockingCaller = blockingCaller;
    }

    CompletableFuture<T> start(InferenceCall call) {
      CompletableFuture<T> result = new CompletableFuture<>();
      result.whenComplete((value, error) -> {
        if (result.isCancelled()) {
          cancel();
        }
      });
      proceed(0, call).whenComplete((value, error) -> {
        if (error == null) {
          result.complete(value);
        } else {
          result.completeExceptionally(error);
        }
      });
      return result;
    }

    private CompletableFuture<T> proceed(int index, InferenceCall call) {
      if (index == interceptors.size()) {
        return sendAttempt(call);
      }
      InferenceInterceptor interceptor = interceptors.get(index);
      CompletableFuture<T> f;
      try {
        Chain<T> next = c -> proceed(index + 1, c);
        // The retries ask the prepared call where the next attempt goes; no other interceptor sees it.
        f = interceptor instanceof RetryInterceptor
            ? ((RetryInterceptor) interceptor).intercept(call, next, prepared)
            : interceptor.intercept(call, next);
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(failed(interceptor, e));
      }
      return f != null ? f : CompletableFuture.failedFuture(failed(interceptor, null));
    }

    private CompletableFuture<T> sendAttempt(InferenceCall call) {
      if (cancelled) {
        CompletableFuture<T> none = new CompletableFuture<>();
        none.cancel(false);
        return none; // nothing goes out once the caller gave up
      }
      if (Thread.currentThread() == blockingCaller) {
        return sendBlocking(call, prepared); // the caller waits anyway: no hand-off to an I/O thread
      }
      CompletableFuture<T> attempt = send(call, prepared);
      inFlight.add(attempt);
      attempt.whenComplete((value, error) -> inFlight.remove(attempt));
      if (cancelled) {
        attempt.cancel(true); // cancelled while it started
      }
      return attempt;
    }

    private void cancel() {
      cancelled = true;
      for (CompletableFuture<?> f : inFlight) {
        f.cancel(true);
      }
    }

    private InferenceException failed(InferenceInterceptor interceptor, RuntimeException e) {
      if (e instanceof InferenceException) {
        return (InferenceException) e;
      }
      String what = e == null ? "returned no future" : "failed: " + Redaction.redactText(e.toString());
      return Errors.create(ErrorCode.UNKNOWN, "interceptor " + interceptor.getClass().getName() + " " + what,
          provider, e);
    }
  }

  @Override
  public String toString() {
    return "CallPipeline" + interceptors;
  }
}
