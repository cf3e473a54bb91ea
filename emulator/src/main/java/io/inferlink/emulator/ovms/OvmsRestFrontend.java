package io.inferlink.emulator.ovms;

import io.inferlink.emulator.FrontendContext;
import io.inferlink.emulator.HttpFrontend;
import io.inferlink.emulator.HttpLoopbackServer;
import io.inferlink.emulator.oip.OipRestFrontend;
import io.inferlink.emulator.tfserving.TfServingRestFrontend;

/**
 * The REST port of an {@link OvmsFrontends}: the TF Serving and Open Inference Protocol REST routes
 * over the script, wrapped by {@link OvmsRestRoute}. Thread-safe.
 */
final class OvmsRestFrontend extends HttpFrontend {
  private final OvmsFrontends ovms;

  OvmsRestFrontend(OvmsFrontends ovms) {
    super(OvmsFrontends.REST_PROTOCOL, "ovms+http", null, null);
    this.ovms = ovms;
  }

  @Override
  protected void serve(HttpLoopbackServer.Builder server, FrontendContext context) {
    // The wrapped routes see models that fail past them, so OVMS's table answers the failures.
    FrontendContext inner = ovms.beneath(context, OvmsScript.wrap(context.script()));
    OvmsModels models = new OvmsModels(context.script());
    OvmsTfsRest tfs = ovms.release().hasTfServingApi()
        ? new OvmsTfsRest(new TfServingRestFrontend().route(inner), models, ovms.metrics()) : null;
    OvmsKfsRest kfs = new OvmsKfsRest(new OipRestFrontend().route(inner), models, ovms.metrics(), ovms.release());
    server.failureReply(f -> OvmsJson.error(OvmsStatuses.httpStatus(f.code()), f.getMessage()))
        .route("/", new OvmsRestRoute(context.recorder(), models, tfs, kfs, ovms.metrics(), ovms.config()));
  }
}
