package io.inferlink.parity;

import io.inferlink.Capabilities;
import io.inferlink.DataType;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.Tensor;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** A client that answers every call with fixed outputs, or fails, or never answers; thread-safe. */
final class StubClient implements InferenceClient {
  private final InferenceResponse answer;
  private final RuntimeException failure;
  private final boolean hang;
  final AtomicInteger calls = new AtomicInteger();
  volatile CompletableFuture<InferenceResponse> last;

  private StubClient(InferenceResponse answer, RuntimeException failure, boolean hang) {
    this.answer = answer;
    this.failure = failure;
    this.hang = hang;
  }

  static StubClient answering(Tensor... outputs) {
    InferenceResponse.Builder b = InferenceResponse.builder().modelName("m");
    for (Tensor t : outputs) {
      b.output(t);
    }
    return new StubClient(b.build(), null, false);
  }

  static StubClient failing(RuntimeException failure) {
    return new StubClient(null, failure, false);
  }

  static StubClient hanging() {
    return new StubClient(null, null, true);
  }

  @Override
  public CompletableFuture<InferenceResponse> inferAsync(InferenceRequest request) {
    calls.incrementAndGet();
    CompletableFuture<InferenceResponse> f = hang ? new CompletableFuture<>()
        : failure != null ? CompletableFuture.failedFuture(failure) : CompletableFuture.completedFuture(answer);
    last = f;
    return f;
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.of(Set.of(), EnumSet.allOf(DataType.class));
  }

  @Override
  public String providerName() {
    return "stub";
  }

  @Override
  public void close() {}
}
