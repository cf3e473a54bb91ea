package io.inferlink.spi.support;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One operation of a client, built before anything is sent (a refusal while building it fails the call
 * and sends nothing): the exchange and decoding of each attempt. A client's {@code prepare...} method
 * returns one; the {@link CallPipeline} sends it once per attempt. Implementations are immutable and
 * thread-safe, since attempts may run on different threads.
 *
 * @param <T> what the operation answers
 */
@FunctionalInterface
public interface PreparedCall<T> {

  /**
   * Sends one attempt and decodes its answer. Never throws: failures fail the future with an
   * {@link io.inferlink.InferenceException}. Cancelling the future cancels the exchange.
   *
   * @param attempt the attempt's number, headers and deadline; not null
   * @return the future of the decoded answer; never null
   */
  CompletableFuture<T> send(Attempt attempt);

  /**
   * Sends one attempt and waits for its answer on the calling thread, throwing what {@link #send}
   * fails with. Transports override it where parsing on the caller's thread saves a hand-off (gRPC's
   * blocking calls); the pipeline uses it only when no interceptor runs.
   *
   * @param attempt the attempt's number, headers and deadline; not null
   * @return the decoded answer
   */
  default T sendBlocking(Attempt attempt) {
    return Futures.await(send(attempt));
  }

  /**
   * For a call sent over several endpoints (a client with replicas or fallback endpoints): true when the next
   * attempt would go to another endpoint than the one that just failed, one that can take it now, so that the
   * retry goes out at once instead of waiting for the backoff or the failed server's {@code Retry-After}.
   * False by default: a call with one endpoint.
   *
   * @return whether a retry can go out now to another endpoint
   */
  default boolean nextAttemptGoesElsewhere() {
    return false;
  }

  /**
   * The request's size on the wire, when known before sending; -1 otherwise.
   *
   * @return the request's size in bytes, or -1 when unknown
   */
  default long requestBytes() {
    return -1;
  }

  /**
   * This call with {@code decode} applied to each attempt's answer: a backend's transport answers with
   * a raw result, and each operation says how to read it. Cancelling the returned future cancels the
   * exchange; a failed exchange never reaches {@code decode}, and whatever {@code decode} throws fails
   * the attempt. The request's size stays that of this call.
   *
   * @param <R> what the mapped operation answers
   * @param decode reads an attempt's raw answer; not null
   * @return a call that sends as this one does and decodes with {@code decode}
   */
  default <R> PreparedCall<R> map(Function<? super T, ? extends R> decode) {
    Objects.requireNonNull(decode, "decode");
    PreparedCall<T> self = this;
    return of(requestBytes(), attempt -> {
      CompletableFuture<T> answer = self.send(attempt);
      return Futures.cancelling(answer.thenApply(decode), answer);
    });
  }

  /**
   * A call of {@code send} whose request has {@code requestBytes} bytes on the wire (-1 when unknown),
   * for a backend whose transport is a function of the attempt.
   *
   * @param <T> what the operation answers
   * @param requestBytes the request's size in bytes, or -1 when unknown
   * @param send sends one attempt and returns the future of its answer; not null, must not throw
   * @return the call
   */
  static <T> PreparedCall<T> of(long requestBytes, Function<Attempt, CompletableFuture<T>> send) {
    Objects.requireNonNull(send, "send");
    return new PreparedCall<>() {
      @Override
      public CompletableFuture<T> send(Attempt attempt) {
        return send.apply(attempt);
      }

      @Override
      public long requestBytes() {
        return requestBytes;
      }
    };
  }
}
