package io.inferlink.interceptor;

import java.util.concurrent.CompletableFuture;

/**
 * Sees every call a client makes, in the spirit of OkHttp's {@code Interceptor} and grpc-java's
 * {@code ClientInterceptor}: it may observe a call, add headers to it
 * ({@link InferenceCall#withHeader}), answer it without sending anything (short-circuit: return a
 * future of its own and never call {@link Chain#proceed}) or send it more than once (retry: call
 * {@code proceed} again, usually with {@link InferenceCall#withAttempt}). Register interceptors with
 * {@link io.inferlink.ClientOptions.Builder#interceptor}; the first registered is the outermost. The
 * built-in retries run inside them, so they see a call once; one registered with
 * {@link io.inferlink.ClientOptions.Builder#attemptInterceptor} runs inside the retries and sees each attempt.
 *
 * <p>Every operation of the client passes through, protocol extensions included
 * ({@link InferenceCall.Operation#EXTENSION}). Cancelling the caller's future cancels the attempt in
 * flight whatever the interceptors returned. An exception thrown by {@code intercept} does not reach
 * the caller as such: the call fails with an {@link io.inferlink.InferenceException} caused by it.
 * Implementations must be thread-safe: one instance serves every call of every client it is given to.
 */
public interface InferenceInterceptor {

  /**
   * Handles one call: calls {@code chain.proceed(call)} zero times (short-circuit), once, or more
   * (retry), and returns the future the caller gets. The value type {@code T} is the operation's
   * (an {@link io.inferlink.InferenceResponse} for {@link InferenceCall.Operation#INFER}); an
   * interceptor that answers by itself must know it.
   *
   * @param <T> the value type of the call's future
   * @param call the call, with its operation, request and headers; not null
   * @param chain the rest of the pipeline, to pass the call on with; not null
   * @return the future the caller (or the outer interceptor) gets; not null
   */
  <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain);

  /**
   * The rest of the pipeline after one interceptor; thread-safe, and usable more than once.
   *
   * @param <T> the value type of the call's future, as in {@link #intercept}
   */
  interface Chain<T> {
    /**
     * Passes the call on to the next interceptor, or sends it when none is left.
     *
     * @param call the call to send, this one or a modified copy; not null
     * @return the future of the answer, failed with an {@link io.inferlink.InferenceException} when the call fails
     */
    CompletableFuture<T> proceed(InferenceCall call);
  }
}
