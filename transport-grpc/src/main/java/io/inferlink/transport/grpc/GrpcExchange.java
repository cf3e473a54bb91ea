package io.inferlink.transport.grpc;

import com.google.protobuf.MessageLite;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.inferlink.spi.support.Attempt;
import io.inferlink.spi.support.Errors;
import io.inferlink.spi.support.Futures;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.spi.support.PreparedCall;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The one gRPC exchange of the backends: turns a request message built in advance into a
 * {@link PreparedCall} whose attempts make a unary call with the attempt's deadline and headers (as
 * metadata), map a failed status with core's gRPC status table (how far the request got, secrets
 * scrubbed: see {@link GrpcCalls}), and decode the answer, an answer the decoder rejects
 * ({@link MalformedAnswerException}) becoming a {@link io.inferlink.ServerException} naming the
 * protocol. The blocking form parses the answer on the calling thread. Cancelling an attempt's future
 * cancels the RPC. One per client; thread-safe.
 */
public final class GrpcExchange {
  private final Channel channel;
  private final String provider;
  private final String protocol;

  /**
   * An exchange over {@code channel}.
   *
   * @param protocol what a malformed answer is not, e.g. "an Open Inference Protocol response"
   */
  public GrpcExchange(Channel channel, String provider, String protocol) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.protocol = Objects.requireNonNull(protocol, "protocol");
  }

  /** A unary call of {@code method} with {@code request}, its answer read by {@code decode}. */
  public <Q, R, T> PreparedCall<T> prepare(MethodDescriptor<Q, R> method, Q request, Function<R, T> decode) {
    return new Call<>(Objects.requireNonNull(method, "method"), Objects.requireNonNull(request, "request"),
        Objects.requireNonNull(decode, "decode"));
  }

  /** One request message, sent once per attempt. */
  private final class Call<Q, R, T> implements PreparedCall<T> {
    private final MethodDescriptor<Q, R> method;
    private final Q request;
    private final Function<R, T> decode;

    Call(MethodDescriptor<Q, R> method, Q request, Function<R, T> decode) {
      this.method = method;
      this.request = request;
      this.decode = decode;
    }

    @Override
    public CompletableFuture<T> send(Attempt attempt) {
      CompletableFuture<R> rpc = GrpcCalls.unary(channel, method, request, attempt.timeLeft(), provider,
          attempt.headers());
      return Futures.cancelling(rpc.thenApply(this::read), rpc);
    }

    @Override
    public T sendBlocking(Attempt attempt) {
      return read(GrpcCalls.blockingUnary(channel, method, request, attempt.timeLeft(), provider, attempt.headers()));
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
  }
}
