package io.inferlink.transport.http.internal;

import java.io.IOException;
import java.net.SocketException;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

/**
 * Sends a request once more, at once, when its pooled connection turns out to be dead: the server
 * closed it (after an error answer, say, without {@code Connection: close}, as KServe's uvicorn does
 * after a 500) and the close had not reached the pool yet when the request was written. Only a
 * reset, a close by the peer or a missing answer before any response head qualifies, never a
 * timeout, a cancel, a refused connection or a TLS failure, and only once. And only when sending it
 * again cannot run the model twice: the request did not go out whole, or it is idempotent. A
 * request that went out whole may have been taken by the server before the connection broke, which
 * the client cannot tell from a stale connection. Bodies are repeatable ({@link BodyProducer}). The
 * user's {@code RetryPolicy} is separate and still off by default. Thread-safe.
 */
final class StaleConnectionRetry extends DefaultHttpRequestRetryStrategy {
  private static final String ANSWERED = "inferlink.answered";
  private static final String ENDED = "inferlink.ended";
  private static final String SAFE_TO_RESEND = "inferlink.safe-to-resend";

  StaleConnectionRetry() {
    super(1, TimeValue.ZERO_MILLISECONDS, List.of(), List.of());
  }

  /**
   * Gives the strategy a view of whether the call already ended (a cancel or deadline is never
   * retried) and of whether sending it again is safe (not sent whole yet, or idempotent).
   */
  static void attach(HttpContext context, BooleanSupplier ended, BooleanSupplier safeToResend) {
    context.setAttribute(ENDED, ended);
    context.setAttribute(SAFE_TO_RESEND, safeToResend);
  }

  /** Records that a response head arrived: the server took the request, which is then never resent. */
  static void markAnswered(HttpContext context) {
    if (context != null) {
      context.setAttribute(ANSWERED, Boolean.TRUE);
    }
  }

  @Override
  public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
    boolean stale = exception instanceof NoHttpResponseException
        || exception instanceof ConnectionClosedException
        || (exception instanceof SocketException && String.valueOf(exception.getMessage()).contains("reset"));
    // A response head that arrived means the server took the request: a cut answer is not retried.
    if (!stale || execCount > 1 || context == null || context.getAttribute(ANSWERED) != null) {
      return false;
    }
    return !holds(context, ENDED, false) && holds(context, SAFE_TO_RESEND, true);
  }

  private static boolean holds(HttpContext context, String attribute, boolean otherwise) {
    Object value = context.getAttribute(attribute);
    return value instanceof BooleanSupplier ? ((BooleanSupplier) value).getAsBoolean() : otherwise;
  }
}
