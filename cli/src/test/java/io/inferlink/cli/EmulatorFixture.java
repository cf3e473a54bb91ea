package io.inferlink.cli;

import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.kservev1.KServeV1RestFrontend;
import io.inferlink.emulator.oip.OipGrpcFrontend;
import io.inferlink.emulator.oip.OipRestFrontend;
import io.inferlink.emulator.tfserving.TfServingGrpcFrontend;
import io.inferlink.emulator.tfserving.TfServingRestFrontend;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

/** Emulators on 127.0.0.1 for the command tests, with a short lifetime so none can outlive a run. */
final class EmulatorFixture {
  private EmulatorFixture() {}

  /** Every protocol the CLI speaks, hosting the kit's models. */
  static Emulator allProtocols() {
    return allProtocols(ModelScript.builtins());
  }

  static Emulator allProtocols(ModelScript script) {
    return Emulator.builder().script(script).maxLifetime(Duration.ofMinutes(5))
        .frontend(new TfServingRestFrontend()).frontend(new TfServingGrpcFrontend())
        .frontend(new KServeV1RestFrontend()).frontend(new OipRestFrontend()).frontend(new OipGrpcFrontend())
        .build().start();
  }

  /** A port nothing listens on: bound once by the system, then released. */
  static int closedPort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
