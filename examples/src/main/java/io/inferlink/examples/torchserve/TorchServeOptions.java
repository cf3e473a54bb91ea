package io.inferlink.examples.torchserve;

import io.inferlink.ProtocolOption;

/**
 * Options of the TorchServe template provider, set with {@code ClientOptions.builder().option(KEY,
 * value)}, in the endpoint's query ({@code torchserve+http://host:8080?management-port=9081}) or as
 * {@code INFERLINK_OPTION_MANAGEMENT_PORT}. Constants only; thread-safe.
 */
public final class TorchServeOptions {
  /**
   * {@code management-port}: the port of TorchServe's management API on the same host (8081 by
   * default), which answers model readiness ({@code GET /models/{model}}). TorchServe serves the
   * inference and management APIs on separate listeners; an endpoint's base path (an ingress
   * prefix of the inference API) is not applied to the management API.
   */
  public static final ProtocolOption<Long> MANAGEMENT_PORT = ProtocolOption.ofLong("management-port", 8081);

  /**
   * {@code management-token}: the management key of TorchServe's token authorization, sent as
   * {@code Authorization: Bearer <token>} on management calls only. TorchServe issues separate
   * inference and management keys; the inference key is the client's bearer token
   * ({@code INFERLINK_BEARER_TOKEN}). Without this option management calls carry the same
   * credentials as inference calls.
   */
  public static final ProtocolOption<String> MANAGEMENT_TOKEN = ProtocolOption.ofString("management-token", null);

  private TorchServeOptions() {}
}
