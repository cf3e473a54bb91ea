package io.inferlink.ovms;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ovms.OvmsFrontends;
import io.inferlink.emulator.ovms.OvmsImageModel;
import io.inferlink.emulator.ovms.OvmsRelease;

/**
 * One emulated OVMS for a test class: the kit's models, a model still loading ({@link LoadingModel})
 * and an image model ({@value #PICTURES}), on a REST and a gRPC port.
 */
final class OvmsTestServer implements AutoCloseable {
  static final String PICTURES = "pictures";

  final OvmsFrontends ovms;
  final LoadingModel loading = new LoadingModel();
  final Emulator emulator;

  private OvmsTestServer(OvmsRelease release) {
    ovms = OvmsFrontends.of(release);
    ModelScript script = ModelScript.builder().addBuiltins().add(loading).add(new OvmsImageModel(PICTURES)).build();
    emulator = Emulator.builder().script(script).frontend(ovms.rest()).frontend(ovms.grpc()).build().start();
  }

  static OvmsTestServer start(OvmsRelease release) {
    return new OvmsTestServer(release);
  }

  static OvmsTestServer start() {
    return start(OvmsRelease.V2026_2);
  }

  String endpoint(OvmsForm form) {
    return emulator.endpoint(form.scheme) + form.query;
  }

  int restPort() {
    return emulator.port(OvmsFrontends.REST_PROTOCOL);
  }

  InferenceClient client(OvmsForm form) {
    return InferenceClient.create(endpoint(form));
  }

  InferenceClient client(OvmsForm form, ClientOptions options) {
    return InferenceClient.create(endpoint(form), options);
  }

  @Override
  public void close() {
    emulator.close();
  }
}
