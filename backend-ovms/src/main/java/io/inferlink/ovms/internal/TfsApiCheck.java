package io.inferlink.ovms.internal;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.UnsupportedFeatureException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tells a failure of the TF Serving API apart from the API being gone: OVMS 2026.3 removed it
 * (PROTOCOLS.md §4.1, §7.6). Over gRPC its services are simply unimplemented: gRPC's own
 * UNIMPLEMENTED for an unknown method, which a model's UNIMPLEMENTED is told from by its message.
 * Over REST the
 * {@code /v1/models} paths now belong to the OpenAI-compatible handler, so TF Serving calls get
 * answers that are not TF Serving's (an OpenAI model object where a status was expected, 400 or 406
 * where a prediction was): after such a failure one {@code GET /v1/models} asks the server, and an
 * OpenAI-style list there means the API is gone. The finding is kept, so later calls are refused
 * before they are sent. Thread-safe.
 */
final class TfsApiCheck {
  private final String provider;
  private final OvmsRest rest; // null over gRPC
  private final AtomicReference<Boolean> gone = new AtomicReference<>();
  private final AtomicReference<CompletableFuture<Boolean>> probe = new AtomicReference<>();

  private TfsApiCheck(String provider, OvmsRest rest) {
    this.provider = provider;
    this.rest = rest;
  }

  /** Over REST: probes {@code /v1/models} after a failure the server answered. */
  static TfsApiCheck rest(String provider, OvmsRest rest) {
    return new TfsApiCheck(provider, rest);
  }

  /** Over gRPC: UNIMPLEMENTED for the RPCs OVMS did implement means they were removed. */
  static TfsApiCheck grpc(String provider) {
    return new TfsApiCheck(provider, null);
  }

  /** Throws when the server is known to have no TF Serving API. */
  void refuseIfGone() {
    if (Boolean.TRUE.equals(gone.get())) {
      throw goneException(null);
    }
  }

  /** {@code failure}, or the exception saying the API is gone when that is why the call failed. */
  CompletableFuture<InferenceException> explain(InferenceException failure) {
    if (rest == null) {
      if (!isMissingService(failure)) {
        return CompletableFuture.completedFuture(failure);
      }
      gone.set(true);
      return CompletableFuture.completedFuture(goneException(failure));
    }
    Boolean known = gone.get();
    if (failure.httpStatus() <= 0 || Boolean.FALSE.equals(known)) {
      return CompletableFuture.completedFuture(failure); // not an answer of the server, or a TF Serving server
    }
    if (Boolean.TRUE.equals(known)) {
      return CompletableFuture.completedFuture(goneException(failure));
    }
    return probe().handle((openAi, error) -> {
      if (error != null) {
        return failure; // cannot tell: report what happened
      }
      gone.compareAndSet(null, openAi);
      return openAi ? goneException(failure) : failure;
    });
  }

  /** One probe at a time, shared by the failures waiting for it; a failed probe may be tried again. */
  private CompletableFuture<Boolean> probe() {
    CompletableFuture<Boolean> mine = new CompletableFuture<>();
    CompletableFuture<Boolean> running = probe.compareAndExchange(null, mine);
    if (running != null) {
      return running;
    }
    rest.probeOpenAiModelList().whenComplete((openAi, error) -> {
      if (error != null) {
        probe.compareAndSet(mine, null);
        mine.completeExceptionally(error);
      } else {
        mine.complete(openAi);
      }
    });
    return mine;
  }

  /**
   * Whether gRPC said the method does not exist, rather than a model failing with UNIMPLEMENTED: a
   * server's own "no such method" comes without a message (gRPC C++, as in OVMS) or names the method.
   */
  private static boolean isMissingService(InferenceException failure) {
    if (failure.code() != ErrorCode.UNIMPLEMENTED || failure.grpcStatus() < 0) {
      return false;
    }
    String message = failure.serverMessage();
    return message == null || message.isBlank() || message.contains("Method not found")
        || message.contains("tensorflow.serving.");
  }

  private InferenceException goneException(InferenceException cause) {
    InferenceException.Details d = new InferenceException.Details(ErrorCode.UNIMPLEMENTED)
        .message("this OpenVINO Model Server has no TF Serving API: "
            + (rest == null ? "its TF Serving gRPC services are unimplemented"
                : "its /v1/models paths answer OpenAI-style model lists")
            + ", as in OVMS 2026.3 and later, which serve only the KServe API; use the KServe API"
            + " (remove api=tfs: it is the default)")
        .provider(provider).cause(cause);
    if (cause != null) {
      d.serverMessage(cause.serverMessage());
    }
    if (cause != null && cause.httpStatus() > 0) {
      d.httpStatus(cause.httpStatus());
    }
    if (cause != null && cause.grpcStatus() >= 0) {
      d.grpcStatus(cause.grpcStatus());
    }
    return new UnsupportedFeatureException(d);
  }
}
