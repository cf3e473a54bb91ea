package io.inferlink.parity;

import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.Tensor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The portability check as an API: sends one request to several servers (through several clients,
 * typically one per protocol or vendor) at once and compares every output with the first server's,
 * with a {@link Tolerance} for numbers, exact equality for BYTES, and equal shapes and element
 * types. Use it in your own JUnit tests to prove that a move between vendors changes nothing:
 *
 * <pre>{@code
 * Parity.builder()
 *     .client("tf-serving", tfServing)
 *     .client("triton", triton)
 *     .tolerance(Tolerance.absolute(1e-5))
 *     .build()
 *     .run(request)
 *     .assertMatches();   // AssertionError with a readable diff otherwise
 * }</pre>
 *
 * <p>The clients stay the caller's: they are used, never closed. Immutable and thread-safe once built.
 */
public final class Parity {
  /** How long a run waits for the slowest server unless told otherwise. */
  public static final Duration DEFAULT_WAIT = Duration.ofMinutes(2);

  private final Map<String, InferenceClient> clients;
  private final Tolerance tolerance;
  private final boolean requireSameDtype;
  private final Duration wait;

  private Parity(Builder b) {
    this.clients = new LinkedHashMap<>(b.clients);
    this.tolerance = b.tolerance;
    this.requireSameDtype = b.requireSameDtype;
    this.wait = b.wait;
  }

  /**
   * Starts a parity check; add at least two clients.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sends the request to every client with exact comparison and asserts that all answered alike.
   *
   * @param request the request every client gets
   * @param clients the servers to compare; the first is the baseline
   * @throws AssertionError listing every comparison when the answers differ
   */
  public static void assertSameOutputs(InferenceRequest request, InferenceClient... clients) {
    assertSameOutputs(request, Tolerance.exact(), clients);
  }

  /**
   * Sends the request to every client and asserts that all answered alike within the tolerance.
   *
   * @param request the request every client gets
   * @param tolerance how close numbers must be
   * @param clients the servers to compare; the first is the baseline
   * @throws AssertionError listing every comparison when the answers differ
   */
  public static void assertSameOutputs(InferenceRequest request, Tolerance tolerance, InferenceClient... clients) {
    Builder b = builder().tolerance(tolerance);
    for (InferenceClient c : clients) {
      b.client(c);
    }
    b.build().run(request).assertMatches();
  }

  /**
   * Compares answers already at hand (the first entry is the baseline), for callers that made the
   * calls themselves.
   *
   * @param model the model's name, for the report
   * @param responses the answers by server label, baseline first (use an ordered map)
   * @param tolerance how close numbers must be
   * @param requireSameDtype whether a different element type alone is a mismatch
   * @return the report
   */
  public static ParityReport compare(String model, Map<String, InferenceResponse> responses, Tolerance tolerance,
      boolean requireSameDtype) {
    List<ParityCall> calls = new ArrayList<>();
    responses.forEach((label, r) -> calls.add(new ParityCall(label, r, null, Duration.ZERO)));
    return report(model, calls, tolerance, requireSameDtype);
  }

  /**
   * Sends the request to every client at once, waits for all, and compares the answers.
   *
   * @param request the request every client gets; not null
   * @return the report, including servers that failed
   */
  public ParityReport run(InferenceRequest request) {
    Objects.requireNonNull(request, "request");
    Map<String, CompletableFuture<InferenceResponse>> sent = new LinkedHashMap<>();
    Map<String, CompletableFuture<InferenceResponse>> pending = new LinkedHashMap<>();
    Map<String, Long> ended = new java.util.concurrent.ConcurrentHashMap<>();
    long start = System.nanoTime();
    clients.forEach((label, client) -> {
      CompletableFuture<InferenceResponse> f;
      try {
        f = client.inferAsync(request);
      } catch (RuntimeException e) { // a client that throws instead of failing its future
        f = CompletableFuture.failedFuture(e);
      }
      sent.put(label, f);
      // Waiting on the dependent stage means the end time is recorded before the wait returns.
      pending.put(label, f.whenComplete((r, e) -> ended.put(label, System.nanoTime())));
    });
    long deadline = start + wait.toNanos();
    List<ParityCall> calls = new ArrayList<>();
    for (Map.Entry<String, CompletableFuture<InferenceResponse>> e : pending.entrySet()) {
      String label = e.getKey();
      InferenceResponse response = null;
      Throwable error = null;
      try {
        response = e.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ExecutionException | CompletionException ex) {
        error = ex.getCause() != null ? ex.getCause() : ex;
      } catch (TimeoutException ex) {
        sent.get(label).cancel(true); // the client's own future: cancels the network call
        error = new TimeoutException("no answer within " + wait);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        sent.values().forEach(f -> f.cancel(true));
        throw new IllegalStateException("interrupted while waiting for " + label, ex);
      }
      Duration latency = Duration.ofNanos(ended.getOrDefault(label, System.nanoTime()) - start);
      calls.add(new ParityCall(label, response, error, latency));
    }
    return report(request.model().toString(), calls, tolerance, requireSameDtype);
  }

