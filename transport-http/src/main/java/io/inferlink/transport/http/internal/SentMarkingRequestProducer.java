package io.inferlink.transport.http.internal;

import java.io.IOException;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.RequestChannel;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * The request head and, when there is one, the {@link BodyProducer}; for a request without a body it
 * reports the request sent as soon as the head is handed to the connection, as the body producer does
 * after its last byte. Called by one I/O thread at a time.
 */
final class SentMarkingRequestProducer extends BasicRequestProducer {
  private final boolean hasBody;
  private final Runnable onSent;

  SentMarkingRequestProducer(HttpRequest request, BodyProducer body, Runnable onSent) {
    super(request, body);
    this.hasBody = body != null;
    this.onSent = onSent;
  }

  @Override
  public void sendRequest(RequestChannel channel, HttpContext context) throws HttpException, IOException {
    super.sendRequest(channel, context);
    if (!hasBody) {
      onSent.run();
    }
  }
}
