package io.inferlink.ovms;

import io.inferlink.InferenceClient;
import io.inferlink.spi.support.Futures;
import io.inferlink.tfserving.ModelVersionStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * OpenVINO Model Server's own operations, reached with {@code client.unwrap(Ovms.class)} on an
 * {@code ovms+http(s)} client, or on an {@code ovms+grpc(s)} client given the server's
 * {@link OvmsOptions#REST_PORT} (OVMS serves these over REST only). Thread-safe; asynchronous forms
 * fail their future with an {@link io.inferlink.InferenceException}, synchronous forms throw the same.
 */
public interface Ovms {

  /**
   * The state of every served model's versions ({@code GET /v1/config}).
   *
   * @return a future of the version states by model name, in the server's order
   */
  CompletableFuture<Map<String, List<ModelVersionStatus>>> configStatusAsync();

  /**
   * Fetches the configuration status and waits; see {@link #configStatusAsync}.
   *
   * @return the version states by model name, in the server's order
   */
  default Map<String, List<ModelVersionStatus>> configStatus() {
    return Futures.await(configStatusAsync());
  }

  /**
   * Makes the server read its configuration file again ({@code POST /v1/config/reload}), for servers
   * started with {@code --file_system_poll_wait_seconds 0}. A file the server cannot read or apply
   * fails the future with the server's message.
   *
   * @return a future of what the reload did and the version states afterwards
   */
  CompletableFuture<ConfigReload> reloadConfigAsync();

  /**
   * Reloads the configuration and waits; see {@link #reloadConfigAsync}.
   *
   * @return what the reload did and the version states afterwards
   */
  default ConfigReload reloadConfig() {
    return Futures.await(reloadConfigAsync());
  }

  /**
   * The server's Prometheus metrics ({@code GET /metrics}, enabled with {@code --metrics_enable}),
   * parsed into samples in the server's order; comments and type lines are left out.
   *
   * @return a future of every sample the server wrote
   */
  CompletableFuture<List<MetricSample>> metricsAsync();

  /**
   * Fetches the metrics and waits; see {@link #metricsAsync}.
   *
   * @return every sample the server wrote, in its order
   */
  default List<MetricSample> metrics() {
    return Futures.await(metricsAsync());
  }

  /**
   * The client this extension belongs to.
   *
   * @return the client {@code unwrap} was called on
   */
  InferenceClient client();
}
