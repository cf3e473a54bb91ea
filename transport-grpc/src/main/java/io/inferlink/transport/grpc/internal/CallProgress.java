package io.inferlink.transport.grpc.internal;

import io.grpc.ClientStreamTracer;
import io.grpc.Metadata;
import io.inferlink.InferenceException.Delivery;

/**
 * How far one call got, as grpc-java's stream tracer reports it: whether the request message was
 * handed to a connection, and whether the server's trailers (its status) came back. grpc-java fails
 * a call with UNAVAILABLE both when it could not connect and when the connection broke after the
 * request went out; this tells the two apart. One per call; thread-safe.
 */
final class CallProgress extends ClientStreamTracer.Factory {
  private volatile boolean sent;
  private volatile boolean answered;

  @Override
  public ClientStreamTracer newClientStreamTracer(ClientStreamTracer.StreamInfo info, Metadata headers) {
    return new ClientStreamTracer() {
      @Override
      public void outboundMessageSent(int seqNo, long optionalWireSize, long optionalUncompressedSize) {
        // The message is framed onto a stream of a live connection: from now on the server may run it.
        sent = true;
      }

      @Override
      public void inboundTrailers(Metadata trailers) {
        answered = true;
      }
    };
  }

  /**
   * {@link Delivery#ANSWERED} once the server's status arrived, else {@link Delivery#OUTCOME_UNKNOWN}
   * once the request went to a connection, else {@link Delivery#NOT_SENT} (no connection, TLS
   * failure, deadline while connecting).
   */
  Delivery delivery() {
    return answered ? Delivery.ANSWERED : sent ? Delivery.OUTCOME_UNKNOWN : Delivery.NOT_SENT;
  }
}
