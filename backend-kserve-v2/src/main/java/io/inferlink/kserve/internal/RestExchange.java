package io.inferlink.kserve.internal;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.spi.Errors;
import io.inferlink.spi.Futures;
import io.inferlink.transport.http.HttpErrors;
import io.inferlink.transport.http.HttpRequestSpec;
import io.inferlink.transport.http.HttpResult;
import io.inferlink.transport.http.HttpTransport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one HTTP exchange of the KServe REST clients (V1 and V2): builds the request (a refusal fails
 * the future before anything is sent), turns a non-2xx answer into the shared HTTP error when asked,
 * and an answer the protocol cannot read into a ServerException naming the protocol. Cancelling the
 * returned future cancels the call. Thread-safe.
 */
final class RestExchange {
  private final HttpTransport transport;
  private final String provider;
  private final String protocol;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** {@code protocol} names what a malformed answer is not, e.g. "a KServe V1 response". */
  RestExchange(HttpTransport transport, String provider, String protocol) {
    this.transport = transport;
    this.provider = provider;
    this.protocol = protocol;
  }

  <T> CompletableFuture<T> send(Supplier<HttpRequestSpec> request, Function<HttpResult, T> read, boolean failOnError) {
    HttpRequestSpec spec;
    try {
      if (closed.get()) {
        throw new IllegalStateException(provider + " client is closed");
      }
      spec = request.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<HttpResult> call = transport.send(spec);
    return Futures.cancelling(call.thenApply(http -> {
      if (failOnError && !http.isSuccess()) {
        throw HttpErrors.toException(http, provider);
      }
      return read(http, read, provider, protocol);
    }), call);
  }

  /** Reads an answer; one the protocol cannot read becomes a ServerException saying it is not {@code protocol}. */
  static <T> T read(HttpResult http, Function<HttpResult, T> read, String provider, String protocol) {
    try {
      return read.apply(http);
    } catch (MalformedAnswerException e) {
      throw Errors.create(new InferenceException.Details(ErrorCode.UNKNOWN)
          .message("the server's answer is not " + protocol + ": " + e.getMessage())
          .httpStatus(http.status()).provider(provider).cause(e));
    }
  }

  /** Refuses later calls and closes the transport; true on the first call only. */
  boolean close() {
    if (!closed.compareAndSet(false, true)) {
      return false;
    }
    transport.close();
    return true;
  }
}
