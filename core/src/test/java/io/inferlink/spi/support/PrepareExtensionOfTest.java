package io.inferlink.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.interceptor.InferenceCall;
import io.inferlink.interceptor.InferenceInterceptor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * A wrapping client sends a wrapped client's extension call through its own pipeline: the wrapped
 * client prepares it and sends nothing itself, and each attempt carries the wrapper's per-call headers.
 */
class PrepareExtensionOfTest {
  private static final InferenceInterceptor TAGGING = new InferenceInterceptor() {
    @Override
    public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
      return chain.proceed(call.withHeader("x-outer", "1"));
    }
  };

  @Test
  void theWrappedCallGoesOutOnceThroughTheWrappersPipelineWithItsHeaders() {
    ScriptedClient inner = new ScriptedClient(ClientOptions.defaults());
    ScriptedClient outer = new ScriptedClient(ClientOptions.builder().interceptor(TAGGING).build());
    String answer = outer.callExtension("repository.load", "m", false,
        () -> AbstractInferenceClient.prepareExtensionOf(() -> inner.load("m"))).join();
    assertEquals("loaded m", answer);
    assertEquals(1, inner.sent.size(), "attempts the wrapped client's transport sent: " + inner.sent);
    assertEquals("1", inner.sent.get(0).attempt().headers().get("x-outer"));
    assertTrue(outer.sent.isEmpty(), "the wrapper's own transport sent " + outer.sent);
  }

  @Test
  void aCallTheWrappedClientRefusesFailsEachAttemptWithItsRefusal() {
    ScriptedClient inner = new ScriptedClient(ClientOptions.defaults());
    inner.close();
    PreparedCall<String> call = AbstractInferenceClient.prepareExtensionOf(() -> inner.load("m"));
    CompletionException e = assertThrows(CompletionException.class, () -> call.send(null).join());
    assertInstanceOf(IllegalStateException.class, e.getCause());
    assertTrue(inner.sent.isEmpty());
  }

  @Test
  void aCallSentWithoutTheSkeletonIsACallerBug() {
    CompletableFuture<String> sentElsewhere = new CompletableFuture<>();
    assertThrows(IllegalStateException.class, () -> AbstractInferenceClient.prepareExtensionOf(() -> sentElsewhere));
    assertTrue(sentElsewhere.isCancelled(), "the stray call was not cancelled");
  }
}
