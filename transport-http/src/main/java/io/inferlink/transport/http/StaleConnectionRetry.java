package io.inferlink.transport.http;

import java.io.IOException;
import java.net.SocketException;
import java.util.List;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

/**
 * Sends a request once more, at once, when its pooled connection turns out to be dead: the server
 * closed it (after an error answer, say, without {@code Connection: close}, as KServe's uvicorn does
 * after a 500) and the close had not reached the pool yet when the request was written. Only a
 * reset or a missing answer qualifies, never a timeout, a refused connection or a TLS failure, and
 * only once; inference POSTs are treated as safe to repeat here, as OkHttp does for stale
 * connections. Bodies are repeatable ({@link BodyProducer}). The user's {@code RetryPolicy} is
 * separate and still off by default. Thread-safe.
 */
final class StaleConnectionRetry extends DefaultHttpRequestRetryStrategy {

  StaleConnectionRetry() {
    super(1, TimeValue.ZERO_MILLISECONDS, List.of(), List.of());
  }

  @Override
  public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
    boolean stale = exception instanceof NoHttpResponseException
        || (exception instanceof SocketException && String.valueOf(exception.getMessage()).contains("reset"));
    return stale && execCount <= 1;
  }
}
