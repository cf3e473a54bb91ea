package io.inferlink.testcontainers.junit;

import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.oip.OipGrpcFrontend;
import io.inferlink.emulator.oip.OipRestFrontend;
import java.time.Duration;
import org.testcontainers.lifecycle.Startable;

/**
 * The emulator's Open Inference Protocol frontends (gRPC and REST) as a {@link Startable}, the way a
 * container would be: a fresh emulator on loopback ports at each start, closed at stop.
 */
final class EmulatorServer implements Startable {
  private volatile Emulator emulator;
  private volatile Emulator last;

  @Override
  public void start() {
    emulator = Emulator.builder().maxLifetime(Duration.ofMinutes(5))
        .frontend(new OipGrpcFrontend()).frontend(new OipRestFrontend()).build().start();
    last = emulator;
  }

  @Override
  public void stop() {
    Emulator running = emulator;
    emulator = null;
    if (running != null) {
      running.close();
    }
  }

  /** Whether the emulator of the last start still runs. */
  boolean isRunning() {
    return last != null && last.isRunning();
  }

  String grpcEndpoint() {
    return emulator.endpoint(OipGrpcFrontend.SCHEME);
  }

  String restEndpoint() {
    return emulator.endpoint(OipRestFrontend.SCHEME);
  }
}
