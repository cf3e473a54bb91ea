package io.inferlink.emulator;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a gRPC frontend needs from a call beyond its message: the call's metadata as lower-cased
 * headers (recorded on arrival by {@link GrpcLoopbackServer}), and cancellation of a
 * {@link ModelCall} when the client cancels, its deadline passes or the server shuts down; and the
 * refusal of every call while the emulator is overloaded ({@link Overload}). Stateless and thread-safe.
 */
public final class GrpcCalls {
  private static final Context.Key<Map<String, String>> HEADERS = Context.key("inferlink-emulator-headers");

  private GrpcCalls() {}

  /**
   * The current call's metadata, names lower-cased; empty outside a call of a recording server.
   *
   * @return an unmodifiable map of lower-case metadata name to value
   */
  public static Map<String, String> headers() {
    Map<String, String> headers = HEADERS.get();
    return headers == null ? Map.of() : headers;
  }

  /**
   * Cancels {@code call} as soon as the current gRPC call is cancelled (client cancel, deadline,
   * server shutdown), which is how the recorder sees it. Must run on the call's thread. Returns
   * the way to stop watching, for when the answer is ready: a call that completed is not cancelled.
   *
   * @param call the model call to cancel when the gRPC call is abandoned
   * @return stops the watching when run; safe to run more than once
   */
  public static Runnable cancelWhenAbandoned(ModelCall call) {
    Objects.requireNonNull(call, "call");
    Context context = Context.current();
    // The context of a call that completed normally is cancelled too, but without a cause.
    Context.CancellationListener listener = c -> {
      if (c.cancellationCause() != null) {
        call.cancel();
      }
    };
    // Direct: the listener runs at once on the thread that saw the cancellation, while the
    // call's own thread may be busy in the model.
    context.addListener(listener, Runnable::run);
    return () -> context.removeListener(listener);
  }

  /** The pseudo-header under which the call's authority is recorded, as HTTP/1.1 calls record {@code host}. */
  public static final String AUTHORITY = ":authority";

  /**
   * Records each call's metadata on arrival and keeps it in the call's {@link Context}, with the
   * HTTP/2 {@code :authority} the client sent (grpc-java keeps it out of the metadata) as
   * {@value #AUTHORITY}, so that a test can see an authority override arrive.
   */
  static ServerInterceptor recordingHeaders(CallRecorder recorder) {
    Objects.requireNonNull(recorder, "recorder");
    return new ServerInterceptor() {
      @Override
      public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata metadata,
          ServerCallHandler<Q, A> next) {
        Map<String, String> headers = withAuthority(toHeaders(metadata), call.getAuthority());
        recorder.recordHeaders(headers);
        return Contexts.interceptCall(Context.current().withValue(HEADERS, headers), call, metadata, next);
      }
    };
  }

  private static final Metadata.Key<String> PUSHBACK =
      Metadata.Key.of(Overload.GRPC_PUSHBACK_TRAILER, Metadata.ASCII_STRING_MARSHALLER);

  /**
   * Closes every call with UNAVAILABLE and the pushback trailer while {@code overload} is on, before
   * the service sees it; passes calls on otherwise.
   */
  static ServerInterceptor refusingWhenOverloaded(Overload overload) {
    Objects.requireNonNull(overload, "overload");
    return new ServerInterceptor() {
      @Override
      public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata metadata,
          ServerCallHandler<Q, A> next) {
        Duration wait = overload.refuseNow();
        if (wait == null) {
          return next.startCall(call, metadata);
        }
        Metadata trailers = new Metadata();
        trailers.put(PUSHBACK, Long.toString(wait.toMillis()));
        call.close(Status.UNAVAILABLE.withDescription(Overload.failure(wait).getMessage()), trailers);
        return new ServerCall.Listener<>() {};
      }
    };
  }

  private static Map<String, String> withAuthority(Map<String, String> headers, String authority) {
    if (authority == null) {
      return headers;
    }
    Map<String, String> out = new LinkedHashMap<>();
    out.put(AUTHORITY, authority);
    out.putAll(headers);
    return Collections.unmodifiableMap(out);
  }

  /** Text entries as they are, binary ({@code -bin}) ones in base64; repeated names joined with ", ". */
  static Map<String, String> toHeaders(Metadata metadata) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String key : metadata.keys()) {
      String name = key.toLowerCase(Locale.ROOT);
      if (name.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
        for (byte[] value : metadata.getAll(Metadata.Key.of(key, Metadata.BINARY_BYTE_MARSHALLER))) {
          headers.merge(name, Base64.getEncoder().encodeToString(value), (a, b) -> a + ", " + b);
        }
      } else {
        for (String value : metadata.getAll(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER))) {
          headers.merge(name, value, (a, b) -> a + ", " + b);
        }
      }
    }
    return Collections.unmodifiableMap(headers);
  }
}
