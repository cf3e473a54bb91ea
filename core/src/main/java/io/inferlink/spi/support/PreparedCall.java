package io.inferlink.spi.support;

import java.util.concurrent.CompletableFuture;

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
   */
  CompletableFuture<T> send(Attempt attempt);

  /**
   * Sends one attempt and waits for its answer on the calling thread, throwing what {@link #send}
   * fails with. Transports override it where parsing on the caller's thread saves a hand-off (gRPC's
   * blocking calls); the pipeline uses it only when no interceptor runs.
   */
  default T sendBlocking(Attempt attempt) {
    return Futures.await(send(attempt));
  }

  /** The request's size on the wire, when known before sending; -1 otherwise. */
  default long requestBytes() {
    return -1;
  }
}
