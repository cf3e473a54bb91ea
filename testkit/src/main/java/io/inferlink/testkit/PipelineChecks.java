package io.inferlink.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.ModelRef;
import io.inferlink.UnavailableException;
import io.inferlink.interceptor.InferenceCall;
import io.inferlink.interceptor.InferenceCall.Operation;
import io.inferlink.interceptor.InferenceInterceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Checks that every operation of a client goes through the one pipeline of its options: an interceptor
 * sees it with the right operation, model and attempt, a header it adds reaches the server, a
 * short-circuit sends nothing, and a request's own headers go out with that call only. For a backend's
 * tests, over the operations the backend has (extensions included), against a server that a
 * {@link ServerObserver} watches. Stateless and thread-safe.
 */
public final class PipelineChecks {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final Duration SILENCE = Duration.ofMillis(300);

  /**
   * One operation of a client as a test runs it, and what an interceptor must see of it.
   *
   * @param operation the operation an interceptor must see
   * @param operationName the name the test reports it under
   * @param model the model an interceptor must see, or {@code null} for a server-level operation
   * @param run makes the call on the client it is given
   */
  public record Op(Operation operation, String operationName, ModelRef model, Consumer<InferenceClient> run) {
    @Override
    public String toString() {
      return operationName;
    }
  }

  private PipelineChecks() {}

  /**
   * An interceptor sees {@code op} once, as attempt 1 with its operation, name and model, and a header it
   * adds reaches the server.
   *
   * @param op the operation to run, and what the interceptor must see of it
   * @param clients makes a client from the given options (the check adds its interceptor); the check closes it
   * @param server the server's view of calls, to see the interceptor's header arrive
   */
  public static void interceptorSees(Op op, Function<ClientOptions.Builder, InferenceClient> clients,
      ServerObserver server) {
    List<InferenceCall> seen = Collections.synchronizedList(new ArrayList<>());
    String callId = UUID.randomUUID().toString();
    InferenceInterceptor recordAndTag = new InferenceInterceptor() {
      @Override
      public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
        seen.add(call);
        return chain.proceed(call.withHeader(KitModels.CALL_ID_HEADER, callId));
      }
    };
    try (InferenceClient client = clients.apply(ClientOptions.builder().interceptor(recordAndTag))) {
      op.run().accept(client);
    }
    assertEquals(1, seen.size(), op + ": the interceptor saw " + seen);
    InferenceCall call = seen.get(0);
    assertEquals(op.operation(), call.operation(), op + ": " + call);
    assertEquals(op.operationName(), call.operationName(), op + ": " + call);
    assertEquals(op.model(), call.model(), op + ": " + call);
    assertEquals(1, call.attempt(), op + ": " + call);
    assertTrue(server.headersOfCall(callId, WAIT).isPresent(), op + ": the interceptor's header reached no server");
  }

  /**
   * An interceptor that answers {@code op} itself: the caller gets its answer and the server sees nothing.
   *
   * @param op the operation to run
   * @param clients makes a client from the given options (the check adds its interceptors); the check closes it
   * @param server the server's view of calls, to see that the call never arrives
   */
  public static void shortCircuitSendsNothing(Op op, Function<ClientOptions.Builder, InferenceClient> clients,
      ServerObserver server) {
    UnavailableException answer = new UnavailableException("answered by the interceptor");
    String callId = UUID.randomUUID().toString();
    InferenceInterceptor shortCircuit = new InferenceInterceptor() {
      @Override
      public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
        return CompletableFuture.failedFuture(answer);
      }
    };
    InferenceInterceptor tag = new InferenceInterceptor() {
      @Override
      public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
        return chain.proceed(call.withHeader(KitModels.CALL_ID_HEADER, callId));
      }
    };
    try (InferenceClient client = clients.apply(ClientOptions.builder().interceptor(shortCircuit).interceptor(tag))) {
      assertSame(answer, assertThrows(UnavailableException.class, () -> op.run().accept(client)), op.toString());
    }
    assertTrue(server.headersOfCall(callId, SILENCE).isEmpty(), op + ": a short-circuited call reached the server");
  }

  /**
   * A header of {@code request} (which must not set the call id or {@code X-Pipeline-Check}) reaches
   * the server with that call, blocking and async, and is not sent with the next one.
   *
   * @param request the request to send, whose headers the check adds to
   * @param clients makes a client from the given options; the check closes it
   * @param server the server's view of calls, to see which headers arrived with each call
   */
  public static void perCallHeaderGoesWithItsCallOnly(InferenceRequest request,
      Function<ClientOptions.Builder, InferenceClient> clients, ServerObserver server) {
    try (InferenceClient client = clients.apply(ClientOptions.builder())) {
      String first = UUID.randomUUID().toString();
      client.infer(tagged(request, first).header("X-Pipeline-Check", "one").build());
      String second = UUID.randomUUID().toString();
      client.inferAsync(tagged(request, second).header("X-Pipeline-Check", "two").build()).join();
      String third = UUID.randomUUID().toString();
      client.infer(tagged(request, third).build());
      assertEquals("one", headersOf(server, first).get("x-pipeline-check"));
      assertEquals("two", headersOf(server, second).get("x-pipeline-check"));
      Map<String, String> next = headersOf(server, third);
      assertFalse(next.containsKey("x-pipeline-check"), "the next call carried the previous call's header: " + next);
    }
  }

  private static InferenceRequest.Builder tagged(InferenceRequest request, String callId) {
    return request.toBuilder().header(KitModels.CALL_ID_HEADER, callId);
  }

  private static Map<String, String> headersOf(ServerObserver server, String callId) {
    return server.headersOfCall(callId, WAIT).orElseThrow(() -> new AssertionError("call " + callId
        + " reached no server"));
  }
}
