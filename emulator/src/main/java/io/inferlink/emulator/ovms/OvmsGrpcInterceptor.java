package io.inferlink.emulator.ovms;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Puts {@link OvmsGrpcRules} in front of the emulator's TF Serving and Open Inference Protocol
 * services: each call goes through an {@link OvmsGrpcCall}, and a request refused or answered by the
 * rules never reaches the service. Thread-safe.
 */
final class OvmsGrpcInterceptor implements ServerInterceptor {
  private final OvmsGrpcRules rules;
  private final OvmsMetrics metrics;

  OvmsGrpcInterceptor(OvmsGrpcRules rules, OvmsMetrics metrics) {
    this.rules = rules;
    this.metrics = metrics;
  }

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
      ServerCallHandler<Q, A> next) {
    OvmsGrpcCall<Q, A> ovms = new OvmsGrpcCall<>(call, rules, metrics);
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<Q>(next.startCall(ovms, headers)) {
      @Override
      public void onMessage(Q message) {
        Q passed = ovms.inbound(message);
        if (passed != null) {
          super.onMessage(passed);
        }
      }

      @Override
      public void onHalfClose() {
        if (!ovms.answered()) {
          super.onHalfClose();
        }
      }
    };
  }
}
