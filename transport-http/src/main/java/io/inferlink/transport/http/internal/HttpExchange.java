package io.inferlink.transport.http.internal;

import io.inferlink.InferenceException;
import io.inferlink.spi.support.Attempt;
import io.inferlink.spi.support.Errors;
import io.inferlink.spi.support.Futures;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.spi.support.PreparedCall;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The one REST exchange of the backends: turns a request built in advance into a {@link PreparedCall}
 * whose attempts send it with the attempt's own headers and time left, read a non-2xx answer with
 * the protocol's error reader ({@link HttpErrors#toException} unless the backend has its own table),
 * decode a 2xx answer, and report an answer the decoder rejects ({@link MalformedAnswerException}) as
 * a {@link io.inferlink.ServerException} naming the protocol. Cancelling an attempt's future cancels
 * the exchange. One per client; thread-safe.
 */
public final class HttpExchange implements AutoCloseable {
  /** Turns a non-2xx answer into the exception the call fails with. */
  @FunctionalInterface
  public interface ErrorReader {
    /** The exception for {@code result}, whose status is not 2xx; never null. */
    InferenceException toException(HttpResult result, String provider);
  }

  private final HttpTransport transport;
  private final String provider;
  private final String protocol;
  private final ErrorReader errors;

  /**
   * An exchange over {@code transport} reading errors with {@link HttpErrors#toException}.
   *
   * @param protocol what a malformed answer is not, e.g. "an Open Inference Protocol response"
   */
  public HttpExchange(HttpTransport transport, String provider, String protocol) {
    this(transport, provider, protocol, HttpErrors::toException);
  }

  /** An exchange whose non-2xx answers are read by the protocol's own {@code errors} (OVMS's table...). */
  public HttpExchange(HttpTransport transport, String provider, String protocol, ErrorReader errors) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.protocol = Objects.requireNonNull(protocol, "protocol");
    this.errors = Objects.requireNonNull(errors, "errors");
  }

  /** A call whose non-2xx answer is a failure and whose 2xx answer {@code decode} reads. */
  public <T> PreparedCall<T> prepare(HttpRequestSpec request, Function<HttpResult, T> decode) {
    return new Call<>(Objects.requireNonNull(request, "request"), decode, true);
  }

  /**
   * A call whose every answer, whatever its status, {@code decode} reads (readiness: true on 200,
   * false on anything else); a failure to get an answer still fails the call.
   */
  public <T> PreparedCall<T> prepareAnyStatus(HttpRequestSpec request, Function<HttpResult, T> decode) {
    return new Call<>(Objects.requireNonNull(request, "request"), decode, false);
  }

  /** Closes the transport: calls in flight fail, later ones are refused. */
  @Override
  public void close() {
    transport.close();
  }

  /** One request, sent once per attempt. */
  private final class Call<T> implements PreparedCall<T> {
    private final HttpRequestSpec request;
    private final Function<HttpResult, T> decode;
    private final boolean failOnError;

    Call(HttpRequestSpec request, Function<HttpResult, T> decode, boolean failOnError) {
      this.request = request;
      this.decode = Objects.requireNonNull(decode, "decode");
      this.failOnError = failOnError;
    }

    @Override
    public CompletableFuture<T> send(Attempt attempt) {
      CompletableFuture<HttpResult> call = transport.send(request.forAttempt(attempt.headers(), attempt.timeLeft()));
      return Futures.cancelling(call.thenApply(this::read), call);
    }

    @Override
    public long requestBytes() {
      return request.body() == null ? 0 : request.body().length();
    }

    private T read(HttpResult http) {
      if (failOnError && !http.isSuccess()) {
        throw errors.toException(http, provider);
      }
      return decode(http, decode, provider, protocol);
    }
  }

  /**
   * Reads {@code http} with {@code decode}, an answer it rejects ({@link MalformedAnswerException})
   * becoming the {@link io.inferlink.ServerException} saying it is not {@code protocol}: what every
   * call of an exchange does with a 2xx answer, for the tests of a protocol's readers.
   */
  public static <T> T decode(HttpResult http, Function<HttpResult, T> decode, String provider, String protocol) {
    try {
      return decode.apply(http);
    } catch (MalformedAnswerException e) {
      throw Errors.malformedAnswer(protocol, provider, http.status(), e);
    }
  }
}
