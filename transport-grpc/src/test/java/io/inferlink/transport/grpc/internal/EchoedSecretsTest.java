package io.inferlink.transport.grpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ClientInterceptors;
import io.grpc.Contexts;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.inferlink.ClientOptions;
import io.inferlink.InferenceException;
import io.inferlink.protos.internal.tensorflow.serving.GetModelStatusRequest;
import io.inferlink.protos.internal.tensorflow.serving.GetModelStatusResponse;
import io.inferlink.protos.internal.tensorflow.serving.ModelServiceGrpc;
import io.inferlink.spi.support.Redaction;
import io.inferlink.testkit.SecretLeaks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server that echoes the call's metadata into its status description, its trailers and the
 * status's cause (which the in-process transport hands to the client) never gets the call's
 * secrets into the exception or its cause chain, on the async and the blocking path.
 */
class EchoedSecretsTest {
  private static final Context.Key<String> ECHO = Context.key("echo");
  private static final Metadata.Key<String> ECHO_TRAILER = Metadata.Key.of("x-echo", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<byte[]> ECHO_BINARY = Metadata.Key.of("x-echo-bin", Metadata.BINARY_BYTE_MARSHALLER);
  private static final String API_KEY = "api-key-3d9e71b0";
  private static final String ROTATING = "rotating-8c2f40aa";
  private static final String TOKEN = "bearer-6a1b5c3e";
  private static final String PASSWORD = "basic-pw-0f7d2e94";
  private static final String VISIBLE = "visible-77aa";

  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    String name = InProcessServerBuilder.generateName();
    ModelServiceGrpc.ModelServiceImplBase service = new ModelServiceGrpc.ModelServiceImplBase() {
      @Override
      public void getModelStatus(GetModelStatusRequest request, StreamObserver<GetModelStatusResponse> out) {
        String echo = ECHO.get();
        Metadata trailers = new Metadata();
        trailers.put(ECHO_TRAILER, echo);
        trailers.put(ECHO_BINARY, echo.getBytes(StandardCharsets.UTF_8));
        out.onError(Status.PERMISSION_DENIED.withDescription("denied, you sent " + echo)
            .withCause(new IOException("cause also saw " + echo)).asRuntimeException(trailers));
      }
    };
    ServerInterceptor echoMetadata = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String echo = headers.keys().stream().filter(k -> !k.endsWith(Metadata.BINARY_HEADER_SUFFIX))
            .map(k -> k + ": " + headers.get(Metadata.Key.of(k, Metadata.ASCII_STRING_MARSHALLER)))
            .collect(Collectors.joining("; "));
        return Contexts.interceptCall(Context.current().withValue(ECHO, echo), call, headers, next);
      }
    };
    server = InProcessServerBuilder.forName(name).addService(ServerInterceptors.intercept(service, echoMetadata))
        .build().start();
    channel = InProcessChannelBuilder.forName(name).propagateCauseWithStatus(true).build();
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private static ClientOptions.Builder options() {
    return ClientOptions.builder().header("X-Api-Key", API_KEY).header("X-Visible", VISIBLE)
        .headersSupplier(() -> Map.of("x-session", ROTATING));
  }

  private static List<String> secrets(ClientOptions options) {
    String authorization = options.authorizationHeader();
    String encoded = authorization.substring(authorization.indexOf(' ') + 1);
    List<String> out = new ArrayList<>(List.of(API_KEY, ROTATING, TOKEN, PASSWORD, encoded));
    if (authorization.startsWith("Basic ")) {
      out.add(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
    }
    return out;
  }

  private io.grpc.Channel withHeaders(ClientOptions options) {
    return ClientInterceptors.intercept(channel, new HeadersInterceptor(options));
  }

  @Test
  void theStatusDescriptionTrailersAndCauseAreScrubbed() throws Exception {
    for (ClientOptions options : List.of(options().bearerToken(TOKEN).build(), options().basicAuth("u", PASSWORD).build())) {
      ExecutionException failed = assertThrows(ExecutionException.class, () -> GrpcCalls.unary(withHeaders(options),
          ModelServiceGrpc.getGetModelStatusMethod(), GetModelStatusRequest.getDefaultInstance(), Duration.ofSeconds(5),
          "test").get(10, TimeUnit.SECONDS));
      InferenceException e = assertInstanceOf(InferenceException.class, failed.getCause());
      assertTrue(e.serverMessage().contains(VISIBLE), "the echo should be there: " + e.serverMessage());
      SecretLeaks.assertNoneShown("async call", e, secrets(options));

      StatusRuntimeException cause = assertInstanceOf(StatusRuntimeException.class, e.getCause());
      assertEquals(Status.Code.PERMISSION_DENIED, cause.getStatus().getCode());
      String trailer = cause.getTrailers().get(ECHO_TRAILER);
      assertTrue(trailer.contains(VISIBLE) && trailer.contains(Redaction.MASK), trailer);
      SecretLeaks.assertNoneShown("trailer", new RuntimeException(trailer), secrets(options));
      assertEquals(null, cause.getTrailers().get(ECHO_BINARY), "a binary trailer holding a secret is left out");
      assertTrue(cause.getCause().getMessage().startsWith("cause also saw"), cause.getCause().getMessage());
    }
  }

  @Test
  void theBlockingPathIsScrubbedToo() {
    ClientOptions options = options().bearerToken(TOKEN).build();
    InferenceException e = assertThrows(InferenceException.class, () -> GrpcCalls.blockingUnary(withHeaders(options),
        ModelServiceGrpc.getGetModelStatusMethod(), GetModelStatusRequest.getDefaultInstance(), Duration.ofSeconds(5),
        "test", Map.of()));
    assertTrue(e.getMessage().contains(VISIBLE), e.getMessage());
    SecretLeaks.assertNoneShown("blocking call", e, secrets(options));
    StatusRuntimeException cause = assertInstanceOf(StatusRuntimeException.class, e.getCause());
    assertTrue(cause.getStackTrace().length > 0, "the original stack trace is kept");
  }
}
