package io.inferlink.internal.group;

import io.inferlink.Capabilities;
import io.inferlink.Capability;
import io.inferlink.ClientOptions;
import io.inferlink.DataType;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.support.AbstractInferenceClient;
import io.inferlink.spi.support.Attempt;
import io.inferlink.spi.support.Errors;
import io.inferlink.spi.support.PreparedCall;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A member client for group tests: answers, fails or hangs as told, and records what it was sent. */
final class FakeMember extends AbstractInferenceClient {
  static final Capabilities ALL = Capabilities.of(EnumSet.allOf(Capability.class), EnumSet.allOf(DataType.class));

  final String name;
  final AtomicInteger attempts = new AtomicInteger();
  final AtomicInteger readinessChecks = new AtomicInteger();
  /** Attempts sent with {@code sendBlocking}: the caller's thread waits in the member's own transport. */
  final AtomicInteger blockingAttempts = new AtomicInteger();
  final List<Attempt> sent = new CopyOnWriteArrayList<>();
  final List<CompletableFuture<InferenceResponse>> answers = new CopyOnWriteArrayList<>();
  final ClientOptions options;
  volatile Function<Attempt, CompletableFuture<InferenceResponse>> behaviour = a -> answer();
  volatile boolean ready = true;
  /** Readiness answers; null means answer {@link #ready} at once. */
  volatile java.util.function.Supplier<CompletableFuture<Boolean>> readiness;
  final List<CompletableFuture<Boolean>> readinessAnswers = new CopyOnWriteArrayList<>();
  volatile boolean closed;

  FakeMember(String name) {
    this(name, ALL, ClientOptions.defaults());
  }

  FakeMember(String name, Capabilities capabilities, ClientOptions options) {
    super("fake-" + name, Endpoint.parse("fake://" + name + ":1"), options, capabilities);
    this.name = name;
    this.options = options;
  }

  CompletableFuture<InferenceResponse> answer() {
    return CompletableFuture.completedFuture(InferenceResponse.builder().modelName(name).build());
  }

  FakeMember answering() {
    behaviour = a -> answer();
    return this;
  }

  FakeMember failing(ErrorCode code) {
    behaviour = a -> CompletableFuture.failedFuture(failure(code, null));
    return this;
  }

  FakeMember failingWithRetryAfter(Duration wait) {
    behaviour = a -> CompletableFuture.failedFuture(failure(ErrorCode.UNAVAILABLE, wait));
    return this;
  }

  /** Never answers by itself: the future stays pending until cancelled. */
  FakeMember hanging() {
    behaviour = a -> new CompletableFuture<>();
    return this;
  }

  static InferenceException failure(ErrorCode code, Duration retryAfter) {
    InferenceException.Details d = new InferenceException.Details(code).message("scripted " + code).provider("fake")
        .delivery(InferenceException.Delivery.ANSWERED);
    return Errors.create(retryAfter == null ? d : d.retryAfter(retryAfter));
  }

  @Override
  protected PreparedCall<InferenceResponse> prepareInfer(InferenceRequest request) {
    return new PreparedCall<>() {
      @Override
      public CompletableFuture<InferenceResponse> send(Attempt a) {
        attempts.incrementAndGet();
        sent.add(a);
        CompletableFuture<InferenceResponse> f = behaviour.apply(a);
        answers.add(f);
        return f;
      }

      @Override
      public InferenceResponse sendBlocking(Attempt a) {
        blockingAttempts.incrementAndGet();
        return PreparedCall.super.sendBlocking(a);
      }
    };
  }

  @Override
  protected PreparedCall<Boolean> prepareServerReady() {
    return PreparedCall.of(-1, a -> {
      readinessChecks.incrementAndGet();
      var r = readiness;
      CompletableFuture<Boolean> f = r == null ? CompletableFuture.completedFuture(ready) : r.get();
      readinessAnswers.add(f);
      return f;
    });
  }

  @Override
  protected void closeTransport() {
    closed = true;
  }
}
