package io.inferlink.opentelemetry;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.interceptor.InferenceCall;
import io.inferlink.interceptor.InferenceInterceptor;
import io.inferlink.spi.support.Futures;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One CLIENT span per call, child of the context current when the call is made (the interceptor runs
 * on the caller's thread, blocking or async), its context injected into the call's headers. The span
 * ends once, when the call's future completes (with its value, its failure, or its cancellation), and
 * before the caller's future completes.
 * Thread-safe.
 */
final class TracingInterceptor implements InferenceInterceptor {
  private final Tracer tracer;
  private final TextMapPropagator propagator;

  TracingInterceptor(Tracer tracer, TextMapPropagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  @Override
  public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
    CallDescription description = CallDescription.of(call);
    Context parent = Context.current();
    Span span = tracer.spanBuilder(description.spanName).setSpanKind(SpanKind.CLIENT).setParent(parent)
        .setAllAttributes(description.attributes).startSpan();
    Ending ending = new Ending(span, description.grpc);
    Context context = parent.with(span);
    CompletableFuture<T> answer;
    try (Scope ignored = context.makeCurrent()) {
      // Current while the rest of the pipeline runs on this thread: what it logs or traces nests here.
      answer = chain.proceed(withTraceHeaders(call, context));
    } catch (RuntimeException | Error e) {
      ending.failed(e);
      throw e;
    }
    if (answer == null) {
      ending.failed(new IllegalStateException("the pipeline returned no future"));
      return null;
    }
    // The caller's future completes after the span ended, with exactly what the pipeline gave: an
    // application that ends its own span on completion ends it after this one.
    CompletableFuture<T> relayed = new CompletableFuture<>();
    answer.whenComplete((value, error) -> {
      if (error == null) {
        ending.succeeded();
        relayed.complete(value);
      } else {
        ending.failed(error);
        relayed.completeExceptionally(error);
      }
    });
    relayed.whenComplete((value, error) -> {
      if (relayed.isCancelled()) {
        answer.cancel(true); // an outer interceptor gave up on the call
      }
    });
    return relayed;
  }

  private InferenceCall withTraceHeaders(InferenceCall call, Context context) {
    HeaderCarrier carrier = new HeaderCarrier();
    propagator.inject(context, carrier, HeaderCarrier.SETTER);
    InferenceCall traced = call;
    for (Map.Entry<String, String> h : carrier.headers.entrySet()) {
      traced = traced.withHeader(h.getKey(), h.getValue());
    }
    return traced;
  }

  /** Ends one span exactly once, whichever of success, failure or cancellation comes first. */
  private static final class Ending {
    private final Span span;
    private final boolean grpc;
    private final AtomicBoolean ended = new AtomicBoolean();

    Ending(Span span, boolean grpc) {
      this.span = span;
      this.grpc = grpc;
    }

    void succeeded() {
      if (ended.compareAndSet(false, true)) {
        if (grpc) {
          span.setAttribute(SemanticAttributes.RPC_GRPC_STATUS_CODE, (long) ErrorCode.OK.grpcCode());
        }
        span.end();
      }
    }

    void failed(Throwable error) {
      if (!ended.compareAndSet(false, true)) {
        return;
      }
      Throwable cause = Futures.cause(error);
      String errorType;
      String description;
      if (cause instanceof InferenceException) {
        InferenceException e = (InferenceException) cause;
        errorType = e.code().name();
        description = errorType + ": " + e.getMessage();
        if (grpc && e.grpcStatus() >= 0) {
          span.setAttribute(SemanticAttributes.RPC_GRPC_STATUS_CODE, (long) e.grpcStatus());
        }
        if (!grpc && e.httpStatus() > 0) {
          span.setAttribute(SemanticAttributes.HTTP_RESPONSE_STATUS_CODE, (long) e.httpStatus());
        }
      } else if (cause instanceof CancellationException) {
        // The caller gave up (cancelled the future): recorded as gRPC's CANCELLED, like any other code.
        errorType = ErrorCode.CANCELLED.name();
        description = "cancelled by the caller";
      } else {
        errorType = cause.getClass().getName();
        description = String.valueOf(cause.getMessage());
      }
      span.setAttribute(SemanticAttributes.ERROR_TYPE, errorType);
      span.setStatus(StatusCode.ERROR, description);
      if (!(cause instanceof CancellationException)) {
        span.recordException(cause);
      }
      span.end();
    }
  }
}
