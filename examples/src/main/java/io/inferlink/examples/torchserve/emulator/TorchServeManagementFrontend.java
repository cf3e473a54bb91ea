package io.inferlink.examples.torchserve.emulator;

import io.inferlink.emulator.FrontendContext;
import io.inferlink.emulator.HttpFrontend;
import io.inferlink.emulator.HttpLoopbackServer;

/**
 * The emulator's TorchServe management API (read-only: model list and descriptions) on its own
 * port, as TorchServe serves it apart from the inference API. Clients reach it through the option
 * {@code management-port}; its scheme, {@value #SCHEME}, exists only so that the emulator can name
 * it. Immutable and thread-safe.
 */
public final class TorchServeManagementFrontend extends HttpFrontend {
  /** The protocol name; {@code emulator.port(PROTOCOL)} is the value of {@code management-port}. */
  public static final String PROTOCOL = "torchserve-management";
  /** An emulator-only scheme: no client connects with it. */
  public static final String SCHEME = "torchserve-management+http";

  /** Plaintext, like TorchServe's default {@code management_address}. */
  public TorchServeManagementFrontend() {
    super(PROTOCOL, SCHEME, null, null);
  }

  @Override
  protected void serve(HttpLoopbackServer.Builder server, FrontendContext context) {
    server.route("/", new TorchServeManagementHandler(context));
  }
}
