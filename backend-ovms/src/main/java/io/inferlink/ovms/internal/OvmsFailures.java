package io.inferlink.ovms.internal;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.spi.support.Errors;
import io.inferlink.spi.support.Futures;
import java.util.concurrent.CompletableFuture;

/**
 * Turns what a wrapped KServe or TF Serving client failed with into what an OVMS client fails with:
 * the code {@link OvmsStatusTable} gives the server's answer, this provider's name, and, on the TF
 * Serving API, the {@link TfsApiCheck}'s explanation when the server has no such API any more. The
 * wrapped client's exception stays the cause. Thread-safe.
 */
final class OvmsFailures {
  private final String provider;
  private final TfsApiCheck tfsApi; // null on the KServe API

  OvmsFailures(String provider, TfsApiCheck tfsApi) {
    this.provider = provider;
    this.tfsApi = tfsApi;
  }

  /** Throws before anything is sent when the TF Serving API is known to be gone. */
  void refuseIfTfsApiGone() {
    if (tfsApi != null) {
      tfsApi.refuseIfGone();
    }
  }

  /** The same result, failing with the translated exception; cancelling it cancels {@code source}. */
  <T> CompletableFuture<T> translate(CompletableFuture<T> source) {
    CompletableFuture<T> result = new CompletableFuture<>();
    source.whenComplete((value, error) -> {
      if (error == null) {
        result.complete(value);
        return;
      }
      Throwable failure = Errors.unwrapFutureException(error);
      if (!(failure instanceof InferenceException)) {
        result.completeExceptionally(failure); // a closed client, a cancellation: not the server's answer
        return;
      }
      InferenceException mapped = map((InferenceException) failure);
      if (tfsApi == null) {
        result.completeExceptionally(mapped);
        return;
      }
      tfsApi.explain(mapped).whenComplete((explained, ignored) ->
          result.completeExceptionally(explained != null ? explained : mapped));
    });
    return Futures.cancelling(result, source);
  }

  /** The exception an OVMS client throws for one the wrapped client threw. */
  InferenceException map(InferenceException e) {
    ErrorCode code = e.code();
    String message = ownMessage(e);
    int http = e.httpStatus();
    if (e instanceof ProviderConfigurationException) {
      // Not OVMS's answer (a 404 page at a wrong base path, say): its status means nothing in OVMS's table.
      return new ProviderConfigurationException(new InferenceException.Details(code).message(message)
          .provider(provider).httpStatus(http).serverMessage(e.serverMessage()).cause(e).retryHintsFrom(e));
    }
    // A 2xx here is an answer the wrapped client could not read; only 204 means something else.
    if (http > 0 && (http >= 300 || http == 204)) {
      ErrorCode ovms = OvmsStatusTable.toErrorCode(http, e.serverMessage());
      if (ovms != code && ovms != ErrorCode.OK) {
        code = ovms;
        message = OvmsStatusTable.describe(http, ovms);
      }
    }
    InferenceException.Details d = new InferenceException.Details(code).message(message).provider(provider)
        .serverMessage(e.serverMessage()).cause(e).retryHintsFrom(e); // retries decide on the wrapped answer's facts
    if (http > 0) {
      d.httpStatus(http);
    }
    if (e.grpcStatus() >= 0) {
      d.grpcStatus(e.grpcStatus());
    }
    return Errors.create(d);
  }

  /** The wrapped exception's own explanation, without the status summary its message ends with. */
  private static String ownMessage(InferenceException e) {
    String text = e.getMessage() == null ? "" : e.getMessage();
    int summary = text.lastIndexOf(" [" + e.code());
    return summary >= 0 ? text.substring(0, summary) : text;
  }
}