  private static ParityReport report(String model, List<ParityCall> calls, Tolerance tolerance, boolean requireSameDtype) {
    List<OutputComparison> comparisons = new ArrayList<>();
    ParityCall baseline = calls.isEmpty() ? null : calls.get(0);
    if (baseline != null && baseline.ok()) {
      for (ParityCall other : calls.subList(1, calls.size())) {
        if (!other.ok()) {
          continue;
        }
        Map<String, Tensor> b = baseline.response().outputs();
        Map<String, Tensor> o = other.response().outputs();
        Set<String> names = new LinkedHashSet<>(b.keySet());
        names.addAll(o.keySet());
        for (String name : names) {
          comparisons.add(TensorComparator.compare(name, baseline.label(), b.get(name), other.label(), o.get(name),
              tolerance));
        }
      }
    }
    return new ParityReport(model, calls, comparisons, tolerance, requireSameDtype);
  }

  /** Configures a {@link Parity} check; not thread-safe. */
  public static final class Builder {
    private final Map<String, InferenceClient> clients = new LinkedHashMap<>();
    private Tolerance tolerance = Tolerance.exact();
    private boolean requireSameDtype = true;
    private Duration wait = DEFAULT_WAIT;

    private Builder() {}

    /**
     * Adds a server under a label of its own (the first one added is the baseline); labels are unique.
     *
     * @param label the server's label in the report; unique
     * @param client the server's client; the caller keeps and closes it
     * @return this builder
     */
    public Builder client(String label, InferenceClient client) {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(client, "client");
      if (clients.putIfAbsent(label, client) != null) {
        throw new IllegalArgumentException("label '" + label + "' was given twice");
      }
      return this;
    }

    /**
     * Adds a server labelled by its provider name and position, e.g. {@code #2 kserve-v2-grpc}.
     *
     * @param client the server's client; the caller keeps and closes it
     * @return this builder
     */
    public Builder client(InferenceClient client) {
      return client("#" + (clients.size() + 1) + " " + client.providerName(), client);
    }

    /**
     * How close numbers must be; exact by default.
     *
     * @param tolerance how close numbers must be
     * @return this builder
     */
    public Builder tolerance(Tolerance tolerance) {
      this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
      return this;
    }

    /**
     * Whether a different element type is a mismatch even when the values agree (true by default:
     * a server that answers FP64 where another answers FP32 is not a drop-in replacement).
     *
     * @param require whether a different element type alone is a mismatch
     * @return this builder
     */
    public Builder requireSameDtype(boolean require) {
      this.requireSameDtype = require;
      return this;
    }

    /**
     * How long to wait for the slowest server; {@link #DEFAULT_WAIT} by default.
     *
     * @param wait the longest wait for all answers
     * @return this builder
     */
    public Builder wait(Duration wait) {
      if (wait == null || wait.isNegative() || wait.isZero()) {
        throw new IllegalArgumentException("wait must be positive, got " + wait);
      }
      this.wait = wait;
      return this;
    }

    /**
     * Builds the check.
     *
     * @throws IllegalStateException with fewer than two clients
     * @return the check, reusable for many requests
     */
    public Parity build() {
      if (clients.size() < 2) {
        throw new IllegalStateException("a parity check needs at least two clients, got " + clients.size());
      }
      return new Parity(this);
    }
  }
}
