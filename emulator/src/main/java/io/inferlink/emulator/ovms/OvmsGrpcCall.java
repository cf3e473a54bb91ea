package io.inferlink.emulator.ovms;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;

/**
 * One gRPC call through OVMS's rules: the request may be rewritten, refused or answered here; the
 * response may be rewritten, or turned into a failure; inference calls are counted in the metrics.
 * Used by one call's serialised callbacks only.
 *
 * @param <Q> the request type
 * @param <A> the response type
 */
final class OvmsGrpcCall<Q, A> extends ForwardingServerCall.SimpleForwardingServerCall<Q, A> {
  private final OvmsGrpcRules rules;
  private final String method;
  private final OvmsMetrics metrics;
  private volatile boolean answered;
  private OvmsMetrics.Series series;
  private long start;
  private Runnable inFlight;

  OvmsGrpcCall(ServerCall<Q, A> call, OvmsGrpcRules rules, OvmsMetrics metrics) {
    super(call);
    this.rules = rules;
    this.method = call.getMethodDescriptor().getFullMethodName();
    this.metrics = metrics;
  }

  /** The request to hand on, or null when the call was refused or answered here. */
  @SuppressWarnings("unchecked")
  Q inbound(Q request) {
    try {
      Object passed = rules.request(method, request, this);
      return answered ? null : (Q) passed;
    } catch (OvmsError e) {
      fail(e.toGrpc().getStatus());
      return null;
    }
  }

  /** Whether the call was finished here, so the service must not see its end. */
  boolean answered() {
    return answered;
  }

  /** Counts this call as an inference on {@code s}, from now until it closes. */
  void measure(OvmsMetrics.Series s) {
    series = s;
    start = System.nanoTime();
    inFlight = metrics.started(s.name());
  }

  /** Answers the call here with {@code response}. */
  @SuppressWarnings("unchecked")
  void reply(Object response) {
    answered = true;
    delegate().sendHeaders(new Metadata());
    delegate().sendMessage((A) response);
    delegate().close(Status.OK, new Metadata());
  }

  @Override
  @SuppressWarnings("unchecked")
  public void sendMessage(A message) {
    if (answered) {
      return;
    }
    try {
      super.sendMessage((A) rules.response(method, message));
    } catch (OvmsError e) {
      fail(e.toGrpc().getStatus());
    }
  }

  @Override
  public void close(Status status, Metadata trailers) {
    if (answered) {
      return; // the service finishing a call that OVMS's rules already ended
    }
    finish(status.isOk());
    super.close(status, trailers);
  }

  private void fail(Status status) {
    answered = true;
    finish(false);
    delegate().close(status, new Metadata());
  }

  private void finish(boolean ok) {
    if (series != null) {
      inFlight.run();
      metrics.record(series, ok, (System.nanoTime() - start) / 1000);
      series = null;
    }
  }
}
