package io.inferlink.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DeadlineExceededException;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.UnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** {@link Errors#connectionFailure}: the failure of an exchange that got no answer. */
class ConnectionFailureTest {
  private static final String WHERE = "http://h:8080";

  private static InferenceException map(Throwable t) {
    return Errors.connectionFailure(t, WHERE, SecretScrubber.NONE, "p");
  }

  @Test
  void connectionsThatCannotBeMadeOrBreakAreUnavailable() {
    for (Throwable t : List.of(new ConnectException("refused"), new UnknownHostException("h"),
        new HttpConnectTimeoutException("connect timed out"), new SSLHandshakeException("bad certificate"),
        new IOException("reset"))) {
      InferenceException e = map(t);
      assertInstanceOf(UnavailableException.class, e, t.toString());
      assertTrue(e.getMessage().contains(WHERE), e.getMessage());
      assertSame(t, e.getCause());
      assertEquals("p", e.provider());
    }
  }

  @Test
  void answersThatDoNotComeInTimeAreDeadlineExceeded() {
    assertInstanceOf(DeadlineExceededException.class, map(new HttpTimeoutException("request timed out")));
    assertInstanceOf(DeadlineExceededException.class, map(new SocketTimeoutException("read timed out")));
  }

  @Test
  void futureWrappersAreLookedThroughAndAnInferenceExceptionAmongTheCausesIsKept() {
    assertInstanceOf(UnavailableException.class, map(new CompletionException(new ConnectException("refused"))));
    InferenceException cap = Errors.create(ErrorCode.RESOURCE_EXHAUSTED, "too large", "p", null);
    assertSame(cap, map(new CompletionException(new IOException("body failed", cap))));
  }

  @Test
  void cancellationIsCancelledAndTheRestIsUnknown() {
    assertEquals(ErrorCode.CANCELLED, map(new CancellationException()).code());
    assertEquals(ErrorCode.UNKNOWN, map(new IllegalStateException("odd")).code());
  }

  @Test
  void theCallsSecretsAreScrubbedFromMessageAndCause() {
    SecretScrubber secrets = SecretScrubber.of(List.of("s3cret-token"));
    InferenceException e = Errors.connectionFailure(new IOException("header Authorization: Bearer s3cret-token"),
        WHERE, secrets, "p");
    assertFalse(e.getMessage().contains("s3cret-token"), e.getMessage());
    assertFalse(e.getCause().getMessage().contains("s3cret-token"), e.getCause().getMessage());
  }
}
