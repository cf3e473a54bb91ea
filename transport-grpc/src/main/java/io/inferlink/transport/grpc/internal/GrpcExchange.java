package io.inferlink.transport.grpc.internal;

import com.google.protobuf.MessageLite;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.inferlink.InferenceException;
import io.inferlink.spi.support.Attempt;
import io.inferlink.spi.support.Errors;
import io.inferlink.spi.support.Futures;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.spi.support.PreparedCall;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The one gRPC exchange of the backends: turns a request message built in advance into a
 * {@link PreparedCall} whose attempts make a unary call with the attempt's deadline and headers (as
 * metadata), map a failed status with core's gRPC status table (how far the request got, secrets
 * scrubbed: see {@link GrpcCalls}) and then the protocol's own reading of it, and decode the answer, an
 * answer the decoder rejects ({@link MalformedAnswerException}) becoming a
 * {@link io.inferlink.ServerException} naming the protocol. The blocking form parses the answer on the
 * calling thread. Cancelling an attempt's future cancels the RPC. One per client; thread-safe.
 */
public final class GrpcExchange {
  private final Channel channel;
  private final String provider;
  private final String protocol;
  private final UnaryOperator<InferenceException> failures;

  /**
   * An exchange over {@code channel}.
   *
   * @param protocol what a malformed answer is not, e.g. "an Open Inference Protocol response"
   */
  public GrpcExchange(Channel channel, String provider, String protocol) {
    this(channel, provider, protocol, UnaryOperator.identity());
  }

  /**
   * An exchange over {@code channel} whose protocol reads some failed statuses differently from core's
   * table.
   *
   * @param protocol what a malformed answer is not, e.g. "an Open Inference Protocol response"
   * @param failures the protocol's reading of the exception the status table chose (it returns it, or
   *     the one that status means in this protocol), applied to every failed call
   */
  public GrpcExchange(Channel channel, String provider, String protocol, UnaryOperator<InferenceException> failures) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.protocol = Objects.requireNonNull(protocol, "protocol");
    this.failures = Objects.requireNonNull(failures, "failures");
  }

  /** A unary call of {@code method} with {@code request}, its answer read by {@code decode}. */
  public <Q, R, T> PreparedCall<T> prepare(MethodDescriptor<Q, R> method, Q request, Function<R, T> decode) {
    return prepare(method, request, decode, null, null);
  }

  /**
   * As {@link #prepare(MethodDescriptor, Object, Function)}, where a failure of type {@code failure}
   * (after the protocol's reading) is the answer {@code answer}: a readiness call that the server
   * answers with NOT_FOUND says "not ready".
   */
  public <Q, R, T> PreparedCall<T> prepare(MethodDescriptor<Q, R> method, Q request, Function<R, T> decode,
      Class<? extends InferenceException> failure, T answer) {
    return new Call<>(Objects.requireNonNull(method, "method"), Objects.requireNonNull(request, "request"),
        Objects.requireNonNull(decode, "decode"), failure, answer);
  }

  /** One request message, sent once per attempt. */
  private final class Call<Q, R, T> implements PreparedCall<T> {
    private final MethodDescriptor<Q, R> method;
    private final Q request;
    private final Function<R, T> decode;
    private final Class<? extends InferenceException> answered; // null: every failure stays one
    private final T answer;

    Call(MethodDescriptor<Q, R> method, Q request, Function<R, T> decode, Class<? extends InferenceException> answered,
        T answer) {
      this.method = method;
      this.request = request;
      this.decode = decode;
      this.answered = answered;
      this.answer = answer;
    }

    @Override
    public CompletableFuture<T> send(Attempt attempt) {
      CompletableFuture<R> rpc = GrpcCalls.unary(channel, method, request, attempt.timeLeft(), provider,
          attempt.headers());
      return Futures.cancelling(rpc.handle((response, error) -> error == null ? read(response) : failed(error)), rpc);
    }

    @Override
    public T sendBlocking(Attempt attempt) {
      R response;
      try {
        response = GrpcCalls.blockingUnary(channel, method, request, attempt.timeLeft(), provider, attempt.headers());
      } catch (InferenceException e) {
        return failed(e);
      }
      return read(response);
    }

    /** The message's serialized size (protobuf computes it once and keeps it for the marshaller). */
    @Override
    public long requestBytes() {
      return request instanceof MessageLite ? ((MessageLite) request).getSerializedSize() : -1;
    }

    private T read(R response) {
      try {
        return decode.apply(response);
      } catch (MalformedAnswerException e) {
        throw Errors.malformedAnswer(protocol, provider, 0, e);
      }
    }

    /** The answer a failure stands for, or the failure as the protocol reads it. */
    private T failed(Throwable error) {
      Throwable t = Errors.unwrapFutureException(error);
      if (!(t instanceof InferenceException)) {
        throw t instanceof RuntimeException ? (RuntimeException) t : new CompletionException(t);
      }
      InferenceException e = failures.apply((InferenceException) t);
      if (answered != null && answered.isInstance(e)) {
        return answer;
      }
      throw e;
    }
  }
}
