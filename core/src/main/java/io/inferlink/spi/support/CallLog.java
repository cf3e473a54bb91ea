package io.inferlink.spi.support;

import io.inferlink.InferenceException;
import io.inferlink.interceptor.InferenceCall;
import io.inferlink.internal.Failures;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The DEBUG lines of {@link Loggers#CLIENT}: one when a call enters the {@link CallPipeline}, one when
 * it ends (outcome and duration), both numbered so that concurrent calls can be told apart. A line
 * shows only what {@link InferenceCall} already shows safely — operation, model, provider and the
 * endpoint as {@link InferenceCall#endpoint()} masks it — never headers, options or messages, so no
 * secret can reach a log through it. The pipeline asks {@link #enabled()} first: with DEBUG off a call
 * pays one level check and no line is built. Thread-safe.
 */
final class CallLog {
  private static final Level LEVEL = Level.DEBUG;
  private static final CallLog CLIENT = new CallLog(null);
  private static final AtomicLong IDS = new AtomicLong();

  private final System.Logger given;

  /** A log writing to {@code logger}; {@code null} for {@link Loggers#CLIENT}'s, looked up on first use. */
  CallLog(System.Logger logger) {
    this.given = logger;
  }

  /** The log of {@link Loggers#CLIENT}. */
  static CallLog client() {
    return CLIENT;
  }

  /** Whether the logger takes DEBUG lines now; the only cost of a call when it does not. */
  boolean enabled() {
    return logger().isLoggable(LEVEL);
  }

  /** Logs the start, runs the call and logs its end when its future completes; returns that future. */
  <T> CompletableFuture<T> around(InferenceCall call, Supplier<CompletableFuture<T>> run) {
    long id = IDS.incrementAndGet();
    long start = started(id, call);
    CompletableFuture<T> f;
    try {
      f = run.get();
    } catch (RuntimeException | Error e) {
      ended(id, call, start, e);
      throw e;
    }
    f.whenComplete((value, error) -> ended(id, call, start, error));
    return f; // the very future: cancelling it still reaches the attempt
  }

  /** As {@link #around} for a call answered on this thread. */
  <T> T aroundBlocking(InferenceCall call, Supplier<T> run) {
    long id = IDS.incrementAndGet();
    long start = started(id, call);
    try {
      T value = run.get();
      ended(id, call, start, null);
      return value;
    } catch (RuntimeException | Error e) {
      ended(id, call, start, e);
      throw e;
    }
  }

  private long started(long id, InferenceCall call) {
    logger().log(LEVEL, () -> describe(id, call) + " started");
    return System.nanoTime();
  }

  private void ended(long id, InferenceCall call, long start, Throwable error) {
    long nanos = System.nanoTime() - start;
    logger().log(LEVEL, () -> describe(id, call) + " ended " + outcome(error)
        + String.format(Locale.ROOT, " in %.1f ms", nanos / 1e6));
  }

  private static String describe(long id, InferenceCall call) {
    StringBuilder sb = new StringBuilder("call #").append(id).append(' ').append(call.operationName());
    if (call.model() != null) {
      sb.append(" model=").append(call.model());
    }
    return sb.append(" provider=").append(call.provider()).append(" endpoint=").append(call.endpoint()).toString();
  }

  /** The error code, and the exception's class (never its message: the caller has that). */
  private static String outcome(Throwable error) {
    if (error == null) {
      return "OK";
    }
    Throwable t = Failures.unwrapFutureException(error);
    String code = t instanceof InferenceException ? ((InferenceException) t).code().name()
        : t instanceof CancellationException ? "CANCELLED" : "UNKNOWN";
    String type = t.getClass().getSimpleName();
    return code + " (" + (type.isEmpty() ? t.getClass().getName() : type) + ")";
  }

  private System.Logger logger() {
    return given != null ? given : ClientLogger.LOGGER;
  }

  /** Looks the logger up on the first call rather than when the pipeline's class loads. */
  private static final class ClientLogger {
    static final System.Logger LOGGER = System.getLogger(Loggers.CLIENT);
  }
}
