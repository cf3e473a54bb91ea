package io.inferlink.examples.torchserve;

import io.inferlink.ProtocolOption;

/** Options of the TorchServe template: {@code ClientOptions.builder().option(KEY, value)}, the endpoint's query or {@code INFERLINK_OPTION_...}. */
public final class TorchServeOptions {
  /** {@code management-port}: the port of TorchServe's management API (model readiness) on the endpoint's host, without its base path. */
  public static final ProtocolOption<Long> MANAGEMENT_PORT = ProtocolOption.ofLong("management-port", 8081);

  /** {@code management-token}: TorchServe's management key, sent as bearer token on management calls instead of the client's. */
  public static final ProtocolOption<String> MANAGEMENT_TOKEN = ProtocolOption.ofString("management-token", null);

  private TorchServeOptions() {}
}
