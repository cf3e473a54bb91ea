package io.inferlink.emulator.ovms;

import io.grpc.ServerInterceptors;
import io.inferlink.emulator.FrontendContext;
import io.inferlink.emulator.GrpcLoopbackServer;
import io.inferlink.emulator.LoopbackServer;
import io.inferlink.emulator.ProtocolFrontend;
import io.inferlink.emulator.oip.OipGrpcFrontend;
import io.inferlink.emulator.tfserving.TfServingGrpcFrontend;
import java.util.Set;

/**
 * The gRPC port of an {@link OvmsFrontends}: the TF Serving services (up to 2026.2) and
 * {@code inference.GRPCInferenceService} on one server, each behind {@link OvmsGrpcInterceptor}.
 * Model failures keep their code, as OVMS's gRPC statuses are the codes themselves. Thread-safe.
 */
final class OvmsGrpcFrontend implements ProtocolFrontend {
  private final OvmsFrontends ovms;

  OvmsGrpcFrontend(OvmsFrontends ovms) {
    this.ovms = ovms;
  }

  @Override
  public String protocol() {
    return OvmsFrontends.GRPC_PROTOCOL;
  }

  @Override
  public Set<String> schemes() {
    return Set.of("ovms+grpc");
  }

  @Override
  public LoopbackServer create(FrontendContext context) {
    FrontendContext inner = new FrontendContext(context.script(), context.recorder(), ovms.serverMetadata(),
        context.maxLifetime());
    OvmsGrpcInterceptor interceptor = new OvmsGrpcInterceptor(
        new OvmsGrpcRules(new OvmsModels(context.script())), ovms.metrics());
    GrpcLoopbackServer.Builder server = GrpcLoopbackServer.builder(OvmsFrontends.GRPC_PROTOCOL)
        .maxLifetime(context.maxLifetime())
        .recorder(context.recorder());
    if (ovms.release().hasTfServingApi()) {
      new TfServingGrpcFrontend().services(inner).forEach(s -> server.service(ServerInterceptors.intercept(s, interceptor)));
    }
    server.service(ServerInterceptors.intercept(new OipGrpcFrontend().service(inner), interceptor));
    return server.build();
  }
}
