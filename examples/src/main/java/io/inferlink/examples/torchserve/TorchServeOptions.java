package io.inferlink.examples.torchserve;

import io.inferlink.ProtocolOption;

/**
 * Options of the TorchServe template, set with {@code ClientOptions.builder().option(KEY, value)}, in
 * the endpoint's query ({@code torchserve+http://host:8080?management-port=9081}) or as {@code
 * INFERLINK_OPTION_MANAGEMENT_PORT}.
 */
public final class TorchServeOptions {
  /**
   * {@code management-port}: the port of TorchServe's management API on the same host (8081 by
   * default), which answers model readiness. The endpoint's base path (an ingress prefix of the
   * inference API) is not applied to it.
   */
  public static final ProtocolOption<Long> MANAGEMENT_PORT = ProtocolOption.ofLong("management-port", 8081);

  /**
   * {@code management-token}: TorchServe's management key, sent as {@code Authorization: Bearer} on
   * management calls only (the inference key is the client's bearer token). Without it, management
   * calls carry the inference credentials.
   */
  public static final ProtocolOption<String> MANAGEMENT_TOKEN = ProtocolOption.ofString("management-token", null);

  private TorchServeOptions() {}
}
