package io.inferlink.examples.torchserve.emulator;

import io.inferlink.emulator.FrontendContext;
import io.inferlink.emulator.HttpLoopbackServer;
import io.inferlink.emulator.LoopbackServer;
import io.inferlink.emulator.ProtocolFrontend;
import java.util.Set;

/**
 * The emulator's TorchServe management API (read-only: model list and descriptions) on its own
 * port, as TorchServe serves it apart from the inference API. Clients reach it through the option
 * {@code management-port}; its scheme, {@value #SCHEME}, exists only so that the emulator can name
 * it. Immutable and thread-safe.
 */
public final class TorchServeManagementFrontend implements ProtocolFrontend {
  /** The protocol name; {@code emulator.port(PROTOCOL)} is the value of {@code management-port}. */
  public static final String PROTOCOL = "torchserve-management";
  /** An emulator-only scheme: no client connects with it. */
  public static final String SCHEME = "torchserve-management+http";

  @Override
  public String protocol() {
    return PROTOCOL;
  }

  @Override
  public Set<String> schemes() {
    return Set.of(SCHEME);
  }

  @Override
  public LoopbackServer create(FrontendContext context) {
    return HttpLoopbackServer.builder(PROTOCOL)
        .maxLifetime(context.maxLifetime())
        .route("/", new TorchServeManagementHandler(context))
        .build();
  }
}
