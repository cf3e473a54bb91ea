package io.inferlink.transport.http.internal;

import io.inferlink.InferenceException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.hc.core5.concurrent.CancellableDependency;
import org.apache.hc.core5.concurrent.ComplexCancellable;
import org.apache.hc.core5.concurrent.FutureCallback;

/**
 * One call in flight: settles exactly once, by the response, a failure, the deadline, the caller's
 * cancel or the transport's close, and aborts the HttpClient exchange when it did not end by itself.
 *
 * <p>Aborting cancels both HttpClient's future of the call and the exchange's own hard-cancel handle,
 * which {@link ExchangeCancelHook} passes to {@link #onExchange()}: the future alone may hold only the
 * pool lease of a call on a reused connection. Either way the exchange, if still running, fails and
 * its connection is closed.
 *
 * <p>It also remembers whether the whole request ever went out (on any attempt), which its failures
 * report as {@link io.inferlink.InferenceException.Delivery}. Thread-safe.
 */
final class Exchange implements FutureCallback<HttpResult> {
  private final CompletableFuture<HttpResult> future = new CompletableFuture<>();
  private final AtomicBoolean settled = new AtomicBoolean();
  private volatile boolean sent;
  private final TransportFailures failures;
  private final Supplier<String> url;
  private final Executor executor;
  private final Consumer<Exchange> onEnd;
  private final ComplexCancellable hardCancel = new ComplexCancellable();
  private volatile Future<?> call;
  private volatile ScheduledFuture<?> timer;

  /**
   * {@code failures} are the call's own ({@link TransportFailures#forCall}); {@code url} gives the
   * (redacted) URL for messages, asked only when one is written.
   */
  Exchange(TransportFailures failures, Supplier<String> url, Executor executor, Consumer<Exchange> onEnd) {
    this.failures = failures;
    this.url = url;
    this.executor = executor;
    this.onEnd = onEnd;
    future.whenComplete((r, t) -> {
      if (future.isCancelled() && settled.compareAndSet(false, true)) {
        end(true);
      }
    });
  }

  CompletableFuture<HttpResult> future() {
    return future;
  }

  /**
   * Receives the hard-cancel handle of the exchange once it runs on a connection; when the call was
   * aborted already, the handle is cancelled as soon as it arrives.
   */
  CancellableDependency onExchange() {
    return hardCancel;
  }

  /** Records that the whole request was handed to a connection: the server may act on it from now on. */
  void markSent() {
    sent = true;
  }

  /** Whether the whole request went out on some attempt. */
  boolean wasSent() {
    return sent;
  }

  /** Whether the call has ended: answered, failed, timed out, cancelled or closed. */
  boolean isSettled() {
    return settled.get();
  }

  /** Links the deadline timer; cancelled when the call ends. */
  void deadline(ScheduledFuture<?> timer) {
    this.timer = timer;
    if (settled.get()) {
      timer.cancel(false);
    }
  }

  /** Links the HttpClient call, which may already have ended, or been timed out or cancelled. */
  void call(Future<?> call) {
    this.call = call;
    if (settled.get()) {
      call.cancel(true); // a no-op when the call ended by itself
    }
  }

  @Override
  public void completed(HttpResult result) {
    settle(result.forCall(url, failures.secrets()), null, false);
  }

  @Override
  public void failed(Exception ex) {
    settle(null, failures.map(ex, sent), false);
  }

  @Override
  public void cancelled() {
    settle(null, failures.closed(sent), false);
  }

  /** The deadline passed: fail and abort the exchange (closing its connection). */
  void timeOut(java.time.Duration timeout) {
    settle(null, failures.deadline(timeout, sent), true);
  }

  /** The transport is closing. */
  void abort() {
    settle(null, failures.closed(sent), true);
  }

  private void settle(HttpResult result, InferenceException error, boolean abort) {
    if (!settled.compareAndSet(false, true)) {
      return;
    }
    end(abort);
    Runnable complete = () -> {
      if (error != null) {
        future.completeExceptionally(error);
      } else {
        future.complete(result);
      }
    };
    if (executor == null) {
      complete.run();
      return;
    }
    try {
      executor.execute(complete);
    } catch (RejectedExecutionException e) {
      complete.run();
    }
  }

  private void end(boolean abort) {
    ScheduledFuture<?> t = timer;
    if (t != null) {
      t.cancel(false);
    }
    if (abort) {
      Future<?> c = call;
      if (c != null) {
        c.cancel(true); // before the exchange runs: cancels the lease or the connect
      }
      hardCancel.cancel(); // once it runs: fails it and closes its connection (a no-op after its end)
    }
    onEnd.accept(this);
  }
}
