package io.inferlink.emulator.ovms;

import io.grpc.ServerInterceptors;
import io.inferlink.emulator.FrontendContext;
import io.inferlink.emulator.GrpcFrontend;
import io.inferlink.emulator.GrpcLoopbackServer;
import io.inferlink.emulator.oip.OipGrpcFrontend;
import io.inferlink.emulator.tfserving.TfServingGrpcFrontend;

/**
 * The gRPC port of an {@link OvmsFrontends}: the TF Serving services (up to 2026.2) and
 * {@code inference.GRPCInferenceService} on one server, each behind {@link OvmsGrpcInterceptor}.
 * Model failures keep their code, as OVMS's gRPC statuses are the codes themselves. Thread-safe.
 */
final class OvmsGrpcFrontend extends GrpcFrontend {
  private final OvmsFrontends ovms;

  OvmsGrpcFrontend(OvmsFrontends ovms) {
    super(OvmsFrontends.GRPC_PROTOCOL, "ovms+grpc", null, null);
    this.ovms = ovms;
  }

  @Override
  protected void serve(GrpcLoopbackServer.Builder server, FrontendContext context) {
    FrontendContext inner = ovms.beneath(context, context.script());
    OvmsGrpcInterceptor interceptor = new OvmsGrpcInterceptor(
        new OvmsGrpcRules(new OvmsModels(context.script())), ovms.metrics());
    if (ovms.release().hasTfServingApi()) {
      new TfServingGrpcFrontend().services(inner).forEach(s -> server.service(ServerInterceptors.intercept(s, interceptor)));
    }
    server.service(ServerInterceptors.intercept(new OipGrpcFrontend().service(inner), interceptor));
  }
}
