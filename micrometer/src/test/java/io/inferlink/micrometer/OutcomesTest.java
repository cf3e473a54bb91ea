package io.inferlink.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.ModelNotFoundException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The outcome tag: a code name however the failure is wrapped, never the failure's text. */
class OutcomesTest {
  @Test
  void successIsOk() {
    assertEquals("OK", Outcomes.of(null));
  }

  @Test
  void aTypedFailureGivesItsCodeThroughFutureWrappers() {
    InferenceException e = new InferenceException(ErrorCode.RESOURCE_EXHAUSTED, "model 'x' said: secret input");
    assertEquals("RESOURCE_EXHAUSTED", Outcomes.of(e));
    assertEquals("RESOURCE_EXHAUSTED", Outcomes.of(new CompletionException(new ExecutionException(e))));
    assertEquals("NOT_FOUND", Outcomes.of(new ModelNotFoundException("no model m")));
  }

  @Test
  void cancellationIsCancelledAndAnythingElseUnknown() {
    assertEquals("CANCELLED", Outcomes.of(new CompletionException(new CancellationException())));
    assertEquals("UNKNOWN", Outcomes.of(new IllegalStateException("boom")));
    assertEquals("UNKNOWN", Outcomes.of(new CompletionException((Throwable) null)));
  }
}
