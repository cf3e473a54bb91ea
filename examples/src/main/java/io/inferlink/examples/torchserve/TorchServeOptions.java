package io.inferlink.examples.torchserve;

import io.inferlink.ProtocolOption;

/** Options of the TorchServe template: {@code ClientOptions.builder().option(KEY, value)}, the endpoint's query or {@code INFERLINK_OPTION_...}. */
public final class TorchServeOptions {
  /**
   * {@code management-port}: the port of TorchServe's management API on the endpoint's host (8081), which
   * answers model readiness. The endpoint's base path, an ingress prefix of the inference API, is not applied.
   */
  public static final ProtocolOption<Long> MANAGEMENT_PORT = ProtocolOption.ofLong("management-port", 8081);

  /**
   * {@code management-token}: TorchServe's management key, sent as {@code Authorization: Bearer} on
   * management calls only; without it they carry the client's credentials (the inference key).
   */
  public static final ProtocolOption<String> MANAGEMENT_TOKEN = ProtocolOption.ofString("management-token", null);

  private TorchServeOptions() {}
}
