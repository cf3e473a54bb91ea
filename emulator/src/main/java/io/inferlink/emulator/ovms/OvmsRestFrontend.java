package io.inferlink.emulator.ovms;

import io.inferlink.emulator.FrontendContext;
import io.inferlink.emulator.HttpLoopbackServer;
import io.inferlink.emulator.LoopbackServer;
import io.inferlink.emulator.ProtocolFrontend;
import io.inferlink.emulator.oip.OipRestFrontend;
import io.inferlink.emulator.tfserving.TfServingRestFrontend;
import java.util.Set;

/**
 * The REST port of an {@link OvmsFrontends}: the TF Serving and Open Inference Protocol REST routes
 * over the script, wrapped by {@link OvmsRestRoute}. Thread-safe.
 */
final class OvmsRestFrontend implements ProtocolFrontend {
  private final OvmsFrontends ovms;

  OvmsRestFrontend(OvmsFrontends ovms) {
    this.ovms = ovms;
  }

  @Override
  public String protocol() {
    return OvmsFrontends.REST_PROTOCOL;
  }

  @Override
  public Set<String> schemes() {
    return Set.of("ovms+http");
  }

  @Override
  public LoopbackServer create(FrontendContext context) {
    // The wrapped routes see models that fail past them, so OVMS's table answers the failures.
    FrontendContext inner = new FrontendContext(OvmsScript.wrap(context.script()), context.recorder(),
        ovms.serverMetadata(), context.maxLifetime());
    OvmsModels models = new OvmsModels(context.script());
    OvmsTfsRest tfs = ovms.release().hasTfServingApi()
        ? new OvmsTfsRest(new TfServingRestFrontend().route(inner), models, ovms.metrics()) : null;
    OvmsKfsRest kfs = new OvmsKfsRest(new OipRestFrontend().route(inner), models, ovms.metrics(), ovms.release());
    return HttpLoopbackServer.builder(OvmsFrontends.REST_PROTOCOL)
        .maxLifetime(context.maxLifetime())
        .failureReply(f -> OvmsJson.error(OvmsStatuses.httpStatus(f.code()), f.getMessage()))
        .route("/", new OvmsRestRoute(context.recorder(), models, tfs, kfs, ovms.metrics(), ovms.config()))
        .build();
  }
}
