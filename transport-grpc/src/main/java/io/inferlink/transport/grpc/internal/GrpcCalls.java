package io.inferlink.transport.grpc.internal;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.InferenceException.Delivery;
import io.inferlink.spi.support.Errors;
import io.inferlink.spi.support.GrpcStatusTable;
import io.inferlink.spi.support.RetryAfter;
import io.inferlink.spi.support.SecretScrubber;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Unary calls as {@link CompletableFuture}s: a deadline per call, cancelling the future cancels the
 * RPC, and a failed RPC becomes the exception that core's gRPC status table chooses, carrying the
 * server's status description, how far the request got ({@link CallProgress}) and what its
 * {@code grpc-retry-pushback-ms} trailer asked ({@link #pushback}). Stateless and
 * thread-safe.
 */
public final class GrpcCalls {
  private static final Metadata.Key<String> PUSHBACK =
      Metadata.Key.of(RetryAfter.GRPC_PUSHBACK_TRAILER, Metadata.ASCII_STRING_MARSHALLER);

  private GrpcCalls() {}

  /** Starts a unary call; never throws for server or transport failures (the future fails). */
  public static <Q, R> CompletableFuture<R> unary(Channel channel, MethodDescriptor<Q, R> method, Q request,
      Duration timeout, String provider) {
    return unary(channel, method, request, timeout, provider, Map.of());
  }

  /**
   * Starts a unary call with the call's own headers as metadata, after the options' headers (which
   * they replace when named alike); the secret-named ones among them are scrubbed from the call's
   * exception as the options' are. Never throws for server or transport failures (the future fails).
   */
  public static <Q, R> CompletableFuture<R> unary(Channel channel, MethodDescriptor<Q, R> method, Q request,
      Duration timeout, String provider, Map<String, String> callHeaders) {
    CompletableFuture<R> result = new CompletableFuture<>();
    CallProgress progress = new CallProgress();
    ListenableFuture<R> call;
    SentSecrets sent = new SentSecrets();
    try {
      call = ClientCalls.futureUnaryCall(channel.newCall(method, callOptions(timeout, progress, sent, callHeaders)),
          request);
    } catch (RuntimeException e) {
      result.completeExceptionally(toException(e, provider, sent.scrubber(), progress.delivery()));
      return result;
    }
    Futures.addCallback(call, new FutureCallback<R>() {
      @Override
      public void onSuccess(R value) {
        result.complete(value);
      }

      @Override
      public void onFailure(Throwable t) {
        result.completeExceptionally(toException(t, provider, sent.scrubber(), progress.delivery()));
      }
    }, MoreExecutors.directExecutor());
    result.whenComplete((value, error) -> {
      if (result.isCancelled()) {
        call.cancel(true); // cancels the RPC: the server sees CANCELLED
      }
    });
    return result;
  }

  /**
   * A unary call for a caller that waits, answered on the calling thread as grpc-java's blocking stubs
   * do (one thread hand-off less per call than the future's); headers, deadline and failures as for {@link #unary(Channel, MethodDescriptor, Object, Duration,
   * String, Map) unary}. An interrupt cancels the RPC and ends in a CANCELLED exception, with the
   * thread's interrupt flag kept.
   */
  public static <Q, R> R blockingUnary(Channel channel, MethodDescriptor<Q, R> method, Q request, Duration timeout,
      String provider, Map<String, String> callHeaders) {
    CallProgress progress = new CallProgress();
    SentSecrets sent = new SentSecrets();
    try {
      return ClientCalls.blockingUnaryCall(channel, method, callOptions(timeout, progress, sent, callHeaders), request);
    } catch (RuntimeException e) {
      throw toException(e, provider, sent.scrubber(), progress.delivery());
    }
  }

  private static CallOptions callOptions(Duration timeout, CallProgress progress, SentSecrets sent,
      Map<String, String> callHeaders) {
    CallOptions options = SentSecrets.attach(CallOptions.DEFAULT.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS)
        .withStreamTracerFactory(progress), sent);
    return callHeaders.isEmpty() ? options : options.withOption(HeadersInterceptor.CALL_HEADERS, callHeaders);
  }

  /**
   * The Inferlink exception for a gRPC failure of a call that sent no secrets, not knowing how far
   * the request got; see the four-argument form.
   */
  public static InferenceException toException(Throwable t, String provider) {
    return toException(t, provider, SecretScrubber.NONE, Delivery.UNSPECIFIED);
  }

  /**
   * The Inferlink exception for a gRPC failure of a request that got as far as {@code delivery} says,
   * with the secrets the call sent masked in its message and in its whole cause chain: the status
   * exception becomes a scrubbed copy of the same class (description and trailers scrubbed, stack
   * trace kept), since a server may echo request headers there and any logged stack trace prints them.
   */
  static InferenceException toException(Throwable t, String provider, SecretScrubber secrets, Delivery delivery) {
    if (t instanceof InferenceException) {
      return (InferenceException) t;
    }
    Throwable cause = secrets.scrub(t, StatusScrubbing::copy);
    Status status = t instanceof StatusRuntimeException ? ((StatusRuntimeException) t).getStatus() : Status.fromThrowable(t);
    if (status.getCode() == Status.Code.UNKNOWN && status.getDescription() == null && !(t instanceof StatusRuntimeException)) {
      return Errors.create(new InferenceException.Details(ErrorCode.UNKNOWN).message("unexpected failure: " + cause)
          .provider(provider).cause(cause).delivery(delivery));
    }
    String description = status.getDescription();
    if (description == null && status.getCause() != null) {
      description = status.getCause().getMessage();
    }
    if (status.getCode() == Status.Code.CANCELLED && description != null && description.startsWith(SERVER_RESET)) {
      return serverReset(provider, cause, delivery);
    }
    return GrpcStatusTable.toException(status.getCode().value(), secrets.scrub(description), provider, cause, delivery,
        pushback(t));
  }

  /**
   * How grpc-netty describes a stream the server reset (HTTP/2 RST_STREAM), which it reports as CANCELLED
   * for the error code CANCEL. A caller's own cancellation never gets here (its future is cancelled
   * first), an interrupt says "Thread interrupted", and a server's CANCELLED status has its own text.
   */
  private static final String SERVER_RESET = "RST_STREAM closed stream";

  /**
   * A server that shuts down with calls in flight resets their streams (grpc-java's {@code shutdownNow},
   * a C++ server's {@code Shutdown} after its deadline, a proxy shedding load). Reported as CANCELLED it
   * would be final, since that code means the caller gave up; it is the server going away mid-call, so
   * UNAVAILABLE (retryable), the outcome unknown once the request went out, and the wire status kept.
   */
  private static InferenceException serverReset(String provider, Throwable cause, Delivery delivery) {
    return Errors.create(new InferenceException.Details(ErrorCode.UNAVAILABLE)
        .message("the server reset the call's stream before answering (HTTP/2 RST_STREAM CANCEL,"
            + " gRPC CANCELLED), as a server shutting down does")
        .grpcStatus(Status.Code.CANCELLED.value())
        .provider(provider)
        .cause(cause)
        .delivery(delivery));
  }

  /**
   * What the status's {@code grpc-retry-pushback-ms} trailer asks: a wait, a refusal (negative or not a number),
   * or {@code null} without the trailer. Read from the status exception as received, before any scrubbing.
   */
  static RetryAfter pushback(Throwable t) {
    Metadata trailers = Status.trailersFromThrowable(t);
    return trailers == null ? null : RetryAfter.fromGrpcPushback(trailers.get(PUSHBACK)).orElse(null);
  }
}
